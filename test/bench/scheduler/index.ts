import { schedulerAtScale } from './scale';
import { sendingBench } from './sending';
import { type BenchSection, machine } from './support';

export type { BenchSection } from './support';
export { formatSection, printSection } from './support';

/**
 * The scheduler half of `npm run bench`: polling, claiming and planning at 10k, 100k and 1M pairs,
 * then sending against a stand-in that enforces Slack's limits. About 5 minutes on 2 cores.
 * BENCH_SCALE_SIZES=10000,100000 shortens it; BENCH_SKIP_SCALE=1 / BENCH_SKIP_SENDING=1 skip a part.
 */
export async function runSchedulerBenches(): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  if (process.env.BENCH_SKIP_SCALE !== '1') sections.push(...(await schedulerAtScale()));
  if (process.env.BENCH_SKIP_SENDING !== '1') sections.push(...(await sendingBench()));
  if (sections[0]) sections[0].notes = [...(sections[0].notes ?? []), `Machine: ${machine()}.`];
  return sections;
}
