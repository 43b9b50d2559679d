import { type ScheduledTask, schedule } from 'node-cron';
import type { Logger } from '../logger';
import { databaseClock, type Scheduler } from './scheduler';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface SchedulerClock {
  /** Stops the ticks, then waits for the pass in flight. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * node-cron is only the clock: every replica ticks every minute and runs a pass; PostgreSQL decides
 * what is due and who sends it. noOverlap drops a tick while this replica's pass still runs (missed
 * ticks are not replayed, and need not be: the next pass finds everything still due).
 */
export function startSchedulerClock(scheduler: Scheduler, db: Kysely<Database>, logger: Logger, expression = '* * * * *'): SchedulerClock {
  const log = logger.child({ scope: 'scheduler-clock' });
  const task: ScheduledTask = schedule(
    expression,
    async () => {
      const clock = await databaseClock(db);
      await scheduler.runPass(clock);
    },
    { name: 'reminders', noOverlap: true },
  );
  task.on('execution:failed', (context) => log.error({ err: context.execution?.error }, 'scheduler tick failed'));
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        await task.stop();
        await task.destroy();
        await scheduler.stop();
      })();
      return stopping;
    },
  };
}
