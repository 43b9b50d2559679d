import type { Executor } from '../../db/types';
import type { NewPair, Pair } from '../../db/schema';

export async function insertPair(db: Executor, pair: NewPair): Promise<Pair> {
  return db.insertInto('pairs').values(pair).returningAll().executeTakeFirstOrThrow();
}

export async function findLivePair(db: Executor, teamId: string, mentorId: string, menteeId: string): Promise<Pair | undefined> {
  return db
    .selectFrom('pairs')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('mentor_id', '=', mentorId)
    .where('mentee_id', '=', menteeId)
    .where('status', '<>', 'ended')
    .executeTakeFirst();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from buttons and metadata: one that is not a uuid finds nothing (instead of a SQL error). */
export async function findPair(db: Executor, teamId: string, pairId: string): Promise<Pair | undefined> {
  if (!UUID.test(pairId)) return undefined;
  return db.selectFrom('pairs').selectAll().where('team_id', '=', teamId).where('id', '=', pairId).executeTakeFirst();
}

/** The pairs a person belongs to, on either side, that have not ended. */
export async function listPairsOf(db: Executor, teamId: string, userId: string): Promise<Pair[]> {
  return db
    .selectFrom('pairs')
    .selectAll()
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', '<>', 'ended')
    .orderBy('created_at')
    .execute();
}

export async function insertFirstMeeting(
  db: Executor,
  meeting: { teamId: string; pairId: string; scheduledAt: Date; durationMinutes: number },
): Promise<void> {
  await db
    .insertInto('meetings')
    .values({
      team_id: meeting.teamId,
      pair_id: meeting.pairId,
      sequence: 0,
      scheduled_at: meeting.scheduledAt,
      duration_minutes: meeting.durationMinutes,
      rescheduled_from: null,
      feedback_focus: null,
      shared_highlight: null,
      takeaways: null,
      feedback_received: null,
      feedback_application: null,
      notes_recorded_by: null,
      notes_recorded_at: null,
      agenda_shared_at: null,
    })
    .execute();
}
