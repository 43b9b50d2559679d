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
