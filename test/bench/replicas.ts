/**
 * Capacity with replicas: 1, 2 and 4 bot processes on one PostgreSQL (a fresh scratch database each
 * time, seeded with the spread pairs), one Slack stand-in, and this generator sending open-loop
 * traffic to the processes in turn (round robin). For each workload, the highest rate at which every
 * request is answered 200 with p99 under 500 ms and none is shed: rates grow by a third until a run
 * fails, then the gap is halved once.
 *
 * Each bot process is limited to BENCH_REPLICA_CPU cores (default 0.25; `none` for no limit), as a
 * container's CPU limit limits each replica, where the machine allows it (cpu-quota.ts): on a small
 * machine shared with the generator, the stand-in and PostgreSQL, that is what leaves cores free for
 * a second and a fourth process, so the bench can show whether capacity grows with them.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openLoop, summarise, type Summary } from './load';
import { type CpuQuotas, cpuQuotas } from './cpu-quota';
import { cancelLeftoverSends, type Child, runPrepare, startChild } from './processes';
import { BENCH_USERS } from './protocol';
import { REQUEST_SCENARIOS, type Scenario, signed, submissionScenarios } from './scenarios';
import { type BenchSection, percentile, scratchDatabase } from './scheduler/support';

/** How many bot processes, in turn (BENCH_REPLICA_COUNTS, default 1,2,4). */
const COUNTS = (process.env.BENCH_REPLICA_COUNTS ?? '1,2,4').split(',').map(Number);
const RUN_SECONDS = Number(process.env.BENCH_REPLICA_SECONDS ?? 8);
/**
 * How many times the whole search runs, every count in turn each time (BENCH_REPLICA_ROUNDS, default 1):
 * one process's highest rate moved by a third between runs, more than the ratios sought, so the ratios
 * of the medians are the steadier figure.
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_REPLICA_ROUNDS ?? 1));
const P99_LIMIT_MS = 500;
const FIRST_RATE = 100;
/** Before each search, every process serves this many requests a second for WARM_SECONDS, not counted: a cold process (its code not yet compiled) under a CPU limit fails a rate it serves warm. */
const WARM_RATE_PER_PROCESS = 25;
const WARM_SECONDS = 4;
const IDLE_SECONDS = 3;
const GROWTH = 4 / 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const passes = (summary: Summary): boolean => summary.p99 < P99_LIMIT_MS && summary.shed === 0 && summary.non2xx === 0 && summary.late === 0;

/** Agenda, goal and notes submissions in turn, each over the seeded pairs. */
function mixedSubmissions(scenarios: Scenario[]): Scenario {
  return {
    key: 'submissions',
    label: 'submissions: agenda, goal and notes in turn, over 1,000 pairs',
    body: (i, issued) => scenarios[i % scenarios.length]!.body(Math.floor(i / scenarios.length), issued),
    consumes: true,
  };
}

interface Run {
  summary: Summary;
  /** Share of the machine's CPU time that was busy (every process, not only the bots) during the run. */
  machineBusy: number;
  /** CPU time of the bot processes together per request sent, work after the acks included. */
  botCpuMs: number;
}

interface Probe extends Run {
  rate: number;
}

/** The machine's CPU counters (Linux /proc/stat): what is free to give a second process. */
function cpuTimes(): { idle: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // idle and iowait are the time no process could use.
  return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((sum, value) => sum + value, 0) };
}

/** Runs `work` and reports how busy the whole machine was meanwhile (0 to 1). */
async function measuringMachine<T>(work: () => Promise<T>): Promise<{ result: T; busy: number }> {
  const before = cpuTimes();
  const result = await work();
  const after = cpuTimes();
  const total = after.total - before.total;
  return { result, busy: total > 0 ? 1 - (after.idle - before.idle) / total : 0 };
}

/** The highest passing rate found, and every run on the way (for the report). */
async function highestRate(run: (rate: number) => Promise<Run>, startAt: number): Promise<{ best: Probe | undefined; probes: Probe[] }> {
  const probes: Probe[] = [];
  const probe = async (rate: number) => {
    const result = await run(rate);
    probes.push({ rate, ...result });
    return passes(result.summary);
  };
  let low: number | undefined;
  let high: number | undefined;
  let rate = startAt;
  // Down from a start that already fails (a replica count that does worse), up from one that passes.
  if (await probe(rate)) {
    low = rate;
    while (high === undefined && rate < 5000) {
      rate = Math.round(rate * GROWTH);
      if (await probe(rate)) low = rate;
      else high = rate;
    }
  } else {
    high = rate;
    while (low === undefined && rate > 4) {
      rate = Math.round(rate / GROWTH);
      if (await probe(rate)) low = rate;
      else high = rate;
    }
  }
  if (low !== undefined && high !== undefined) {
    const middle = Math.round((low + high) / 2);
    if (middle > low && middle < high && (await probe(middle))) low = middle;
  }
  const best = probes.filter((p) => p.rate === low && passes(p.summary)).at(-1);
  return { best, probes };
}

/** CPU time the bot processes have used so far, together (ms). */
async function botCpu(apps: Child[]): Promise<number> {
  const used = await Promise.all(apps.map((app) => app.ask({ type: 'cpu' }, 'cpu')));
  return used.reduce((sum, one) => sum + one.ms, 0);
}

/** One search's outcome at one replica count, for one workload. */
interface Found {
  workload: string;
  label: string;
  count: number;
  best: Probe | undefined;
  probes: Probe[];
  idleShare: number;
}

/** Starts `count` bot processes on a fresh database and finds each workload's highest rate. */
async function searchAt(count: number, quotas: CpuQuotas | null, startAt: (workload: string) => number): Promise<Found[]> {
  const db = await scratchDatabase('replicas', 1);
  const world = await runPrepare('app-process', ['prepare', db.url]);
  const workloads = [REQUEST_SCENARIOS.find((s) => s.key === 'agenda')!, mixedSubmissions(submissionScenarios(world))];
  const standIn = await startChild('stand-in', 'stand-in-process');
  const apps: Child[] = [];
  const found: Found[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const app = await startChild(`real-${i}`, 'app-process', ['real', standIn.url, db.url]);
      apps.push(app);
      quotas?.place(app.process.pid!);
    }
    await sleep(1000);
    // What a replica costs with no traffic (its timers, probes and the scheduler's polls), per process.
    const idleFrom = await botCpu(apps);
    await sleep(IDLE_SECONDS * 1000);
    const idleShare = ((await botCpu(apps)) - idleFrom) / (IDLE_SECONDS * 1000) / count;
    let offset = 0;
    for (const workload of workloads) {
      const run = async (rate: number, seconds = RUN_SECONDS): Promise<Run> => {
        const total = Math.round(rate * seconds);
        await cancelLeftoverSends(apps[0]!);
        await standIn.ask({ type: 'reset' }, 'reset-done');
        const user = BENCH_USERS.maria.id;
        const issued = await standIn.ask({ type: 'issue', userId: user, channelId: `D${user}`, count: total }, 'issued');
        const from = offset;
        offset += total;
        const bodies = Array.from({ length: total }, (_, i) => workload.body(workload.consumes ? from + i : i, issued));
        const cpuBefore = await botCpu(apps);
        const { result: samples, busy } = await measuringMachine(() =>
          openLoop(
            apps.map((app) => app.url),
            rate,
            total,
            (i) => signed(bodies[i]!),
          ),
        );
        await sleep(2500); // work after the acks, and the Home refresh window
        return { summary: summarise(samples), machineBusy: busy, botCpuMs: ((await botCpu(apps)) - cpuBefore) / total };
      };
      await run(WARM_RATE_PER_PROCESS * count, WARM_SECONDS);
      const { best, probes } = await highestRate(run, startAt(workload.key));
      found.push({ workload: workload.key, label: workload.label, count, best, probes, idleShare });
      process.stdout.write(`  ${count} process(es), ${workload.key}: ${best ? `${best.rate}/s` : 'none'} (load average ${loadavg()[0]!.toFixed(2)})\n`);
    }
  } finally {
    await Promise.all(apps.map((app) => app.stop()));
    quotas?.release();
    await standIn.stop();
    await db.drop();
  }
  return found;
}

const median = (values: number[]): number => percentile(values, 50);

/** One row per workload and count: each round's figures, and with several rounds their medians. */
function rowOf(runs: Found[], one: number): Record<string, string | number> {
  const rates = runs.map((run) => run.best?.rate ?? 0);
  const first = runs[0]!;
  const row: Record<string, string | number> = {
    workload: first.label,
    processes: first.count,
    'highest rate (p99 < 500 ms, none shed)': rates.map((rate) => (rate > 0 ? `${rate}/s` : 'none found')).join(', '),
  };
  if (runs.length > 1) row['median'] = `${median(rates)}/s`;
  const at = (pick: (best: Probe) => string) => runs.map((run) => (run.best ? pick(run.best) : '-')).join(', ');
  row['p50 / p99 there (ms)'] = at((best) => `${best.summary.p50.toFixed(1)} / ${best.summary.p99.toFixed(1)}`);
  row[runs.length > 1 ? 'ratio of medians to 1 process' : 'ratio to 1 process'] = one > 0 ? (median(rates) / one).toFixed(2) : '-';
  row['bot CPU per request there (ms)'] = at((best) => best.botCpuMs.toFixed(2));
  row['machine CPU busy there (all processes)'] = at((best) => `${Math.round(best.machineBusy * 100)} %`);
  row['idle CPU per process'] = runs.map((run) => `${(run.idleShare * 100).toFixed(1)} %`).join(', ') + ' of a core';
  row['rates tried (p99 ms, busy)'] = runs
    .map((run) => run.probes.map((p) => `${p.rate}: ${p.summary.p99.toFixed(0)}, ${p.summary.shed}`).join('; '))
    .join(' | ');
  return row;
}

export async function replicasBench(): Promise<BenchSection> {
  const limit = process.env.BENCH_REPLICA_CPU ?? '0.25';
  const quotas = limit === 'none' ? null : cpuQuotas(Number(limit));
  if (limit !== 'none' && !quotas) process.stdout.write(`  (no CPU limit per process: this machine does not allow one; running unlimited)\n`);
  const started = performance.now();
  const found: Found[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    if (ROUNDS > 1) process.stdout.write(`  round ${round} of ${ROUNDS}\n`);
    for (const count of COUNTS) {
      // Each search starts where the last one found (the same count's in an earlier round, else the count before).
      const startAt = (workload: string) =>
        (found.filter((f) => f.workload === workload && f.count === count).at(-1) ?? found.filter((f) => f.workload === workload).at(-1))?.best?.rate ??
        FIRST_RATE;
      found.push(...(await searchAt(count, quotas, startAt)));
    }
  }
  const rows: Array<Record<string, string | number>> = [];
  for (const workload of [...new Set(found.map((f) => f.workload))]) {
    const one = median(found.filter((f) => f.workload === workload && f.count === COUNTS[0]).map((f) => f.best?.rate ?? 0));
    for (const count of COUNTS)
      rows.push(
        rowOf(
          found.filter((f) => f.workload === workload && f.count === count),
          one,
        ),
      );
  }
  const limited = quotas ? `each bot process limited to ${quotas.cores} of a core` : 'bot processes unlimited';
  return {
    title: `Capacity with replicas (one PostgreSQL, round-robin load, ${limited}${ROUNDS > 1 ? `, ${ROUNDS} rounds` : ''})`,
    rows,
    notes: [
      `Open loop, ${RUN_SECONDS} s per rate; a rate passes when every request is answered 200 within 3 s, p99 < ${P99_LIMIT_MS} ms and none is answered "busy".`,
      ...(ROUNDS > 1
        ? [`The search ran ${ROUNDS} times, each count in turn each time; figures are per round, in order, and the ratio is of the medians.`]
        : []),
      quotas
        ? `Each bot process ran in a control group of its own limited to ${quotas.cores} of a core (CFS quota), as a container's CPU limit limits a replica; the generator, the stand-in and PostgreSQL share what is left of the machine.`
        : 'The bot processes, PostgreSQL, the Slack stand-in and this generator share the machine: on 2 cores, 2 and 4 processes compete with them for the same CPU.',
      "Bot CPU per request: the bot processes' CPU time together, per request sent, at that rate (work after the acks included).",
      `Before each search, ${WARM_SECONDS} s at ${WARM_RATE_PER_PROCESS}/s per process warm the processes up (not counted). Idle CPU per process: measured over ${IDLE_SECONDS} s with no traffic after start-up.`,
      'Machine CPU busy: the share of all cores in use during the run at that rate (from /proc/stat); what is left is what another process could have had.',
      `Took ${((performance.now() - started) / 60_000).toFixed(1)} minutes.`,
    ],
  };
}
