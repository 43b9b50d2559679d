/** The bench's printed result: markdown tables (pasted as-is into the README) and PASS/MISS per target. */
import type { Summary } from './load';

export interface Report {
  machine: { cpus: number; model: string; node: string; load: string; loadAfter?: string; database: string };
  seconds: number;
  /** cpuMs: CPU time the app process spent per request (including work after the ack). */
  /** CPU per request at a calm rate (nothing shed, so no "busy" answer dilutes it), real and floor; statements per request. */
  cost: Array<{ scenario: string; cpuMs: { floor: number; real: number }; queries: number; shed: number }>;
  /** queries: statements the real app sent to PostgreSQL per request (0 on PGlite, where they are not counted). */
  /** cpuMs: medians over cpuRounds (BENCH_CPU_ROUNDS runs of the floor and the real app in turn; the latencies are the first round's). */
  open: Array<{
    scenario: string;
    rate: number;
    floor: Summary;
    real: Summary;
    cpuMs: { floor: number; real: number };
    cpuRounds: Array<{ floor: number; real: number }>;
    /** The median of the rounds' ratios (each round's floor and real app ran one after the other). */
    cpuRatio: number;
    queries: number;
  }>;
  capacity: Array<{ scenario: string; floor: Capacity; real: Capacity }>;
  /** The real app past its capacity (factor x the closed-loop figure; `capped` when the generator could not send that many). */
  overload: Array<{ scenario: string; capacity: number; factor: number; rate: number; capped: boolean; summary: Summary; peakMb: number }>;
  memory: { idleMb: number; steadyMb: number; afterMb?: number };
}

interface Capacity {
  perSecond: number;
  served: number;
  shed: number;
  failed: number;
}

/** SCHEDULER.md: idle RSS <= 120 MB; under load and overload <= 400 MB. */
export const TARGETS = { p50Ratio: 1.5, p99Ratio: 2, capacityRatio: 0.5, idleRssMb: 120, rssMb: 400 } as const;

const ms = (n: number): string => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const x = (n: number): string => (Number.isFinite(n) ? `${n.toFixed(2)}x` : '-');
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

export function printReport(report: Report): void {
  const out: string[] = [];
  const { machine } = report;
  out.push(
    '',
    `Machine: ${machine.cpus} CPU, ${machine.model}, Node ${machine.node}; real app on ${machine.database}; load average ${machine.load} at start, ${machine.loadAfter ?? '?'} at the end.`,
    '',
  );
  if (report.cost.length > 0) {
    out.push('CPU per request at 25/s (the app process, work after the ack included; nothing shed)', '');
    out.push('| request | floor | real | real / floor | SQL statements per request | busy |', '| --- | --- | --- | --- | --- | --- |');
    for (const row of report.cost) {
      out.push(
        `| ${row.scenario} | ${ms(row.cpuMs.floor)} ms | ${ms(row.cpuMs.real)} ms | ${x(row.cpuMs.real / row.cpuMs.floor)} | ${row.queries > 0 ? row.queries.toFixed(1) : '-'} | ${row.shed} |`,
      );
    }
    out.push('');
  }
  out.push(`Ack latency, open loop, ${report.seconds} s per run; ms from the intended send time (floor = bare Bolt app that only acks)`, '');
  out.push(
    '| request | rate | floor p50 / p99 / max | real p50 / p99 / max | p50 ratio (<= 1.5x) | p99 ratio (<= 2x) | real: non-2xx / acked after 3 s / busy | CPU/request floor, real (ratio) | SQL statements/request | verdict |',
  );
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  let allPass = true;
  for (const run of report.open) {
    const p50 = run.real.p50 / run.floor.p50;
    const p99 = run.real.p99 / run.floor.p99;
    const ok = p50 <= TARGETS.p50Ratio && p99 <= TARGETS.p99Ratio && run.real.unacked === 0;
    allPass &&= ok;
    out.push(
      `| ${run.scenario} | ${run.rate}/s | ${ms(run.floor.p50)} / ${ms(run.floor.p99)} / ${ms(run.floor.max)} | ${ms(run.real.p50)} / ${ms(run.real.p99)} / ${ms(run.real.max)} | ${x(p50)} | ${x(p99)} | ${run.real.non2xx} / ${run.real.late} / ${run.real.shed} | ${ms(run.cpuMs.floor)}, ${ms(run.cpuMs.real)} ms (${x(run.cpuRatio)}) | ${run.queries > 0 ? run.queries.toFixed(1) : '-'} | ${verdict(ok)} |`,
    );
  }
  const repeated = report.open.filter((run) => run.cpuRounds.length > 1);
  if (repeated.length > 0) {
    out.push('', "CPU per request in each round (floor, real ms: ratio); the table above shows the medians, and the median of the rounds' ratios", '');
    for (const run of repeated) {
      const rounds = run.cpuRounds.map((r) => `${ms(r.floor)}, ${ms(r.real)}: ${x(r.real / r.floor)}`).join('; ');
      out.push(`- ${run.scenario} at ${run.rate}/s: ${rounds}`);
    }
  }
  out.push('', 'Closed-loop capacity, 16 clients back to back (answers per second; "busy" answers not counted)', '');
  out.push('| request | floor | real | ratio (>= 0.5) | verdict |', '| --- | --- | --- | --- | --- |');
  for (const cap of report.capacity) {
    const ratio = cap.real.perSecond / cap.floor.perSecond;
    const ok = ratio >= TARGETS.capacityRatio && cap.real.failed === 0;
    allPass &&= ok;
    const extra = cap.real.shed > 0 || cap.real.failed > 0 ? ` (${cap.real.shed} busy, ${cap.real.failed} failed)` : '';
    out.push(`| ${cap.scenario} | ${cap.floor.perSecond.toFixed(0)}/s | ${cap.real.perSecond.toFixed(0)}/s${extra} | ${x(ratio)} | ${verdict(ok)} |`);
  }
  if (report.overload.length > 0) {
    out.push(
      '',
      'Past capacity: the real app at 2x and 5x its closed-loop capacity, 5 s each (every request must be answered 200 within 3 s, served or "busy")',
      '',
    );
    out.push(
      '| request | capacity | rate | served | busy | non-2xx | acked after 3 s | p99 | peak RSS | verdict |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const run of report.overload) {
      const ok = run.summary.non2xx === 0 && run.summary.late === 0;
      allPass &&= ok;
      const rate = `${run.factor}x: ${run.rate}/s${run.capped ? ` (capped; ${run.factor}x is ${Math.round(run.factor * run.capacity)}/s)` : ''}`;
      out.push(
        `| ${run.scenario} | ${run.capacity.toFixed(0)}/s | ${rate} | ${run.summary.count - run.summary.shed - run.summary.non2xx} | ${run.summary.shed} | ${run.summary.non2xx} | ${run.summary.late} | ${ms(run.summary.p99)} ms | ${run.peakMb.toFixed(0)} MB | ${verdict(ok)} |`,
      );
    }
  }
  const { memory } = report;
  out.push('', 'Memory of the real app (RSS)', '', '| state | RSS | verdict |', '| --- | --- | --- |');
  out.push(`| idle, after start-up | ${memory.idleMb.toFixed(0)} MB | ${verdict(memory.idleMb <= TARGETS.idleRssMb)} |`);
  const overloadPeak = Math.max(0, ...report.overload.map((run) => run.peakMb));
  out.push(
    `| peak over the runs above (steady load and past capacity) | ${Math.max(memory.steadyMb, overloadPeak).toFixed(0)} MB | ${verdict(Math.max(memory.steadyMb, overloadPeak) <= TARGETS.rssMb)} |`,
  );
  if (memory.afterMb !== undefined) out.push(`| after the runs | ${memory.afterMb.toFixed(0)} MB | |`);
  allPass &&= memory.idleMb <= TARGETS.idleRssMb && Math.max(memory.steadyMb, overloadPeak) <= TARGETS.rssMb;
  out.push('', allPass ? 'All targets met.' : 'Some targets missed (MISS above).', '');
  process.stdout.write(`${out.join('\n')}\n`);
}
