import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { roomName, type CreateEventResponse, winnendenTemplate } from '@tablecloth/shared'
import { openBoard, synced, type BoardProvider } from './helpers/boardProvider'
import {
  type Cluster,
  type ClusterNode,
  noteTexts,
  request,
  sharedServices,
  startCluster,
  waitFor,
  writeNote,
} from './helpers/cluster'

/**
 * deploy/nginx.conf as a host runs it: nginx on https in front of two
 * processes sharing PostgreSQL and Redis. The file is used as written, with
 * only its ports, certificate and paths put in (`render`), so a change to it
 * that breaks websockets, the redirect or the balancing fails here.
 */

const services = sharedServices()
const NGINX =
  ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((file) =>
    fs.existsSync(file),
  ) ?? null
// .ci/run installs nginx; a CI machine without it fails instead of skipping unnoticed.
if (NGINX === null && process.env.CI) throw new Error('nginx is not installed: .ci/run installs it')
const TEMPLATE = path.resolve(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf')
/** Waits on what users would see; the ceiling is for a machine with 2 busy cores. */
const SEEN = { timeout: 60_000, interval: 100 }

describe.skipIf(services === null || NGINX === null)('Tablecloth behind nginx', () => {
  // The certificate is self-signed: trusted for these requests only.
  const agent = new https.Agent({ rejectUnauthorized: false })
  const boards: BoardProvider[] = []
  let dir: string
  let cluster: Cluster
  let nodes: ClusterNode[]
  let nginx: ChildProcess
  let origin: string
  let httpPort: number

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tablecloth-nginx-'))
    const [httpsPort, plainPort] = (await freePorts(2)) as [number, number]
    httpPort = plainPort
    origin = `https://127.0.0.1:${httpsPort}`
    cluster = startCluster(services!, { TRUST_PROXY: '1', PUBLIC_URL: origin })
    nodes = await Promise.all([cluster.start('A'), cluster.start('B')])
    const certificate = path.join(dir, 'tls.crt')
    const key = path.join(dir, 'tls.key')
    const selfSigned = 'req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1'.split(' ')
    execFileSync('openssl', [...selfSigned, '-keyout', key, '-out', certificate], {
      stdio: 'ignore',
    })
    const config = path.join(dir, 'nginx.conf')
    const template = fs.readFileSync(TEMPLATE, 'utf8')
    fs.writeFileSync(
      config,
      render(template, { dir, httpsPort, httpPort, certificate, key, nodes }),
    )
    const args = ['-c', config, '-p', dir, '-g', 'daemon off;']
    // A broken config fails here, with nginx's own words.
    execFileSync(NGINX!, ['-t', ...args], { stdio: 'pipe' })
    nginx = spawn(NGINX!, args, { stdio: 'ignore' })
    let exit: string | null = null
    nginx.once('exit', (code, signal) => (exit = `${code ?? signal}`))
    await waitFor('nginx to answer /healthz', () => {
      if (exit !== null) throw new Error(`nginx exited (${exit})`)
      return get('/healthz').then(
        (answer) => answer.status === 200,
        () => false,
      )
    })
  })
  afterEach((context) => {
    if (context.task.result?.state !== 'fail') return
    console.log(cluster.logs())
    console.log(readIfThere(path.join(dir, 'error.log')))
  })
  afterAll(async () => {
    for (const board of boards) board.destroy()
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve))
      nginx.kill('SIGTERM')
      await exited
    }
    await cluster?.stop()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const get = (pathname: string) => request(`${origin}${pathname}`, 'GET', { agent })
  /** The processes (host:port) nginx sent the requests for paths starting with `prefix` to. */
  const upstreamsOf = (prefix: string) =>
    new Set(
      readIfThere(path.join(dir, 'access.log'))
        .split('\n')
        .filter((line) => line.includes(` ${prefix}`))
        .map((line) => /upstream=(\S+)/.exec(line)?.[1]),
    )
  const processes = () => new Set(nodes.map((node) => new URL(node.origin).host))

  it('answers /healthz over https from every process, store and relay ok, and sends http to https', async () => {
    for (let i = 0; i < nodes.length; i++) {
      expect(await get('/healthz')).toMatchObject({
        status: 200,
        body: { ok: true, store: { engine: 'postgres', ok: true }, relay: { ok: true } },
      })
    }
    expect(upstreamsOf('/healthz')).toEqual(processes())
    const plain = await request(`http://127.0.0.1:${httpPort}/healthz`, 'GET')
    expect(plain.status).toBe(301)
    expect(plain.headers.location).toBe('https://127.0.0.1/healthz')
  })

  it('lets two devices that landed on different processes see each other’s notes', async () => {
    const created = await request(`${origin}/api/events`, 'POST', {
      agent,
      body: winnendenTemplate(),
    })
    expect(created.status).toBe(201)
    const event = created.body as CreateEventResponse
    const table = event.links.tables[0]!
    // The links people get point at nginx (PUBLIC_URL), not at the process that answered.
    expect(table.board.startsWith(`${origin}/`)).toBe(true)

    const open = () => {
      const board = openBoard(
        `${origin.replace(/^https/, 'wss')}/sync`,
        roomName(event.id, table.id),
        table.tokens.moderator,
        { socket: { rejectUnauthorized: false } },
      )
      boards.push(board)
      return board
    }
    const first = open()
    await synced(first)
    const second = open()
    await synced(second)
    writeNote(first.doc, 'first', 'Über nginx notiert, erstes Gerät')
    writeNote(second.doc, 'second', 'Über nginx notiert, zweites Gerät')
    await expect
      .poll(() => noteTexts(second.doc), SEEN)
      .toContain('Über nginx notiert, erstes Gerät')
    await expect
      .poll(() => noteTexts(first.doc), SEEN)
      .toContain('Über nginx notiert, zweites Gerät')

    // nginx logs a websocket when it ends: closed, the two name a process each.
    for (const board of [first, second]) board.provider.disconnect()
    await expect.poll(() => upstreamsOf(`/sync/${event.id}/`), SEEN).toEqual(processes())
  })
})

/**
 * deploy/nginx.conf with this test's values: each placeholder must be found
 * exactly once, so the test notices when the file changes shape. Temp paths
 * go to the test's folder; as root the workers run as root, which may write there.
 */
function render(
  template: string,
  values: {
    dir: string
    httpsPort: number
    httpPort: number
    certificate: string
    key: string
    nodes: ClusterNode[]
  },
): string {
  const { dir } = values
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `    ${name}_temp_path ${path.join(dir, name)};`)
    .join('\n')
  const upstream = values.nodes
    .map((node) => `        server ${new URL(node.origin).host};`)
    .join('\n')
  const replacements: Array<[string | RegExp, string]> = [
    ['user www-data;', process.getuid?.() === 0 ? 'user root;' : ''],
    ['pid /run/nginx.pid;', `pid ${path.join(dir, 'nginx.pid')};`],
    ['error_log /var/log/nginx/error.log;', `error_log ${path.join(dir, 'error.log')};`],
    ['access_log /var/log/nginx/access.log', `access_log ${path.join(dir, 'access.log')}`],
    ['http {\n', `http {\n${temp}\n`],
    [/( {8}server 127\.0\.0\.1:\d+;\n)+/, `${upstream}\n`],
    ['listen 80;', `listen 127.0.0.1:${values.httpPort};`],
    ['listen 443 ssl;', `listen 127.0.0.1:${values.httpsPort} ssl;`],
    ['/etc/ssl/cafe.example.org.crt', values.certificate],
    ['/etc/ssl/cafe.example.org.key', values.key],
  ]
  let text = template
  for (const [find, put] of replacements) {
    const count =
      typeof find === 'string'
        ? text.split(find).length - 1
        : (text.match(new RegExp(find, 'g')) ?? []).length
    if (count !== 1) throw new Error(`deploy/nginx.conf: expected ${find} once, found ${count}`)
    text = text.replace(find, () => put)
  }
  return text
}

/** Ports nothing listens on now, for nginx to take. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve) => {
          const server = net.createServer()
          server.listen(0, '127.0.0.1', () => resolve(server))
        }),
    ),
  )
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port)
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  return ports
}

function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}
