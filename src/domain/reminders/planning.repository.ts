import { type RawBuilder, sql } from 'kysely';
import type { Cadence } from '../../db/schema';
import { CHECKPOINTS, type Checkpoint } from '../check-ins/check-in-timing';
import type { Executor } from '../../db/types';
import type { PlanMeeting, PlanPair } from './planner';

/**
 * The state the planner reads, in as few queries as the rules allow. Every query is bounded by a
 * window around `now`, so the work of a pass follows what is coming up, not the size of history.
 */
const DAY = 86_400_000;

function pairsWithPeople(db: Executor) {
  return db
    .selectFrom('pairs as p')
    .innerJoin('people as mr', (join) => join.onRef('mr.team_id', '=', 'p.team_id').onRef('mr.user_id', '=', 'p.mentor_id'))
    .innerJoin('people as me', (join) => join.onRef('me.team_id', '=', 'p.team_id').onRef('me.user_id', '=', 'p.mentee_id'))
    .where('p.status', '=', 'active')
    .select([
      'p.id as pair_id',
      'p.team_id',
      'p.planned_end_on',
      'p.mentor_id',
      'mr.time_zone as mentor_zone',
      'mr.prep_lead_minutes as mentor_lead',
      'p.mentee_id',
      'me.time_zone as mentee_zone',
      'me.prep_lead_minutes as mentee_lead',
    ]);
}

interface PairRow {
  pair_id: string;
  team_id: string;
  planned_end_on: string;
  mentor_id: string;
  mentor_zone: string;
  mentor_lead: number;
  mentee_id: string;
  mentee_zone: string;
  mentee_lead: number;
}

export function toPlanPair(row: PairRow): PlanPair {
  return {
    id: row.pair_id,
    teamId: row.team_id,
    plannedEndOn: row.planned_end_on,
    mentor: { userId: row.mentor_id, timeZone: row.mentor_zone, prepLeadMinutes: row.mentor_lead },
    mentee: { userId: row.mentee_id, timeZone: row.mentee_zone, prepLeadMinutes: row.mentee_lead },
  };
}

export interface MeetingScope {
  meetingId?: string;
  pairIds?: readonly string[];
  /**
   * The planning pass: only meetings whose reminders are not planned yet (the partial index
   * meetings_to_plan), soonest first, at most `limit`, locked with SKIP LOCKED so replicas share the
   * work and a change in flight (which holds the meeting's row) is left to its own transaction.
   */
  unplanned?: { limit: number };
}

/**
 * Meetings whose reminders may still be due: from 5 days back (the notes summary a day after, with
 * its expiry) to 40 days ahead (a monthly meeting's mid-cycle nudge is due about 15 days before it;
 * only each pair's next meeting exists ahead, so this is about one row per pair). Held meetings keep
 * their after-meeting reminders; skipped and cancelled ones have none.
 */
export async function meetingsToPlan(db: Executor, now: Date, scope: MeetingScope = {}): Promise<Array<{ pair: PlanPair; meeting: PlanMeeting }>> {
  let query = pairsWithPeople(db)
    .innerJoin('meetings as m', 'm.pair_id', 'p.id')
    .where('m.status', 'in', ['scheduled', 'held'])
    .select(['m.id as meeting_id', 'm.scheduled_at', 'm.duration_minutes'])
    .select((eb) =>
      eb
        .selectFrom('meetings as pm')
        .select((inner) => inner.fn.max('pm.scheduled_at').as('previous'))
        .whereRef('pm.pair_id', '=', 'm.pair_id')
        .whereRef('pm.scheduled_at', '<', 'm.scheduled_at')
        .where('pm.status', 'in', ['scheduled', 'held'])
        .as('previous_at'),
    );
  if (scope.meetingId) query = query.where('m.id', '=', scope.meetingId);
  else query = query.where('m.scheduled_at', '>=', new Date(now.getTime() - 5 * DAY)).where('m.scheduled_at', '<=', new Date(now.getTime() + 40 * DAY));
  if (scope.pairIds) query = scope.pairIds.length ? query.where('p.id', 'in', [...scope.pairIds]) : query.where('p.id', 'is', null);
  if (scope.unplanned)
    query = query.where('m.reminders_planned_at', 'is', null).orderBy('m.scheduled_at').limit(scope.unplanned.limit).forUpdate('m').skipLocked();
  const rows = await query.execute();
  return rows.map((row) => ({
    pair: toPlanPair(row),
    meeting: {
      id: row.meeting_id,
      scheduledAt: row.scheduled_at,
      durationMinutes: row.duration_minutes,
      previousAt: row.previous_at ? new Date(row.previous_at as unknown as string) : null,
    },
  }));
}

/** Records that these meetings' reminders are planned; a later change clears the mark again (migration 0150). */
export async function markMeetingsPlanned(db: Executor, meetingIds: readonly string[], now: Date): Promise<void> {
  if (meetingIds.length === 0) return;
  await db
    .updateTable('meetings')
    .set({ reminders_planned_at: now })
    .where('id', 'in', [...meetingIds])
    .execute();
}

/** Open action items due between two local dates, one row per pair, owner and day. */
export async function actionDaysToPlan(db: Executor, fromDate: string, toDate: string): Promise<Array<{ pair: PlanPair; ownerId: string; dueOn: string }>> {
  const rows = await pairsWithPeople(db)
    .innerJoin('action_items as a', 'a.pair_id', 'p.id')
    .where('a.done_at', 'is', null)
    .where('a.due_on', '>=', fromDate)
    .where('a.due_on', '<=', toDate)
    .select(['a.owner_id', 'a.due_on'])
    .distinct()
    .execute();
  return rows.filter((row) => row.due_on !== null).map((row) => ({ pair: toPlanPair(row), ownerId: row.owner_id, dueOn: row.due_on! }));
}

/** Goals still open whose target date falls between two local dates. */
export async function goalsToPlan(
  db: Executor,
  fromDate: string,
  toDate: string,
): Promise<Array<{ pair: PlanPair; goal: { id: string; targetDate: string } }>> {
  const rows = await pairsWithPeople(db)
    .innerJoin('goals as g', 'g.pair_id', 'p.id')
    .where('g.status', 'not in', ['achieved', 'dropped'])
    .where('g.target_date', '>=', fromDate)
    .where('g.target_date', '<=', toDate)
    .select(['g.id as goal_id', 'g.target_date'])
    .execute();
  return rows.map((row) => ({ pair: toPlanPair(row), goal: { id: row.goal_id, targetDate: row.target_date } }));
}

/**
 * Active pairs whose check-in date (a third or two thirds of the way: check-in-timing.ts's
 * `checkpointOn`, the same arithmetic) falls between two local dates. One query per checkpoint, each
 * with the expression of its partial index (migration 2026-12-12T0400), so a pass probes the index.
 */
export async function pairsAtCheckpoint(
  db: Executor,
  fromDate: string,
  toDate: string,
): Promise<Array<{ pair: PlanPair; checkpoint: Checkpoint; date: string }>> {
  const found: Array<{ pair: PlanPair; checkpoint: Checkpoint; date: string }> = [];
  for (const checkpoint of CHECKPOINTS) {
    for (const row of await checkpointQuery(db, checkpoint, fromDate, toDate).execute())
      found.push({ pair: toPlanPair(row), checkpoint, date: row.checkpoint_on });
  }
  return found;
}

/** The active pairs at one checkpoint between two local dates (exported for the query-plan test). */
export function checkpointQuery(db: Executor, checkpoint: Checkpoint, fromDate: string, toDate: string) {
  const on = CHECKPOINT_ON[checkpoint];
  return pairsWithPeople(db)
    .select(sql<string>`${on}::text`.as('checkpoint_on'))
    .where(sql<boolean>`${on} between ${fromDate}::date and ${toDate}::date`);
}

/** Written exactly as the indexes are (pairs_check_in_1, pairs_check_in_2), so PostgreSQL matches them. */
const CHECKPOINT_ON: Record<Checkpoint, RawBuilder<string>> = {
  1: sql<string>`(p.started_on + (p.planned_end_on - p.started_on) / 3)`,
  2: sql<string>`(p.started_on + (p.planned_end_on - p.started_on) * 2 / 3)`,
};

/**
 * Pairs whose planned end falls between two local dates, with their meeting rule (for "near the end").
 * `unplanned`: only those whose wrap-up is not planned yet, locked like `meetingsToPlan`'s.
 */
export async function pairsEndingBetween(
  db: Executor,
  fromDate: string,
  toDate: string,
  scope: { unplanned?: { limit: number } } = {},
): Promise<Array<{ pair: PlanPair; rule: { cadence: Cadence; anchorDate: string } }>> {
  let query = pairsWithPeople(db).select(['p.cadence', 'p.first_meeting_on']).where('p.planned_end_on', '>=', fromDate).where('p.planned_end_on', '<=', toDate);
  if (scope.unplanned)
    query = query.where('p.wrap_up_planned_at', 'is', null).orderBy('p.planned_end_on').limit(scope.unplanned.limit).forNoKeyUpdate('p').skipLocked();
  const rows = await query.execute();
  return rows.map((row) => ({ pair: toPlanPair(row), rule: { cadence: row.cadence, anchorDate: row.first_meeting_on } }));
}

/** Records that these pairs' wrap-up is planned; a change to the rule, the end or a person's zone clears it. */
export async function markWrapUpPlanned(db: Executor, pairIds: readonly string[], now: Date): Promise<void> {
  if (pairIds.length === 0) return;
  await db
    .updateTable('pairs')
    .set({ wrap_up_planned_at: now })
    .where('id', 'in', [...pairIds])
    .execute();
}

/** The active pairs of a person (their settings changed: their reminders are re-planned). */
export async function activePairIdsOf(db: Executor, teamId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pairs')
    .select('id')
    .where('team_id', '=', teamId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('mentor_id', '=', userId), eb('mentee_id', '=', userId)]))
    .execute();
  return rows.map((row) => row.id);
}
