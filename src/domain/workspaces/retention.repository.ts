import { sql } from 'kysely';
import type { Executor } from '../../db/types';

/**
 * Sent and failed outbox rows older than `before`, at most `limit` of them. Open rows are never
 * touched, and SKIP LOCKED leaves alone any row another transaction holds: a purge never waits on a
 * pass, nor a pass on a purge.
 */
export async function purgeFinalOutbox(db: Executor, before: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('state', 'in', ['sent', 'failed'])
        .where('updated_at', '<', before)
        .orderBy('updated_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Event ids (de-duplication of Slack's retries) received more than `olderThanDays` ago, at most
 * `limit` of them. The database's clock decides, as it stamped them.
 */
export async function purgeProcessedEvents(db: Executor, olderThanDays: number, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('processed_events')
    .where('event_id', 'in', (eb) =>
      eb
        .selectFrom('processed_events')
        .select('event_id')
        .where('received_at', '<', sql<Date>`now() - make_interval(days => ${olderThanDays})`)
        .orderBy('received_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
