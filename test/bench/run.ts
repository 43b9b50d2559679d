/**
 * `npm run bench`: the real app against the bare-Bolt floor, on this machine, in this run.
 *   requests     Ack latency under open-loop load (100 and 500 requests/s) for /mentorship help,
 *                /mentorship agenda (database + views.open after the ack) and a pair submission refused
 *                because the pair exists (database before the ack): p50, p99, max, non-2xx, acks after
 *                3 s, "busy" answers, the ratios to the floor, and the CPU each request cost the app
 *                process (which a busy machine distorts far less than latencies); then closed-loop
 *                capacity against the floor's.
 *   submissions  The same for the agenda, goal and notes submissions, spread over 1,000 pairs
 *                (test/bench/spread.ts).
 *   overload     Each workload selected above at twice and five times its measured capacity: every
 *                request must be answered 200 within 3 s (served, or "busy"); RSS in the agenda's.
 *   replicas     1, 2 and 4 bot processes on one PostgreSQL behind a round-robin generator: the highest
 *                rate each serves with p99 under 500 ms and nothing shed (test/bench/replicas.ts).
 *   scheduler    The scheduler at 10k, 100k and 1M pairs, and sending against Slack's limits.
 *   notices      An agenda submitted to the mentor's DM posted, at 20 submissions/s on PostgreSQL (notice-latency.ts).
 *   program      The program overview at 10,000 pairs in one workspace: its queries and first view, p50/p99,
 *                against a plain select of the same rows (program.ts; PostgreSQL).
 * Each app, the Slack stand-in and this load generator run in separate processes.
 *
 * `npm run bench -- --only submissions,overload` runs a selection: section names above, or workload
 * keys (help, agenda, pair-submit, agenda-submit, goal-submit, notes-submit), comma-separated.
 * Environment: BENCH_SECONDS (each open-loop run, default 8), BENCH_RATES (default 100,500; empty: only the
 * calm 25/s run that measures CPU per request), BENCH_CALM_SECONDS (that calm run, default 10), BENCH_CAPACITY_SECONDS (default 4; 0 skips capacity and overload),
 * BENCH_MAX_RATE (the highest rate this generator is asked for, default 2500/s), BENCH_PAIRS (default
 * 1000), BENCH_PROFILE=<dir> (CPU profile of the real app), BENCH_DEBUG=1 (memory, event-loop delay and
 * server-side timings as it runs), BENCH_APP_LOGS=1 (the apps' logs on the console; with LOG_LEVEL=warn,
 * why requests were turned away), BENCH_REPLICA_CPU (cores each replica may use, default 0.25, `none`) and
 * BENCH_REPLICA_COUNTS (default 1,2,4), BENCH_REPLICA_ROUNDS (the replicas search that many times; medians), BENCH_PROGRAM_DB=embedded (the program overview on PGlite),
 * BENCH_CPU_ROUNDS (each rate run that many times on the floor and the real app in turn; medians),
 * BENCH_WARM_SECONDS (each app at 100/s before a workload is measured, default 5),
 * DATABASE_URL (the real app on PostgreSQL instead of the embedded
 * PGlite; the replicas and scheduler sections always use PostgreSQL, at DATABASE_URL or the default).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db';
import { withDatabase } from '../support/db-env';
import { closedLoop, openLoop, type Summary, summarise } from './load';
import { cancelLeftoverSends, type Child, rssMb, runPrepare, startChild, withRssPeak } from './processes';
import { BENCH_USERS } from './protocol';
import { type Issued, REQUEST_SCENARIOS, type Scenario, signed, submissionScenarios } from './scenarios';
import { printReport, type Report } from './report';
import { printSection, runSchedulerBenches } from './scheduler';
import { replicasBench } from './replicas';
import { runNoticeLatencyBench } from './notice-latency';
import { programBench } from './program';
import { percentile } from './scheduler/support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 4);
const MAX_RATE = Number(process.env.BENCH_MAX_RATE ?? 2500);
const RATES = (process.env.BENCH_RATES ?? '100,500')
  .split(',')
  .map(Number)
  .filter((rate) => rate > 0);
const CLIENTS = 16;
const OVERLOAD_SECONDS = 5;
/** A rate every workload serves without shedding, even on a busy machine: the CPU of a request, undiluted by "busy" answers. */
const CALM_RATE = 25;
// Long enough that the app's idle wake-ups (timers, GC) weigh little on a per-request figure: at 4 s
// (100 requests) the floor's own figure varied from 1.2 to 2.2 ms between runs on a quiet machine.
const CALM_SECONDS = Number(process.env.BENCH_CALM_SECONDS ?? 10);
const OVERLOAD_FACTORS = [2, 5] as const;
/**
 * BENCH_CPU_ROUNDS (default 1): how many times each rate runs on the floor and then the real app, in turn.
 * The CPU figures are the medians and each round's ratio is printed: the floor's own figure moves by
 * up to half a millisecond between runs, more than the differences a change to the app is after.
 */
const CPU_ROUNDS = Math.max(1, Number(process.env.BENCH_CPU_ROUNDS ?? 1));
/**
 * Each app serves every workload at 100/s this long before anything is measured (BENCH_WARM_SECONDS).
 * With one second, five rounds in a row showed both apps still getting cheaper: the agenda command
 * from 3.3-3.5 to 2.0-2.2 ms, the floor from 1.2 to 0.7 ms; a bot in service has long been warm.
 */
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 5);

const SECTIONS = ['requests', 'submissions', 'overload', 'replicas', 'scheduler', 'notices', 'program'] as const;
type Section = (typeof SECTIONS)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]): number => percentile(values, 50);

/**
 * What `--only` selects: sections by name, single workloads by key (each brings its section along).
 * `overload` applies to the workloads selected, or to all of them when it is named without any.
 */
function selection(only: string | undefined, groups: Record<'requests' | 'submissions', string[]>): { workloads: Set<string>; sections: Set<Section> } {
  const words = (only ?? '')
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
  const isSection = (word: string): word is Section => (SECTIONS as readonly string[]).includes(word);
  const known = [...SECTIONS, ...groups.requests, ...groups.submissions];
  const unknown = words.filter((word) => !known.includes(word));
  if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(', ')}; pick from ${known.join(', ')}`);
  const sections = new Set<Section>(words.length === 0 ? SECTIONS : words.filter(isSection));
  const workloads = new Set<string>();
  if (sections.has('overload') && !words.some((word) => word !== 'overload')) sections.add('requests').add('submissions');
  const named = new Set(sections);
  for (const [group, keys] of Object.entries(groups) as Array<[Section, string[]]>) {
    for (const key of keys) {
      if (!named.has(group) && !words.includes(key)) continue;
      workloads.add(key);
      sections.add(group);
    }
  }
  return { workloads, sections };
}

async function issue(standIn: Child, count: number): Promise<Issued> {
  await standIn.ask({ type: 'reset' }, 'reset-done');
  const user = BENCH_USERS.maria.id;
  const { triggers, responseUrls } = await standIn.ask({ type: 'issue', userId: user, channelId: `D${user}`, count }, 'issued');
  return { triggers, responseUrls };
}

/** Request numbers already used per app and workload, so that workloads that use things up never repeat one. */
const used = new Map<string, number>();
function numbering(app: Child, scenario: Scenario, count: number): (i: number) => number {
  if (!scenario.consumes) return (i) => i;
  const key = `${app.name}:${scenario.key}`;
  const from = used.get(key) ?? 0;
  used.set(key, from + count);
  return (i) => from + i;
}

async function openRun(
  standIn: Child,
  app: Child,
  scenario: Scenario,
  rate: number,
  seconds: number,
): Promise<{ summary: Summary; peakMb: number; cpuMs: number; queries: number }> {
  await cancelLeftoverSends(app);
  const count = Math.round(rate * seconds);
  const issued = await issue(standIn, count);
  const number = numbering(app, scenario, count);
  // Built before the run, so the generator spends its time sending, not building (a submission's view is large).
  const bodies = Array.from({ length: count }, (_, i) => scenario.body(number(i), issued));
  const before = await app.ask({ type: 'cpu' }, 'cpu');
  const { result, peakMb } = await withRssPeak(
    app.process.pid,
    openLoop(app.url, rate, count, (i) => signed(bodies[i]!)),
  );
  await sleep(2500); // after-ack work (views.open, DMs, the Home refresh window) finishes before the next run starts
  const after = await app.ask({ type: 'cpu' }, 'cpu');
  const cpuMs = (after.ms - before.ms) / count;
  const queries = (after.queries - before.queries) / count;
  if (process.env.BENCH_DEBUG) {
    // The kernel's share: on loopback, sending to PostgreSQL also runs its receiving side in this process.
    process.stdout.write(
      ` {${app.name} ${rate}/s: CPU ${cpuMs.toFixed(2)} ms/request, of it in the kernel ${((after.systemMs - before.systemMs) / count).toFixed(2)} ms}`,
    );
    // Where the slow answers fall (250 ms buckets): steps at 1 s, 3 s, 7 s would be TCP SYN retransmits.
    const buckets: Record<string, number> = {};
    for (const s of result.filter((r) => r.latencyMs > 500))
      buckets[Math.floor(s.latencyMs / 250) * 250] = (buckets[Math.floor(s.latencyMs / 250) * 250] ?? 0) + 1;
    const late = result.map((r, i) => ({ ...r, i })).filter((r) => r.latencyMs > 3000);
    const statuses = [...new Set(late.map((r) => r.status))].join(',');
    const failed: Record<string, number> = {};
    for (const s of result.filter((r) => r.status < 200 || r.status > 299)) failed[s.status] = (failed[s.status] ?? 0) + 1;
    if (Object.keys(failed).length > 0) process.stdout.write(` {${app.name} ${rate}/s: non-2xx by status (0: no answer) ${JSON.stringify(failed)}}`);
    process.stdout.write(
      ` {${app.name} ${rate}/s: slow answers ${JSON.stringify(buckets)}; over 3 s: requests #${late[0]?.i ?? '-'}..#${late.at(-1)?.i ?? '-'} (status ${statuses || '-'}); generator send lag p99 ${summarise(result).sendLagP99.toFixed(1)} ms}`,
    );
    // Where the late ones waited: for a socket, for a new connection, for the answer's headers.
    const median = (values: Array<number | undefined>): string => {
      const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
      return known.length === 0 ? '-' : known[Math.floor(known.length / 2)]!.toFixed(0);
    };
    if (late.length > 0) {
      const fresh = late.filter((r) => r.steps.connectedMs !== undefined);
      process.stdout.write(
        ` {late: median ms to socket ${median(late.map((r) => r.steps.socketMs))}, ${fresh.length} on new connections (connected at ${median(fresh.map((r) => r.steps.connectedMs))}), headers at ${median(late.map((r) => r.steps.headersMs))}, send lag ${median(late.map((r) => r.sendLagMs))}}`,
      );
    }
  }
  return { summary: summarise(result), peakMb, cpuMs, queries };
}

async function capacityOf(standIn: Child, app: Child, scenario: Scenario) {
  await cancelLeftoverSends(app);
  const issued = await issue(standIn, 60_000);
  const number = numbering(app, scenario, 60_000);
  const capacity = await closedLoop(app.url, CLIENTS, CAPACITY_SECONDS, (i) => signed(scenario.body(number(i), issued)));
  await sleep(2500);
  return capacity;
}

/** A database of its own: a fresh PostgreSQL database, or a PGlite data directory; `drop` removes it. */
async function scratch(): Promise<{ where: string; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const dataDir = mkdtempSync(join(tmpdir(), 'mentorship-bench-'));
    return { where: dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `mentorship_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const db = await createDb({ kind: 'postgres', url: process.env.DATABASE_URL! }, { poolSize: 1 });
    await sql
      .raw(statement)
      .execute(db.kysely)
      .finally(() => db.close());
  };
  await admin(`create database ${name}`);
  return { where: withDatabase(process.env.DATABASE_URL, name), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

async function singleProcessBenches(report: Report, workloads: Set<string>, overload: boolean): Promise<void> {
  const database = await scratch();
  // Migrated and seeded by a separate process before the app starts on it.
  const world = await runPrepare('app-process', ['prepare', database.where]);
  const scenarios = [...REQUEST_SCENARIOS, ...submissionScenarios(world)].filter((s) => workloads.has(s.key));
  const standIn = await startChild('stand-in', 'stand-in-process');
  const apiUrl = standIn.url;
  const floor = await startChild('floor', 'app-process', ['bare', apiUrl]);
  // BENCH_PROFILE=<dir> writes a CPU profile of the real app there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const real = await startChild('real', 'app-process', ['real', apiUrl, database.where], profile);
  try {
    await sleep(1000);
    report.memory.idleMb = rssMb(real.process.pid);
    if (process.env.BENCH_DEBUG) process.stdout.write(`  idle: ${JSON.stringify((await real.ask({ type: 'memory' }, 'memory')).usage)}\n`);

    for (const scenario of scenarios) {
      process.stdout.write(`  ${scenario.label}: warming up`);
      for (const app of [floor, real]) await openRun(standIn, app, scenario, 100, WARM_SECONDS);
      process.stdout.write(`, ${CALM_RATE}/s`);
      const calmFloor = await openRun(standIn, floor, scenario, CALM_RATE, CALM_SECONDS);
      const calm = await openRun(standIn, real, scenario, CALM_RATE, CALM_SECONDS);
      report.cost.push({ scenario: scenario.label, cpuMs: { floor: calmFloor.cpuMs, real: calm.cpuMs }, queries: calm.queries, shed: calm.summary.shed });
      for (const rate of RATES) {
        process.stdout.write(`, ${rate}/s`);
        const bare = await openRun(standIn, floor, scenario, rate, SECONDS);
        const ours = await openRun(standIn, real, scenario, rate, SECONDS);
        const rounds = [{ floor: bare.cpuMs, real: ours.cpuMs }];
        while (rounds.length < CPU_ROUNDS) {
          const again = {
            floor: (await openRun(standIn, floor, scenario, rate, SECONDS)).cpuMs,
            real: (await openRun(standIn, real, scenario, rate, SECONDS)).cpuMs,
          };
          rounds.push(again);
        }
        report.open.push({
          scenario: scenario.label,
          rate,
          floor: bare.summary,
          real: ours.summary,
          cpuMs: { floor: median(rounds.map((r) => r.floor)), real: median(rounds.map((r) => r.real)) },
          cpuRatio: median(rounds.map((r) => r.real / r.floor)),
          cpuRounds: rounds,
          queries: ours.queries,
        });
        report.memory.steadyMb = Math.max(report.memory.steadyMb, ours.peakMb);
        if (process.env.BENCH_DEBUG) {
          const { usage } = await real.ask({ type: 'memory' }, 'memory');
          const mb = (n: number) => (n / 1048576).toFixed(0);
          process.stdout.write(
            ` [rss ${mb(usage.rss)} heap ${mb(usage.heapUsed)}/${mb(usage.heapTotal)} external ${mb(usage.external)} arrayBuffers ${mb(usage.arrayBuffers)} peak ${ours.peakMb.toFixed(0)}]`,
          );
        }
      }
      if (CAPACITY_SECONDS <= 0) {
        process.stdout.write('\n');
        continue;
      }
      process.stdout.write(', capacity');
      const bare = await capacityOf(standIn, floor, scenario);
      const ours = await capacityOf(standIn, real, scenario);
      report.capacity.push({ scenario: scenario.label, floor: bare, real: ours });
      if (overload) {
        // Past capacity: every request answered in time, served or "busy" (rates capped at what this generator can send).
        for (const factor of OVERLOAD_FACTORS) {
          const wanted = Math.max(50, Math.round(factor * ours.perSecond));
          const rate = Math.min(MAX_RATE, wanted);
          process.stdout.write(`, ${factor}x capacity (${rate}/s)`);
          const run = await openRun(standIn, real, scenario, rate, OVERLOAD_SECONDS);
          report.overload.push({
            scenario: scenario.label,
            capacity: ours.perSecond,
            factor,
            rate,
            capped: rate < wanted,
            summary: run.summary,
            peakMb: run.peakMb,
          });
          await sleep(1500);
        }
      }
      process.stdout.write('\n');
    }
    report.memory.afterMb = rssMb(real.process.pid);
  } finally {
    await Promise.all([real.stop(), floor.stop()]);
    await standIn.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const { workloads, sections } = selection(values.only, {
    requests: REQUEST_SCENARIOS.map((s) => s.key),
    submissions: ['agenda-submit', 'goal-submit', 'notes-submit'],
  });
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    load: loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
    database: process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)',
  };
  process.stdout.write(
    `Bench on ${machine.cpus} CPU (${machine.model}), Node ${machine.node}, ${machine.database}; load average at start ${machine.load}; sections: ${[...sections].join(', ')}\n`,
  );
  const report: Report = { machine, seconds: SECONDS, cost: [], open: [], capacity: [], overload: [], memory: { idleMb: NaN, steadyMb: 0 } };
  if (workloads.size > 0 && (sections.has('requests') || sections.has('submissions'))) await singleProcessBenches(report, workloads, sections.has('overload'));
  report.machine.loadAfter = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  if (report.open.length > 0 || report.cost.length > 0) printReport(report);

  if (sections.has('replicas')) {
    process.stdout.write('\nReplicas on one PostgreSQL\n');
    printSection(await replicasBench());
  }
  // The scheduler on the real PostgreSQL: polling and claiming at 10k-1M pairs, then sending against Slack's limits.
  if (sections.has('scheduler')) {
    process.stdout.write('\nScheduler benches (PostgreSQL)\n');
    for (const section of await runSchedulerBenches()) printSection(section);
  }
  if (sections.has('notices')) printSection(await runNoticeLatencyBench());
  if (sections.has('program')) printSection(await programBench());
  process.stdout.write(`\nBench took ${((Date.now() - started) / 60_000).toFixed(1)} minutes; load average at the end ${loadavg()[0]!.toFixed(2)}.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
