import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, Socket } from 'node:net'

// A real redis-server on a free loopback port, for the tests and the bench: nothing saved to disk,
// stopped and started again on the same port to play an outage.

/** REDIS_SERVER names the executable when it is not on the PATH ("" says there is none). */
export function redisServerPath(): string | null {
  const named = process.env.REDIS_SERVER
  if (named !== undefined) return named !== '' && existsSync(named) ? named : null
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' })
  return found.status === 0 && found.stdout.trim() !== '' ? found.stdout.trim() : null
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Resolves once the port answers PING with PONG. */
async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket()
    socket.setTimeout(500)
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
  })
}

export type TestRedis = {
  url: string
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startRedis(executable: string): Promise<TestRedis> {
  const port = await freePort()
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn(
      executable,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    )
    for (let tries = 0; tries < 200; tries += 1) {
      if (await answers(port)) return
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`redis-server did not answer on port ${port}`)
  }
  const stop = async () => {
    const running = child
    child = null
    if (running === null || running.exitCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, stop, start }
}
