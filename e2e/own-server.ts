import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import path from 'node:path'
import { expect } from '@playwright/test'

// A showcase server of a test's own (`npm start`'s server/main.ts on a free port), for tests that
// change what the server holds (its clock, a member's badges) or stop it, without touching the
// server the other tests share.

const root = path.resolve(import.meta.dirname, '..')

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

export async function freePort(): Promise<number> {
  const probe = createServer()
  const port = await listen(probe)
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * `npm start`'s own command (package.json), run by this Node without npm in between, so a signal
 * the test sends reaches the server as an operator's supervisor would send it.
 */
function startArguments(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
  const [program, ...rest] = manifest.scripts.start.split(/\s+/)
  if (program !== 'node') throw new Error(`npm start runs ${program}, not node: update this helper`)
  return rest
}

export type OwnServer = {
  child: ChildProcess
  port: number
  url: string
  /** Every JSON record the server logged so far. */
  records: Record<string, unknown>[]
  stop: () => Promise<void>
}

/** Starts the server and resolves once it listens. */
export async function startShowcase(env: Record<string, string>): Promise<OwnServer> {
  const port = await freePort()
  const child = spawn(process.execPath, startArguments(), {
    cwd: root,
    // (SHOWCASE_RENDER_RATE: every test's page comes from one address, past a client's share.)
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SHOWCASE_RENDER_RATE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const records: Record<string, unknown>[] = []
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) records.push(JSON.parse(line))
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  await expect
    .poll(() => records.some((record) => String(record.msg).includes('Badge Showcase')), {
      timeout: 90_000,
    })
    .toBe(true)
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return { child, port, url: `http://127.0.0.1:${port}`, records, stop }
}

/** A demo server whose emulator a test may move in time or award badges on (control.ts). */
export async function startControlledDemo(env: Record<string, string> = {}) {
  const server = await startShowcase({ SHOWCASE_EMULATOR_CONTROL: 'true', ...env })
  const post = async (pathname: string, body?: unknown) => {
    const response = await fetch(`${server.url}/__emulator${pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`)
    return (await response.json()) as Record<string, number>
  }
  return {
    ...server,
    /** Moves the server's clock (the emulator's and everything checked against it) forward. */
    advance: (days: number) => post('/clock', { days }),
    /** The brand opens a badge it issues to the member (an open issue, as Capillary keeps one). */
    issue: (member: string, badgeId: string) => post(`/members/${member}/badges/${badgeId}/issue`),
    award: (member: string, badgeId: string) => post(`/members/${member}/badges/${badgeId}/earn`),
    revoke: (member: string, badgeId: string) =>
      post(`/members/${member}/badges/${badgeId}/revoke`),
  }
}
