import { type Expression, type SqlBool, sql } from 'kysely';
import type { AgendaItemKind } from '../../db/schema';
import type { Executor } from '../../db/types';
import { FEEDBACK_WINDOW_MS } from './checklist';

/**
 * Read-only queries behind the dashboard. Each one covers all of a person's pairs at once, so a
 * mentor with many mentees costs the same dozen queries as someone with one pair; lists are cut per
 * pair in SQL (row_number) with the full count alongside, so a long history never travels to Node.
 */

const MEETING_COLUMNS = [
  'id',
  'pair_id',
  'sequence',
  'scheduled_at',
  'duration_minutes',
  'status',
  'takeaways',
  'feedback_focus',
  'shared_highlight',
  'agenda_shared_at',
] as const;

const meetingEnd = sql<Date>`scheduled_at + duration_minutes * interval '1 minute'`;

/** Per pair: the earliest scheduled meeting that has not ended (it may be under way). */
export async function nextMeetings(db: Executor, pairIds: readonly string[], now: Date) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('meetings')
    .select(MEETING_COLUMNS)
    .where('pair_id', 'in', [...pairIds])
    .where('status', '=', 'scheduled')
    .where(meetingEnd, '>', now)
    .distinctOn('pair_id')
    .orderBy('pair_id')
    .orderBy('scheduled_at', 'asc')
    .execute();
}

/**
 * Per pair: "the last meeting", the latest one that took place: held (notes recorded), or scheduled
 * and over, its notes still due. A meeting becomes 'held' only when someone records its notes, so
 * taking only held ones would make the thanks and feedback lines speak of an older meeting.
 */
export async function lastMeetings(db: Executor, pairIds: readonly string[], now: Date) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('meetings')
    .select(MEETING_COLUMNS)
    .where('pair_id', 'in', [...pairIds])
    .where((eb) => eb.or([eb('status', '=', 'held'), eb.and([eb('status', '=', 'scheduled'), eb(meetingEnd, '<=', now)])]))
    .distinctOn('pair_id')
    .orderBy('pair_id')
    .orderBy('scheduled_at', 'desc')
    .execute();
}

/** Per pair: the latest meeting that has ended, is still 'scheduled' and has no takeaways. */
export async function meetingsAwaitingNotes(db: Executor, pairIds: readonly string[], now: Date) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('meetings')
    .select(MEETING_COLUMNS)
    .where('pair_id', 'in', [...pairIds])
    .where('status', '=', 'scheduled')
    .where(meetingEnd, '<=', now)
    .where((eb) => eb.or([eb('takeaways', 'is', null), eb(sql`trim(takeaways)`, '=', '')]))
    .distinctOn('pair_id')
    .orderBy('pair_id')
    .orderBy('scheduled_at', 'desc')
    .execute();
}

export async function agendaCounts(db: Executor, meetingIds: readonly string[]): Promise<Array<{ meeting_id: string; kind: AgendaItemKind; n: number }>> {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('agenda_items')
    .select(['meeting_id', 'kind', sql<number>`count(*)::int`.as('n')])
    .where('meeting_id', 'in', [...meetingIds])
    .groupBy(['meeting_id', 'kind'])
    .execute();
}

/** How many goals each pair has in each status. */
export { goalStatusCounts as goalCounts } from '../goals/goals.repository';

/**
 * Per pair, the goals worth showing first: those waiting on someone (changes requested, awaiting
 * approval), then approved, drafts, and achieved ones last; by target date within each.
 */
export async function goalsToShow(db: Executor, pairIds: readonly string[], perPair: number) {
  if (pairIds.length === 0) return [];
  const ranked = db
    .selectFrom('goals')
    .select([
      'id',
      'pair_id',
      'title',
      'status',
      'target_date',
      sql<number>`row_number() over (partition by pair_id order by case status when 'changes_requested' then 0 when 'awaiting_approval' then 1
        when 'approved' then 2 when 'draft' then 3 else 4 end, target_date, created_at)`.as('rn'),
    ])
    .where('pair_id', 'in', [...pairIds])
    .where('status', '<>', 'dropped')
    .as('ranked');
  return db.selectFrom(ranked).selectAll().where('rn', '<=', perPair).orderBy('pair_id').orderBy('rn').execute();
}

export async function progressItems(db: Executor, goalIds: readonly string[]) {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('goal_progress_items')
    .select(['goal_id', 'kind', 'target_value', 'current_value', 'done'])
    .where('goal_id', 'in', [...goalIds])
    .orderBy('goal_id')
    .orderBy('position')
    .execute();
}

/** Per pair, the most pressing open action items (earliest due first; undated last) and how many are open. */
export async function openActionItems(db: Executor, pairIds: readonly string[], perPair: number) {
  if (pairIds.length === 0) return [];
  const ranked = db
    .selectFrom('action_items')
    .select([
      'id',
      'pair_id',
      'owner_id',
      'body',
      'due_on',
      sql<number>`row_number() over (partition by pair_id order by due_on asc nulls last, created_at, id)`.as('rn'),
      sql<number>`(count(*) over (partition by pair_id))::int`.as('total'),
    ])
    .where('pair_id', 'in', [...pairIds])
    .where('done_at', 'is', null)
    .as('ranked');
  return db.selectFrom(ranked).selectAll().where('rn', '<=', perPair).orderBy('pair_id').orderBy('rn').execute();
}

export interface LastMeetingRef {
  pairId: string;
  meetingId: string;
  start: Date;
  end: Date;
}

type CountRow = { pair_id: string; n: number };

/** Action items tied to the last meeting, or written untied at or after its start. */
export async function actionItemsOfLastMeetings(db: Executor, refs: readonly LastMeetingRef[]): Promise<CountRow[]> {
  if (refs.length === 0) return [];
  return db
    .selectFrom('action_items')
    .select(['pair_id', sql<number>`count(*)::int`.as('n')])
    .where((eb) =>
      eb.or(
        refs.map((r) =>
          eb.and([
            eb('pair_id', '=', r.pairId),
            eb.or([eb('meeting_id', '=', r.meetingId), eb.and([eb('meeting_id', 'is', null), eb('created_at', '>=', r.start)])]),
          ]),
        ),
      ),
    )
    .groupBy('pair_id')
    .execute();
}

/** Feedback requests tied to the last meeting, or made untied within 24 hours around it. */
export async function feedbackOfLastMeetings(db: Executor, refs: readonly LastMeetingRef[]): Promise<CountRow[]> {
  if (refs.length === 0) return [];
  return db
    .selectFrom('feedback_requests')
    .select(['pair_id', sql<number>`count(*)::int`.as('n')])
    .where((eb) =>
      eb.or(
        refs.map((r) => {
          const untied: Expression<SqlBool> = eb.and([
            eb('meeting_id', 'is', null),
            eb('created_at', '>=', new Date(r.start.getTime() - FEEDBACK_WINDOW_MS)),
            eb('created_at', '<=', new Date(r.end.getTime() + FEEDBACK_WINDOW_MS)),
          ]);
          return eb.and([eb('pair_id', '=', r.pairId), eb.or([eb('meeting_id', '=', r.meetingId), untied])]);
        }),
      ),
    )
    .groupBy('pair_id')
    .execute();
}

/** Appreciations tied to the last meeting, or written untied at or after its start. */
export async function appreciationsOfLastMeetings(db: Executor, refs: readonly LastMeetingRef[]): Promise<CountRow[]> {
  if (refs.length === 0) return [];
  return db
    .selectFrom('appreciations')
    .select(['pair_id', sql<number>`count(*)::int`.as('n')])
    .where((eb) =>
      eb.or(
        refs.map((r) =>
          eb.and([
            eb('pair_id', '=', r.pairId),
            eb.or([eb('meeting_id', '=', r.meetingId), eb.and([eb('meeting_id', 'is', null), eb('created_at', '>=', r.start)])]),
          ]),
        ),
      ),
    )
    .groupBy('pair_id')
    .execute();
}

const FEEDBACK_COLUMNS = ['pair_id', 'meeting_id', 'requester_id', 'responder_id', 'area', 'status', 'answer', 'example', 'created_at', 'answered_at'] as const;

/** Per pair: the latest feedback request, whatever its state. */
export async function latestFeedbackAsked(db: Executor, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('feedback_requests')
    .select(FEEDBACK_COLUMNS)
    .where('pair_id', 'in', [...pairIds])
    .distinctOn('pair_id')
    .orderBy('pair_id')
    .orderBy('created_at', 'desc')
    .execute();
}

/** Per pair: the latest feedback given (answered). */
export async function latestFeedbackGiven(db: Executor, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('feedback_requests')
    .select(FEEDBACK_COLUMNS)
    .where('pair_id', 'in', [...pairIds])
    .where('answered_at', 'is not', null)
    .distinctOn('pair_id')
    .orderBy('pair_id')
    .orderBy('answered_at', 'desc')
    .execute();
}

/** Per pair: resources explored since the given instant, latest first, with how many there are. */
export async function resourcesExploredSince(db: Executor, since: ReadonlyArray<{ pairId: string; since: Date }>, perPair: number) {
  if (since.length === 0) return [];
  const ranked = db
    .selectFrom('learning_resources')
    .select([
      'pair_id',
      'title',
      'url',
      'kind',
      'explored_by',
      'explored_at',
      'takeaway',
      sql<number>`row_number() over (partition by pair_id order by explored_at desc, id)`.as('rn'),
      sql<number>`(count(*) over (partition by pair_id))::int`.as('total'),
    ])
    .where('explored_at', 'is not', null)
    .where((eb) => eb.or(since.map((s) => eb.and([eb('pair_id', '=', s.pairId), eb('explored_at', '>=', s.since)]))))
    .as('ranked');
  return db.selectFrom(ranked).selectAll().where('rn', '<=', perPair).orderBy('pair_id').orderBy('rn').execute();
}

/** Per pair: the latest appreciation (who thanked whom, and when; the message stays with them). */
export async function latestAppreciations(db: Executor, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('appreciations')
    .select(['pair_id', 'from_id', 'to_id', 'created_at'])
    .where('pair_id', 'in', [...pairIds])
    .distinctOn('pair_id')
    .orderBy('pair_id')
    .orderBy('created_at', 'desc')
    .execute();
}
