/**
 * `npm run bench`: the real app against the bare-Bolt floor, on this machine, in this run.
 *   1. Ack latency under open-loop load (100 and 500 requests/s) for /mentorship help, /mentorship agenda
 *      (database + views.open after the ack) and a pair submission refused because the pair exists
 *      (database before the ack): p50, p99, max, unacknowledged, the ratios to the floor, and the CPU
 *      each request cost the app process (which a busy machine does not distort).
 *   2. Closed-loop capacity (answers per second, "busy" answers excluded) against the floor's.
 *   3. Memory: RSS idle, peak in steady load, peak in an overload burst (where the bot must shed, not queue).
 *   4. The scheduler at 10k, 100k and 1M pairs, and sending against Slack's limits (test/bench/scheduler).
 *   5. An agenda submitted to the mentor's DM posted, at 20 submissions/s on PostgreSQL (notice-latency.ts).
 * Each app, the Slack stand-in and this load generator run in separate processes.
 * Environment: BENCH_SECONDS (each open-loop run, default 8), BENCH_CAPACITY_SECONDS (default 4),
 * BENCH_ONLY=help|agenda|submit|notices, BENCH_SKIP_BURST=1, BENCH_PROFILE=<dir> (CPU profile of the real app),
 * BENCH_DEBUG=1 (memory, event-loop delay and server-side timings as it runs), DATABASE_URL (the real
 * app on PostgreSQL instead of the embedded PGlite).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { createDb } from '../../src/db/create-db';
import { withDatabase } from '../support/db-env';
import { closedLoop, openLoop, type Summary, summarise } from './load';
import { type Child, rssMb, startChild, withRssPeak } from './processes';
import { BENCH_USERS } from './protocol';
import { type Issued, type Scenario, SCENARIOS } from './scenarios';
import { printReport, type Report } from './report';
import { printSection, runSchedulerBenches } from './scheduler';
import { runNoticeLatencyBench } from './notice-latency';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 4);
const RATES = [100, 500] as const;
const CLIENTS = 16;
const BURST_SECONDS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function issue(standIn: Child, count: number): Promise<Issued> {
  await standIn.ask({ type: 'reset' }, 'reset-done');
  const user = BENCH_USERS.maria.id;
  const { triggers, responseUrls } = await standIn.ask({ type: 'issue', userId: user, channelId: `D${user}`, count }, 'issued');
  return { triggers, responseUrls };
}

async function openRun(
  standIn: Child,
  app: Child,
  scenario: Scenario,
  rate: number,
  seconds: number,
): Promise<{ summary: Summary; peakMb: number; cpuMs: number }> {
  const count = Math.round(rate * seconds);
  const issued = await issue(standIn, count);
  const cpuBefore = (await app.ask({ type: 'cpu' }, 'cpu')).ms;
  const { result, peakMb } = await withRssPeak(
    app.process.pid,
    openLoop(app.url, rate, count, (i) => scenario.make(i, issued)),
  );
  await sleep(500); // after-ack work (views.open) finishes before the next run starts
  const cpuMs = ((await app.ask({ type: 'cpu' }, 'cpu')).ms - cpuBefore) / count;
  if (process.env.BENCH_DEBUG) {
    // Where the slow answers fall (250 ms buckets): steps at 1 s, 3 s, 7 s would be TCP SYN retransmits.
    const buckets: Record<string, number> = {};
    for (const s of result.filter((r) => r.latencyMs > 500))
      buckets[Math.floor(s.latencyMs / 250) * 250] = (buckets[Math.floor(s.latencyMs / 250) * 250] ?? 0) + 1;
    const late = result.map((r, i) => ({ ...r, i })).filter((r) => r.latencyMs > 3000);
    const statuses = [...new Set(late.map((r) => r.status))].join(',');
    process.stdout.write(
      ` {${app.name} ${rate}/s: slow answers ${JSON.stringify(buckets)}; over 3 s: requests #${late[0]?.i ?? '-'}..#${late.at(-1)?.i ?? '-'} (status ${statuses || '-'}); generator send lag p99 ${summarise(result).sendLagP99.toFixed(1)} ms}`,
    );
  }
  return { summary: summarise(result), peakMb, cpuMs };
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'notices') return printSection(await runNoticeLatencyBench());
  const machine = {
    cpus: cpus().length,
    model: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    load: loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
    database: process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)',
  };
  process.stdout.write(`Bench on ${machine.cpus} CPU (${machine.model}), Node ${machine.node}, ${machine.database}; load average at start ${machine.load}\n`);

  // A database of its own (a fresh PostgreSQL database, or a PGlite data directory), migrated and seeded
  // by a separate process before the app starts on it.
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  if (process.env.DATABASE_URL) {
    const name = `mentorship_bench_${randomBytes(4).toString('hex')}`;
    const admin = await createDb({ kind: 'postgres', url: process.env.DATABASE_URL }, { poolSize: 1 });
    await sql
      .raw(`create database ${name}`)
      .execute(admin.kysely)
      .finally(() => admin.close());
    databaseUrl = withDatabase(process.env.DATABASE_URL, name);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'mentorship-bench-'));
  }
  const database = databaseUrl ?? dataDir!;
  await startChild('prepare', 'app-process', ['prepare', database]);

  const standIn = await startChild('stand-in', 'stand-in-process');
  const apiUrl = standIn.url;
  const floor = await startChild('floor', 'app-process', ['bare', apiUrl]);
  // BENCH_PROFILE=<dir> writes a CPU profile of the real app there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const real = await startChild('real', 'app-process', ['real', apiUrl, database], profile);
  const report: Report = { machine, seconds: SECONDS, open: [], capacity: [], memory: { idleMb: NaN, steadyMb: 0, burst: undefined } };
  try {
    await sleep(1000);
    report.memory.idleMb = rssMb(real.process.pid);
    if (process.env.BENCH_DEBUG) process.stdout.write(`  idle: ${JSON.stringify((await real.ask({ type: 'memory' }, 'memory')).usage)}\n`);

    for (const scenario of SCENARIOS.filter((s) => !process.env.BENCH_ONLY || s.key === process.env.BENCH_ONLY)) {
      process.stdout.write(`  ${scenario.label}: warming up`);
      for (const app of [floor, real]) await openRun(standIn, app, scenario, 100, 1);
      for (const rate of RATES) {
        process.stdout.write(`, ${rate}/s`);
        const bare = await openRun(standIn, floor, scenario, rate, SECONDS);
        const ours = await openRun(standIn, real, scenario, rate, SECONDS);
        report.open.push({ scenario: scenario.label, rate, floor: bare.summary, real: ours.summary, cpuMs: { floor: bare.cpuMs, real: ours.cpuMs } });
        report.memory.steadyMb = Math.max(report.memory.steadyMb, ours.peakMb);
        if (process.env.BENCH_DEBUG) {
          const { usage } = await real.ask({ type: 'memory' }, 'memory');
          const mb = (n: number) => (n / 1048576).toFixed(0);
          process.stdout.write(
            ` [rss ${mb(usage.rss)} heap ${mb(usage.heapUsed)}/${mb(usage.heapTotal)} external ${mb(usage.external)} arrayBuffers ${mb(usage.arrayBuffers)} peak ${ours.peakMb.toFixed(0)}]`,
          );
        }
      }
      process.stdout.write(', capacity');
      const capacities = [];
      for (const app of [floor, real]) {
        const issued = await issue(standIn, 60_000);
        capacities.push(await closedLoop(app.url, CLIENTS, CAPACITY_SECONDS, (i) => scenario.make(i, issued)));
        await sleep(1000);
      }
      report.capacity.push({ scenario: scenario.label, floor: capacities[0]!, real: capacities[1]! });
      process.stdout.write('\n');
    }

    // Overload: /mentorship agenda at three times what the app can serve, for a few seconds (BENCH_SKIP_BURST=1 skips it).
    if (!process.env.BENCH_SKIP_BURST) {
      const agendaScenario = SCENARIOS.find((s) => s.key === 'agenda')!;
      const agendaCapacity = report.capacity.find((c) => c.scenario === agendaScenario.label)?.real.perSecond ?? 300;
      const burstRate = Math.max(1000, Math.round(3 * agendaCapacity));
      process.stdout.write(`  overload burst: /mentorship agenda at ${burstRate}/s for ${BURST_SECONDS} s\n`);
      const burst = await openRun(standIn, real, agendaScenario, burstRate, BURST_SECONDS);
      await sleep(2000);
      report.memory.burst = { rate: burstRate, summary: burst.summary, peakMb: burst.peakMb, afterMb: rssMb(real.process.pid) };
    }
  } finally {
    await Promise.all([real.stop(), floor.stop()]);
    await standIn.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const admin = await createDb({ kind: 'postgres', url: process.env.DATABASE_URL! }, { poolSize: 1 });
      const name = new URL(databaseUrl).pathname.slice(1);
      await sql
        .raw(`drop database if exists ${name} with (force)`)
        .execute(admin.kysely)
        .finally(() => admin.close());
    }
  }
  report.machine.loadAfter = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  printReport(report);

  // 4-5. The scheduler on the real PostgreSQL: polling and claiming at 10k-1M pairs, then sending
  // against Slack's limits (BENCH_SKIP_SCHEDULER=1 leaves them out).
  if (process.env.BENCH_SKIP_SCHEDULER !== '1') {
    process.stdout.write('\nScheduler benches (PostgreSQL)\n');
    for (const section of await runSchedulerBenches()) printSection(section);
  }
  // 6. An agenda submitted, to the mentor's DM posted, through the outbox (PostgreSQL; BENCH_SKIP_NOTICES=1 leaves it out).
  if (process.env.BENCH_SKIP_NOTICES !== '1') printSection(await runNoticeLatencyBench());
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
