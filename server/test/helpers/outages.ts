import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'

/**
 * A Redis of the test's own, which it can stop and start again on the same
 * port as an outage would: not the shared one other tests use.
 */
export class ScratchRedis {
  private child: ChildProcess | null = null

  private constructor(readonly port: number) {}

  static async start(): Promise<ScratchRedis> {
    const redis = new ScratchRedis(await freePort())
    await redis.up()
    return redis
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  async up(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    this.child = child
    await new Promise<void>((resolve, reject) => {
      let output = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)))
    })
  }

  /** Kills Redis at once, as a crash would. */
  async down(): Promise<void> {
    const child = this.child
    this.child = null
    if (child === null || child.exitCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })
  }
}

/**
 * A TCP relay in front of PostgreSQL that the test can cut: `cut()` drops
 * every connection and refuses new ones, `mend()` lets them through again,
 * on the same port. It runs in a process of its own: a server on PostgreSQL
 * waits for its store on its main thread, and a relay on that same thread
 * could then never pass the answer on.
 */
export class CuttableLink {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async open(target: { host: string; port: number }): Promise<CuttableLink> {
    const port = await freePort()
    const child = spawn(process.execPath, ['-e', RELAY_SCRIPT], {
      env: {
        ...process.env,
        LINK_PORT: String(port),
        TARGET_HOST: target.host,
        TARGET_PORT: String(target.port),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const link = new CuttableLink(port, child)
    await link.ask('mend')
    return link
  }

  /** `url` with its host and port replaced by this link's. */
  through(url: string): string {
    const rewritten = new URL(url)
    rewritten.hostname = '127.0.0.1'
    rewritten.port = String(this.port)
    return rewritten.toString()
  }

  mend(): Promise<void> {
    return this.ask('mend')
  }

  cut(): Promise<void> {
    return this.ask('cut')
  }

  close(): void {
    this.child.kill('SIGKILL')
  }

  private ask(command: 'cut' | 'mend'): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('message', () => resolve())
      this.child.send(command)
    })
  }
}

/** The relay's process: answers each command once it is carried out. */
const RELAY_SCRIPT = `
const net = require('node:net')
const sockets = new Set()
let server = null
function mend(done) {
  server = net.createServer((client) => {
    const upstream = net.connect(Number(process.env.TARGET_PORT), process.env.TARGET_HOST)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {})
    }
    client.pipe(upstream).pipe(client)
  })
  server.listen(Number(process.env.LINK_PORT), '127.0.0.1', done)
}
function cut(done) {
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  if (server) server.close(() => done())
  else done()
  server = null
}
process.on('message', (command) => {
  const reply = () => process.send('done')
  if (command === 'mend' && server === null) mend(reply)
  else if (command === 'cut') cut(reply)
  else reply()
})
process.on('disconnect', () => process.exit(0))
`

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
