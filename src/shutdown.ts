import type { Logger } from './logger';

export interface Stoppable {
  name: string;
  stop: () => Promise<void>;
  /**
   * The longest shutdown waits for this part; then it goes on without it. What is cut short is safe
   * to cut: a send in flight keeps its lease and is reconciled by the next pass, anywhere.
   */
  withinMs?: number;
}

const DEADLINE_MS = 10_000;

/**
 * SIGTERM/SIGINT: stop taking work, let in-flight work finish, close the database, exit 0.
 * Stages run in the order given; the parts of a stage given as an array stop side by side. A second
 * signal is ignored; a part that overruns its `withinMs` is left behind, and the whole is cut off at
 * the deadline.
 */
export function installShutdown(logger: Logger, stages: ReadonlyArray<Stoppable | readonly Stoppable[]>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error({ deadlineMs: DEADLINE_MS }, 'shutdown deadline passed; exiting');
      process.exit(1);
    }, DEADLINE_MS);
    forced.unref();
    for (const stage of stages) await Promise.all((Array.isArray(stage) ? stage : [stage]).map((part: Stoppable) => stopWithin(logger, part)));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function stopWithin(logger: Logger, part: Stoppable): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<'overran'>((resolve) => {
    if (part.withinMs !== undefined) timer = setTimeout(() => resolve('overran'), part.withinMs);
  });
  const stopped = part.stop().then(
    () => 'stopped' as const,
    (error: unknown) => {
      logger.error({ err: error, part: part.name }, 'stop failed');
      return 'failed' as const;
    },
  );
  const outcome = await Promise.race([stopped, overran]);
  clearTimeout(timer);
  if (outcome === 'overran') logger.warn({ part: part.name, withinMs: part.withinMs }, 'stop took too long; shutting down without it');
}
