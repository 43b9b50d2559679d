import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/types';
import type { AppreciationsTable, Meeting } from '../../db/schema';

export type Appreciation = Selectable<AppreciationsTable>;

/** A scheduled meeting that started less than this long ago is "the current one" for a thank-you. */
const CURRENT_MEETING_WINDOW_MS = 24 * 60 * 60 * 1000;

export async function insertAppreciation(db: Executor, row: Insertable<AppreciationsTable>): Promise<Appreciation> {
  return db.insertInto('appreciations').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * The meeting a thank-you is about: the latest one that was held, or one going on or just over
 * whose notes nobody has recorded yet (the thanks prompt goes out at the meeting's end, before
 * anyone marks it held). Whichever started last wins.
 */
export async function findMeetingToThank(db: Executor, teamId: string, pairId: string, now: Date): Promise<Meeting | undefined> {
  const recent = new Date(now.getTime() - CURRENT_MEETING_WINDOW_MS);
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('pair_id', '=', pairId)
    .where('scheduled_at', '<=', now)
    .where((eb) => eb.or([eb('status', '=', 'held'), eb.and([eb('status', '=', 'scheduled'), eb('scheduled_at', '>=', recent)])]))
    .orderBy('scheduled_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The pair's thank-yous, newest first. */
export async function listAppreciations(db: Executor, teamId: string, pairId: string, limit: number): Promise<Appreciation[]> {
  return db
    .selectFrom('appreciations')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('pair_id', '=', pairId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
