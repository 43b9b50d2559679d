import { sql, type Updateable } from 'kysely';
import { meetingFromJson, pairFromJson, personFromJson } from '../../db/json-rows';
import { PREPARED } from '../../db/prepared';
import type { Meeting, MeetingsTable, Pair, PairsTable, Person } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';

/** Active pairs in id order, a page at a time (keyset pagination keeps each page cheap). */
/**
 * Active pairs whose next meeting row must be checked (never checked, or its answer has run out),
 * locked so that no change to the pair interleaves with the check and replicas share the work.
 * `skip`: pairs that failed earlier in this pass; `only`: one pair (to find the one that fails).
 */
export async function lockPairsToCheck(tx: Tx, now: Date, page: { limit: number; skip: readonly string[]; only?: string }): Promise<Pair[]> {
  // Two queries rather than one OR: each is a plain range of pairs_upcoming_due, whatever the statistics say.
  const select = () => {
    let query = tx.selectFrom('pairs').selectAll().where('status', '=', 'active');
    if (page.skip.length > 0) query = query.where('id', 'not in', [...page.skip]);
    if (page.only) query = query.where('id', '=', page.only);
    return query;
  };
  const unchecked = await select().where('upcoming_valid_until', 'is', null).limit(page.limit).forNoKeyUpdate().skipLocked().execute();
  if (unchecked.length >= page.limit) return unchecked;
  const expired = await select()
    .where('upcoming_valid_until', '<=', now)
    .limit(page.limit - unchecked.length)
    .forNoKeyUpdate()
    .skipLocked()
    .execute();
  return [...unchecked, ...expired];
}

/** Records until when each pair's next meeting row is right (set under the lock taken by `lockPairsToCheck`). */
export async function saveUpcomingValidUntil(tx: Tx, validUntil: ReadonlyMap<string, Date>): Promise<void> {
  if (validUntil.size === 0) return;
  const rows = sql.join([...validUntil].map(([pairId, until]) => sql`(${pairId}::uuid, ${until.toISOString()}::timestamptz)`));
  await sql`update pairs set upcoming_valid_until = v.until from (values ${rows}) as v (id, until) where pairs.id = v.id`.execute(tx);
}

export async function findPairById(db: Executor, teamId: string, pairId: string): Promise<Pair | undefined> {
  return db.selectFrom('pairs').selectAll().where('team_id', '=', teamId).where('id', '=', pairId).executeTakeFirst();
}

/** Every change to a pair's meetings locks the pair first, so two changes (or a change and the planner) queue up. */

export async function updatePair(tx: Tx, pairId: string, patch: Updateable<PairsTable>): Promise<Pair> {
  return tx
    .updateTable('pairs')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', pairId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findMeeting(db: Executor, teamId: string, meetingId: string): Promise<Meeting | undefined> {
  return db.selectFrom('meetings').selectAll().where('team_id', '=', teamId).where('id', '=', meetingId).executeTakeFirst();
}

export interface LockedMeeting {
  pair: Pair;
  /** Undefined when the meeting was removed meanwhile (a rhythm change that committed first). */
  meeting: Meeting | undefined;
  /** Both people's rows, where known. */
  people: Person[];
}

/**
 * The pair found through the meeting, then the meeting, both locked in that order (the one lock order
 * of every change to a pair's meetings: the meeting's lock waits on the pair's, an initPlan of its
 * scan), with both people's rows: one statement where a change used to spend three before its first
 * write. Undefined when no such meeting is in the workspace. Callers check the id is a uuid first.
 */
export async function lockPairAndMeeting(tx: Tx, teamId: string, meetingId: string): Promise<LockedMeeting | undefined> {
  // Every column JSON, so the statement can stay prepared (PREPARED) whatever a migration adds.
  const { rows } = await sql<{ pair_json: unknown; meeting_json: unknown; people_json: unknown[] }>`${PREPARED}
    with locked_pair as (
      select * from pairs
      where team_id = ${teamId} and id = (select pair_id from meetings where team_id = ${teamId} and id = ${meetingId}::uuid)
      for update
    ),
    locked_meeting as (
      select * from meetings
      where team_id = ${teamId} and id = ${meetingId}::uuid and pair_id = (select id from locked_pair)
      for update
    )
    select to_json(locked_pair) as pair_json,
      (select to_json(locked_meeting) from locked_meeting) as meeting_json,
      (select coalesce(json_agg(p), '[]') from people p
        where p.team_id = locked_pair.team_id and p.user_id in (locked_pair.mentor_id, locked_pair.mentee_id)) as people_json
    from locked_pair`.execute(tx);
  const row = rows[0];
  if (!row) return undefined;
  return {
    pair: pairFromJson(row.pair_json),
    meeting: row.meeting_json ? meetingFromJson(row.meeting_json) : undefined,
    people: row.people_json.map(personFromJson),
  };
}

export async function updateMeeting(db: Executor, meetingId: string, patch: Updateable<MeetingsTable>): Promise<Meeting> {
  return db
    .updateTable('meetings')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', meetingId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface OccurrenceRow {
  pair_id: string;
  sequence: number;
  status: Meeting['status'];
  scheduled_at: Date;
}

/** For each pair, its meeting rows from a given sequence on: what the planner needs to pass over. */
export async function occurrencesFrom(db: Executor, from: ReadonlyArray<{ pairId: string; sequence: number }>): Promise<OccurrenceRow[]> {
  if (from.length === 0) return [];
  return db
    .selectFrom('meetings')
    .select(['pair_id', 'sequence', 'status', 'scheduled_at'])
    .where((eb) => eb.or(from.map((f) => eb.and([eb('pair_id', '=', f.pairId), eb('sequence', '>=', f.sequence)]))))
    .execute();
}

export interface PlannedMeeting {
  pair: Pair;
  sequence: number;
  at: Date;
}

/**
 * Inserts the planned meetings, guarded twice: `on conflict do nothing` makes planning idempotent
 * across passes and replicas, and the join only keeps a row while the pair still has the exact rule
 * it was planned from. The join locks the pair FOR SHARE, so a rhythm change committing meanwhile
 * (it holds the pair FOR UPDATE) makes PostgreSQL re-check the join against the new rule and drop
 * the stale row, instead of inserting a meeting at the old time.
 */
export async function insertPlannedMeetings(db: Executor, planned: readonly PlannedMeeting[]): Promise<void> {
  if (planned.length === 0) return;
  const rows = sql.join(
    planned.map(
      ({ pair, sequence, at }) =>
        sql`(${pair.id}::uuid, ${sequence}::int, ${at.toISOString()}::timestamptz, ${pair.cadence}::text, ${pair.meeting_time}::text, ${pair.time_zone}::text, ${pair.first_meeting_on}::date, ${pair.anchor_sequence}::int, ${pair.meeting_minutes}::int)`,
    ),
  );
  await sql`
    insert into meetings (team_id, pair_id, sequence, scheduled_at, duration_minutes)
    select p.team_id, p.id, v.seq, v.at, p.meeting_minutes
    from (values ${rows}) as v (pair_id, seq, at, cadence, meeting_time, time_zone, first_on, anchor_seq, minutes)
    join pairs p on p.id = v.pair_id
      and p.status = 'active' and p.cadence = v.cadence and p.meeting_time = v.meeting_time and p.time_zone = v.time_zone
      and p.first_meeting_on = v.first_on and p.anchor_sequence = v.anchor_seq and p.meeting_minutes = v.minutes
    for share of p
    on conflict (pair_id, sequence) do nothing`.execute(db);
}

/** The pair's next meeting: the earliest scheduled one that has not started. */
export async function upcomingMeeting(db: Executor, pairId: string, now: Date): Promise<Meeting | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '>', now)
    .orderBy('scheduled_at')
    .limit(1)
    .executeTakeFirst();
}

/** The meeting that started most recently and was not skipped: the one notes are for. */
export async function latestStartedMeeting(db: Executor, pairId: string, now: Date): Promise<Meeting | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('status', 'in', ['scheduled', 'held'])
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The last meeting held before `before`: where carry-over comes from. */
export async function lastHeldBefore(db: Executor, pairId: string, before: Date): Promise<Meeting | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('status', '=', 'held')
    .where('scheduled_at', '<', before)
    .orderBy('scheduled_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function maxSequence(db: Executor, pairId: string): Promise<number> {
  const row = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max<number | null>('sequence').as('max'))
    .where('pair_id', '=', pairId)
    .executeTakeFirst();
  return row?.max ?? -1;
}

/** Rows after `sequence` that have not happened yet: obsolete once the rhythm is re-anchored at `sequence`. */
export async function futureMeetingsAfter(db: Executor, pairId: string, sequence: number, now: Date): Promise<Meeting[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('sequence', '>', sequence)
    .where('scheduled_at', '>', now)
    .where('status', '<>', 'held')
    .execute();
}

export async function deleteMeetings(db: Executor, meetingIds: readonly string[]): Promise<void> {
  if (meetingIds.length === 0) return;
  await db
    .deleteFrom('meetings')
    .where('id', 'in', [...meetingIds])
    .execute();
}
