import os from 'node:os'
import type { BenchConfig } from '../benchConfig'
import { type ClusterConfig, readClusterConfig } from '../cluster/clusterConfig'
import { runConferenceMix, TABLES_PER_EVENT, type MixSettings } from '../cluster/conferenceMix'
import { TABLE_SCREENS } from '../cluster/conferenceTable'
import { hocuspocusSetup, type LiveSetup, postgresSetup, sqliteSetup } from '../cluster/liveSetups'
import { printMix } from '../cluster/mixReport'
import {
  CROSS_PROCESS_P99_TARGET_MS,
  printAgainstHocuspocus,
  printSetups,
} from '../cluster/setupReport'
import { measureSetup, type SetupRun } from '../cluster/setupRun'
import type { Scenario } from '../scenario'
import { sharedServicesFromEnv, type SharedServices } from '../targets/sharedStore'
import { LIVE_BOARDS, livePlan } from './liveBoards'

/** Where the phone note p99 of the conference mix marks the knee. */
const MIX_LATENCY_LIMIT_MS = 50

/**
 * Several processes: the live load on one process (SQLite, PostgreSQL) and
 * on two sharing PostgreSQL through Redis; the capacity of one process in
 * the conference mix; and Hocuspocus 3 on two processes under the live load.
 */
export const cluster: Scenario = {
  name: 'cluster',
  summary: 'live load on SQLite, PostgreSQL and 2 processes + Redis; mix capacity; vs. Hocuspocus',
  async run(config) {
    const settings = readClusterConfig()
    const services = sharedServicesFromEnv()
    printHeading(config, settings)
    if (!services) {
      console.log(
        'No PostgreSQL and Redis: set BENCH_DATABASE_URL and BENCH_REDIS_URL, or source ' +
          'scripts/sharedServices.sh for TEST_DATABASE_URL and TEST_REDIS_URL. Only (a) runs.',
      )
    }
    const plan = livePlan({
      warmupSeconds: config.warmupSeconds,
      measureSeconds: settings.setupSeconds,
    })
    const { parts } = settings

    let twoProcesses: SetupRun | null = null
    if (parts.has('setups')) {
      const setups: LiveSetup[] = [sqliteSetup]
      if (services) setups.push(postgresSetup(services, 1), postgresSetup(services, 2))
      const runs: SetupRun[] = []
      for (const setup of setups) runs.push(await measureSetup(setup, plan, LIVE_BOARDS))
      twoProcesses = runs.find((run) => run.processes.length > 1) ?? null
      printPartOne(runs, plan.clientsPerBoard)
    }
    if (!services) return

    if (parts.has('hocuspocus')) {
      twoProcesses ??= await measureSetup(postgresSetup(services, 2), plan, LIVE_BOARDS)
      const hocuspocus = await measureSetup(hocuspocusSetup(services, 2), plan, LIVE_BOARDS)
      printPartThree(twoProcesses, hocuspocus, plan.clientsPerBoard)
    }
    if (parts.has('mix')) await partTwo(services, config, settings)
  },
}

function printHeading(config: BenchConfig, settings: ClusterConfig): void {
  const cpu = os.cpus()
  console.log(
    `cluster: Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; ` +
      `${config.warmupSeconds} s warm-up, ${settings.setupSeconds} s measured per setup, ` +
      `${settings.stepSeconds} s per step of the mix`,
  )
}

function printPartOne(runs: SetupRun[], clientsPerBoard: number): void {
  console.log('')
  console.log(
    `1. Same load, three setups: ${LIVE_BOARDS} boards × ${clientsPerBoard} stock y-websocket ` +
      'clients, a new or moved note every 500 ms per board, cursors at 10 Hz. With two ' +
      'processes each board\'s clients alternate between them; "other process" counts the ' +
      'receivers on the process the writer is not on. CPU in ms per second of wall time.',
  )
  for (const run of runs) console.log(`   ${run.setup.label}: ${run.setup.detail}`)
  console.log('')
  printSetups(runs, clientsPerBoard)
  console.log('')
  console.log(
    `Targets: other-process p99 < ${CROSS_PROCESS_P99_TARGET_MS} ms, 0 lost, 0 duplicates.`,
  )
}

function printPartThree(ours: SetupRun, hocuspocus: SetupRun, clientsPerBoard: number): void {
  console.log('')
  console.log(
    `3. The peer a user would pick: ${hocuspocus.setup.detail}, its own provider on every ` +
      `client, against ours (${ours.setup.detail}); the same live load, each board's clients ` +
      'alternating between the two processes.',
  )
  console.log('')
  printAgainstHocuspocus(ours, hocuspocus, clientsPerBoard)
}

async function partTwo(services: SharedServices, config: BenchConfig, settings: ClusterConfig) {
  const mix: MixSettings = {
    steps: settings.steps,
    warmupSeconds: config.warmupSeconds,
    stepSeconds: settings.stepSeconds,
    loadProcesses: settings.loadProcesses,
    phoneNoteSeconds: settings.phoneNoteSeconds,
    latencyLimitMs: MIX_LATENCY_LIMIT_MS,
  }
  const result = await runConferenceMix(services, mix)
  console.log('')
  console.log(
    `2. Capacity of one process in the conference mix, on PostgreSQL: events of ${TABLES_PER_EVENT} ` +
      `tables; per table ${TABLE_SCREENS.join(', ')} on the board (the moderator's cursor at 10 Hz ` +
      'half of the time, projector and gallery read-only), and a phone note over HTTP every ' +
      `${settings.phoneNoteSeconds} s. Latency: POST sent until every screen of the table applied ` +
      `the note. ${settings.loadProcesses} load processes; steps stop once p99 passes ` +
      `${MIX_LATENCY_LIMIT_MS} ms.`,
  )
  console.log('')
  printMix(result, mix)
}
