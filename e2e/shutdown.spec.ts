import { type ChildProcess } from 'node:child_process'
import { createServer, get } from 'node:http'
import { expect, test } from '@playwright/test'
import { listen, startShowcase } from './own-server.ts'

// Graceful shutdown of the real server process (`npm start`'s server/main.ts) in live mode, in
// front of a stand-in cluster that answers only when the test lets it.

/** A cluster whose Badges API answers hang until release(); arrived resolves on the first one. */
async function slowCluster() {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  let arrive: () => void = () => undefined
  const arrived = new Promise<void>((resolve) => (arrive = resolve))
  const server = createServer((request, response) => {
    if (!request.url?.startsWith('/api_gateway/')) {
      response.statusCode = 404
      return response.end()
    }
    arrive()
    void released.then(() => {
      response.setHeader('Content-Type', 'application/json')
      response.end(
        JSON.stringify({ data: { badges: [], pagination: {} }, errors: [], warnings: [] }),
      )
    })
  })
  const port = await listen(server)
  return { url: `http://127.0.0.1:${port}`, arrived, release, server }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/** A GET on a connection of its own: resolves with the status, rejects when it cannot connect. */
function getOnNewConnection(port: number, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: pathname, agent: false }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    }).on('error', reject)
  })
}

test.describe.configure({ timeout: 120_000 })

test('SIGTERM: the request in flight completes, new connections are refused, exit code 0', async () => {
  const cluster = await slowCluster()
  const { child, port, records } = await startShowcase({
    CAPILLARY_API_URL: cluster.url,
    CAPILLARY_USERNAME: 'till',
    CAPILLARY_PASSWORD: 'secret',
    SHOWCASE_ALLOW_ANY_MEMBER: 'true',
    SHOWCASE_SHUTDOWN_TIMEOUT: '60',
  })
  try {
    expect(await getOnNewConnection(port, '/healthz')).toBe(200)
    const inFlight = fetch(
      `http://127.0.0.1:${port}/api_gateway/v1/badges/customer/62090013?badgeType=EARNED`,
    )
    await cluster.arrived
    const exit = exited(child)
    child.kill('SIGTERM')
    await expect
      .poll(() => records.some((record) => String(record.msg).startsWith('shutting down')))
      .toBe(true)

    await expect(getOnNewConnection(port, '/healthz')).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    })
    cluster.release()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ data: { badges: [] }, errors: [] })
    expect(await exit).toBe(0)
    expect(records.map((record) => record.msg)).toContain('stopped')
  } finally {
    child.kill('SIGKILL')
    cluster.server.closeAllConnections()
    cluster.server.close()
  }
})

test('past SHOWCASE_SHUTDOWN_TIMEOUT what is still in flight is cut and the exit code is 1', async () => {
  const cluster = await slowCluster()
  const { child, port, records } = await startShowcase({
    CAPILLARY_API_URL: cluster.url,
    CAPILLARY_USERNAME: 'till',
    CAPILLARY_PASSWORD: 'secret',
    SHOWCASE_ALLOW_ANY_MEMBER: 'true',
    SHOWCASE_UPSTREAM_TIMEOUT_MS: '120000',
    SHOWCASE_SHUTDOWN_TIMEOUT: '1',
  })
  try {
    const inFlight = fetch(`http://127.0.0.1:${port}/api_gateway/v1/badges/customer/62090013`).then(
      () => 'answered',
      () => 'cut',
    )
    await cluster.arrived
    const exit = exited(child)
    child.kill('SIGTERM')
    expect(await exit).toBe(1)
    expect(await inFlight).toBe('cut')
    expect(records).toContainEqual(
      expect.objectContaining({ level: 'error', msg: expect.stringContaining('timed out') }),
    )
  } finally {
    child.kill('SIGKILL')
    cluster.server.closeAllConnections()
    cluster.server.close()
  }
})
