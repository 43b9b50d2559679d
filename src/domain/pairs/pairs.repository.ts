import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/types';
import type { NewPair, Pair } from '../../db/schema';
import { MAX_PAIRS_LISTED } from './pair-rules';
import { pairFromJson } from '../../db/json-rows';
import { PREPARED } from '../../db/prepared';

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

/**
 * The display names of the two people of a live pair of these two (the user id where a person is not
 * stored), in one query; undefined when there is no such pair.
 */
export async function findLivePairNames(
  db: Executor,
  teamId: string,
  mentorId: string,
  menteeId: string,
): Promise<{ mentorName: string; menteeName: string } | undefined> {
  const row = await db
    .selectFrom('pairs')
    .leftJoin('people as mentor', (join) => join.onRef('mentor.team_id', '=', 'pairs.team_id').onRef('mentor.user_id', '=', 'pairs.mentor_id'))
    .leftJoin('people as mentee', (join) => join.onRef('mentee.team_id', '=', 'pairs.team_id').onRef('mentee.user_id', '=', 'pairs.mentee_id'))
    .select(['mentor.display_name as mentor_name', 'mentee.display_name as mentee_name'])
    .where('pairs.team_id', '=', teamId)
    .where('pairs.mentor_id', '=', mentorId)
    .where('pairs.mentee_id', '=', menteeId)
    .where('pairs.status', '<>', 'ended')
    .limit(1)
    .executeTakeFirst();
  return row && { mentorName: row.mentor_name ?? mentorId, menteeName: row.mentee_name ?? menteeId };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from buttons and metadata: one that is not a uuid finds nothing (instead of a SQL error). */
export async function findPair(db: Executor, teamId: string, pairId: string): Promise<Pair | undefined> {
  if (!UUID.test(pairId)) return undefined;
  return db.selectFrom('pairs').selectAll().where('team_id', '=', teamId).where('id', '=', pairId).executeTakeFirst();
}

/** The pair row, locked until the transaction ends (callers check the id is a uuid first). */
export async function lockPair(tx: Tx, teamId: string, pairId: string): Promise<Pair | undefined> {
  return tx.selectFrom('pairs').selectAll().where('team_id', '=', teamId).where('id', '=', pairId).forUpdate().executeTakeFirst();
}

/**
 * The pairs a person belongs to, on either side, that have not ended, oldest first: the newest
 * MAX_PAIRS_LISTED of them, so one person in very many pairs cannot make a request slow (no list the
 * bot shows holds more: a picker takes 100 options, a message 50 blocks).
 */
export async function listPairsOf(db: Executor, teamId: string, userId: string): Promise<Pair[]> {
  return newestPairsOf(db, teamId, userId).selectAll().orderBy('created_at').execute();
}

function newestPairsOf(db: Executor, teamId: string, userId: string) {
  const newest = db
    .selectFrom('pairs')
    .selectAll()
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', '<>', 'ended')
    .orderBy('created_at', 'desc')
    .limit(MAX_PAIRS_LISTED)
    .as('newest');
  return db.selectFrom(newest);
}

/**
 * listPairsOf and the display names of everyone in those pairs (the person included when known), in
 * one statement: most requests that need a person's pairs name them too. Almost every command starts
 * here, so it is written as SQL text: building it with Kysely's query builder cost the process about
 * 0.15 ms a request, far more than PostgreSQL spends on it. Same filters, order and limit as listPairsOf.
 */
export async function listPairsWithNamesOf(db: Executor, teamId: string, userId: string): Promise<{ pairs: Pair[]; names: Record<string, string> }> {
  // Each pair as JSON, so the statement's columns stay the same whatever a migration adds to pairs (PREPARED).
  const { rows } = await sql<{ pair: unknown; names: Record<string, string> }>`${PREPARED}
    select to_json(newest) as pair,
      (select coalesce(json_object_agg(p.user_id, p.display_name), '{}') from people p
        where p.team_id = newest.team_id and p.user_id in (newest.mentor_id, newest.mentee_id)) as names
    from (
      select * from pairs
      where team_id = ${teamId} and (mentor_id = ${userId} or mentee_id = ${userId}) and status <> 'ended'
      order by created_at desc limit ${MAX_PAIRS_LISTED}
    ) newest
    order by created_at`.execute(db);
  const names: Record<string, string> = {};
  const pairs = rows.map((row) => {
    Object.assign(names, row.names);
    return pairFromJson(row.pair);
  });
  return { pairs, names };
}

export async function insertFirstMeeting(db: Executor, meeting: { teamId: string; pairId: string; scheduledAt: Date; durationMinutes: number }): Promise<void> {
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

/** How many ended pairs a dashboard keeps showing (their history stays readable), newest first. */
export const ENDED_PAIRS_SHOWN = 3;

/** A person's most recently ended pairs. */
export async function listEndedPairsOf(db: Executor, teamId: string, userId: string, limit = ENDED_PAIRS_SHOWN): Promise<Pair[]> {
  return db
    .selectFrom('pairs')
    .selectAll()
    .where('team_id', '=', teamId)
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .where('status', '=', 'ended')
    .orderBy('ended_at', 'desc')
    .limit(limit)
    .execute();
}
