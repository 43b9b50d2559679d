import { sql } from 'kysely';
import type { Executor } from '../../db/types';

/** Records a delivery; true only for the first one of this event id (a retry conflicts and inserts nothing). */
export async function recordEvent(db: Executor, eventId: string, teamId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('processed_events')
    .values({ event_id: eventId, team_id: teamId })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forgets deliveries older than `olderThanMs`; the database clock decides, as it stamped them. */
export async function purgeEvents(db: Executor, olderThanMs: number): Promise<number> {
  const result = await db
    .deleteFrom('processed_events')
    .where('received_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
