import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mean } from './stats'

/** Memory and CPU of one process over a measured window, read from Linux's /proc. */
export interface ProcessUsage {
  rssMeanMiB: number
  rssPeakMiB: number
  /** User plus system CPU time spent in the window. */
  cpuSeconds: number
  /** CPU time over wall time, in percent of one core (200 = two cores busy). */
  cpuPercent: number
}

export interface ProcessSampler {
  stop(): ProcessUsage
}

/** utime and stime in /proc/<pid>/stat count in these ticks (USER_HZ). */
const clockTicksPerSecond = readClockTicks()

function readClockTicks(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    if (Number.isInteger(ticks) && ticks > 0) return ticks
  } catch (error) {
    console.warn(`getconf CLK_TCK failed, assuming 100 ticks a second: ${String(error)}`)
  }
  return 100
}

/** Resident set size in bytes (VmRSS, which /proc reports in kB). */
export function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(match[1]) * 1024
}

/** User plus system CPU time in seconds, from fields 14 and 15 of /proc/<pid>/stat. */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) sits in parentheses and may itself contain
  // spaces or parentheses, so fields are counted from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`unreadable /proc/${pid}/stat`)
  }
  return (utime + stime) / clockTicksPerSecond
}

/** user, nice, system, irq, softirq, steal: the /proc/stat `cpu` fields that are work. */
const BUSY_FIELDS = [0, 1, 2, 5, 6, 7]

/** CPU time every process on the machine spent busy, in seconds, from /proc/stat. */
export function readMachineBusySeconds(): number {
  const total = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
  const ticks = total.trim().split(/\s+/).slice(1).map(Number)
  let busy = 0
  for (const field of BUSY_FIELDS) busy += ticks[field] ?? 0
  return busy / clockTicksPerSecond
}

/**
 * Busy CPU of the whole machine over a window, in percent of one core. On a
 * shared machine, what the bench and the server do not account for is someone
 * else's load, and it shows in every latency figure.
 */
export function sampleMachine(): { stop(): number } {
  const busyAtStart = readMachineBusySeconds()
  const wallAtStart = performance.now()
  return {
    stop() {
      const wallSeconds = (performance.now() - wallAtStart) / 1000
      return ((readMachineBusySeconds() - busyAtStart) / wallSeconds) * 100
    },
  }
}

/**
 * Samples RSS every `everyMs` and takes CPU time at start and stop, so the CPU
 * figure covers exactly the window between the two calls.
 */
export function sampleProcess(pid: number, everyMs = 250): ProcessSampler {
  const rss: number[] = [readRssBytes(pid)]
  const cpuAtStart = readCpuSeconds(pid)
  const wallAtStart = performance.now()
  const timer = setInterval(() => {
    try {
      rss.push(readRssBytes(pid))
    } catch {
      // The process is gone; whoever started it reports that, not the sampler.
      clearInterval(timer)
    }
  }, everyMs)
  // A window that is never closed, because its run was aborted, must not keep the bench alive.
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      rss.push(readRssBytes(pid))
      const cpuSeconds = readCpuSeconds(pid) - cpuAtStart
      const wallSeconds = (performance.now() - wallAtStart) / 1000
      const mib = 1024 * 1024
      return {
        rssMeanMiB: mean(rss) / mib,
        rssPeakMiB: Math.max(...rss) / mib,
        cpuSeconds,
        cpuPercent: (cpuSeconds / wallSeconds) * 100,
      }
    },
  }
}

/** What the server, the bench and everything else on the machine did over one window. */
export interface WindowUsage {
  server: ProcessUsage
  bench: ProcessUsage
  /** Busy CPU of everything else on the machine during the window, % of a core. */
  otherCpuPercent: number
}

/**
 * Samples the server process, the bench's own process and the machine from
 * now until `stop()`, so a run can tell the server's load from its own and
 * from someone else's.
 */
export function sampleUsage(serverPid: number, everyMs?: number): { stop(): WindowUsage } {
  const server = sampleProcess(serverPid, everyMs)
  const bench = sampleProcess(process.pid, everyMs)
  const machine = sampleMachine()
  return {
    stop() {
      const serverUsage = server.stop()
      const benchUsage = bench.stop()
      const others = machine.stop() - serverUsage.cpuPercent - benchUsage.cpuPercent
      return { server: serverUsage, bench: benchUsage, otherCpuPercent: Math.max(0, others) }
    },
  }
}

/** The parent of every live process, from field 4 of /proc/<pid>/stat. */
function readParents(): Map<number, number> {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // Ended between listing /proc and reading it.
    }
  }
  return parents
}

/** `rootPid` and every live process below it: children, their children, and so on. */
export function processTree(rootPid: number): number[] {
  const parents = readParents()
  const tree = [rootPid]
  for (let index = 0; index < tree.length; index++) {
    for (const [pid, parent] of parents) if (parent === tree[index]) tree.push(pid)
  }
  return tree
}

function treeCpuSeconds(pids: readonly number[]): Map<number, number> {
  const cpu = new Map<number, number>()
  for (const pid of pids) {
    try {
      cpu.set(pid, readCpuSeconds(pid))
    } catch {
      // Ended meanwhile; its time is lost to both sides of the split.
    }
  }
  return cpu
}

/** CPU of a process tree and of everything else on the machine, % of a core. */
export interface TreeUsage {
  treeCpuPercent: number
  otherCpuPercent: number
}

/**
 * Samples the CPU of `rootPid`'s whole process tree (for the bench: itself,
 * the server and the browser with its renderers) and of the rest of the
 * machine, from now until `stop()`.
 */
export function sampleTree(rootPid: number): { stop(): TreeUsage } {
  const atStart = treeCpuSeconds(processTree(rootPid))
  const machine = sampleMachine()
  const wallAtStart = performance.now()
  return {
    stop() {
      const atStop = treeCpuSeconds(processTree(rootPid))
      const machinePercent = machine.stop()
      const wallSeconds = (performance.now() - wallAtStart) / 1000
      let treeSeconds = 0
      for (const [pid, seconds] of atStop) treeSeconds += seconds - (atStart.get(pid) ?? 0)
      const treeCpuPercent = (treeSeconds / wallSeconds) * 100
      return { treeCpuPercent, otherCpuPercent: Math.max(0, machinePercent - treeCpuPercent) }
    },
  }
}
