import type { Logger } from './logger';

export interface Stoppable {
  name: string;
  stop: () => Promise<void>;
}

const DEADLINE_MS = 10_000;

/**
 * SIGTERM/SIGINT: stop taking work, let in-flight work finish, close the database, exit 0.
 * Parts stop in the order given; a second signal is ignored; a hung part is cut off at the deadline.
 */
export function installShutdown(logger: Logger, parts: Stoppable[]): void {
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
    for (const part of parts) {
      await part.stop().catch((error: unknown) => logger.error({ err: error, part: part.name }, 'stop failed'));
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
