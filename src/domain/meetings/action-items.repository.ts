import { type Insertable, sql } from 'kysely';
import type { ActionItem, ActionItemsTable } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import { MAX_OPEN_ACTION_ITEMS } from './action-item-lines';

export async function insertActionItems(db: Executor, items: ReadonlyArray<Insertable<ActionItemsTable>>): Promise<ActionItem[]> {
  if (items.length === 0) return [];
  return db
    .insertInto('action_items')
    .values([...items])
    .returningAll()
    .execute();
}

/**
 * Open items first by due date (undated last), then in the order they were agreed: the most pressing
 * MAX_OPEN_ACTION_ITEMS of them, however many a pair has let pile up over the years.
 */
export async function openActionItems(db: Executor, pairId: string): Promise<ActionItem[]> {
  return db
    .selectFrom('action_items')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('done_at', 'is', null)
    .orderBy('due_on', (ob) => ob.asc().nullsLast())
    .orderBy('created_at')
    .limit(MAX_OPEN_ACTION_ITEMS)
    .execute();
}

export async function actionItemsByIds(db: Executor, pairId: string, ids: readonly string[]): Promise<ActionItem[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('action_items')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function findActionItem(db: Executor, teamId: string, id: string): Promise<ActionItem | undefined> {
  return db.selectFrom('action_items').selectAll().where('team_id', '=', teamId).where('id', '=', id).executeTakeFirst();
}

/** Deletes an item (its carry-overs onto agendas go with it: `on delete cascade`); undefined when already gone. */
export async function deleteActionItem(db: Executor, id: string): Promise<ActionItem | undefined> {
  return db.deleteFrom('action_items').where('id', '=', id).returningAll().executeTakeFirst();
}

/** Opens a done item again; an item already open changes nothing (undefined). */
export async function markActionItemOpen(db: Executor, id: string): Promise<ActionItem | undefined> {
  return db
    .updateTable('action_items')
    .set({ done_at: null, done_by: null })
    .where('id', '=', id)
    .where('done_at', 'is not', null)
    .returningAll()
    .executeTakeFirst();
}

/** Ticks an item done once: a second tick (or a double click) leaves the first one's who and when. */
export async function markActionItemDone(db: Executor, id: string, userId: string, now: Date): Promise<ActionItem | undefined> {
  return db
    .updateTable('action_items')
    .set({ done_at: now, done_by: userId })
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Rewrites an item's text; undefined when it is gone. */
export async function setActionItemBody(db: Executor, id: string, body: string): Promise<ActionItem | undefined> {
  return db.updateTable('action_items').set({ body }).where('id', '=', id).returningAll().executeTakeFirst();
}

/** A meeting's items in the order they were agreed. */
export async function actionItemsOfMeeting(db: Executor, meetingId: string): Promise<ActionItem[]> {
  return db.selectFrom('action_items').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
}

/** Sets an item's due date (amended notes keep the item, and its tick, under a new date). */
export async function setActionItemDue(db: Executor, id: string, dueOn: string | null): Promise<ActionItem | undefined> {
  return db.updateTable('action_items').set({ due_on: dueOn }).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Deletes items whose lines were taken out of amended notes (their carry-overs go with them). */
export async function deleteActionItems(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length > 0)
    await db
      .deleteFrom('action_items')
      .where('id', 'in', [...ids])
      .execute();
}

/** An open item that may be overdue, with what the rule needs: its owner's zone and when the next meeting after its own ended. */
export interface OverdueCandidate {
  item: ActionItem;
  ownerZone: string;
  mentorId: string;
  menteeId: string;
  /** The end of the first meeting after the item's own that was not skipped or cancelled, once it is over; else null. */
  nextMeetingEndedAt: Date | null;
}

/**
 * Open, not yet nudged items of active pairs that may be overdue (overdue.ts decides): dated ones whose
 * due date is at most a day ahead in UTC (the owner's local date is checked after) and no older than
 * `since`; undated ones whose next meeting ended between `since` and `now`. Read without locks: the
 * claim (`claimOverdueNudges`) is what makes a nudge happen once.
 */
export async function overdueCandidates(db: Executor, now: Date, since: Date, limit: number): Promise<OverdueCandidate[]> {
  const sinceDate = since.toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const nextEnd = sql<Date | string | null>`(
    select min(m.scheduled_at + m.duration_minutes * interval '1 minute') from meetings m
    where m.pair_id = ai.pair_id and m.sequence > src.sequence and m.status in ('scheduled', 'held')
  )`;
  const rows = await db
    .selectFrom('action_items as ai')
    .innerJoin('pairs as p', 'p.id', 'ai.pair_id')
    .leftJoin('meetings as src', 'src.id', 'ai.meeting_id')
    .leftJoin('people as o', (join) => join.onRef('o.team_id', '=', 'ai.team_id').onRef('o.user_id', '=', 'ai.owner_id'))
    .selectAll('ai')
    .select(['p.mentor_id', 'p.mentee_id', 'o.time_zone as owner_zone', nextEnd.as('next_ended_at')])
    .where('p.status', '=', 'active')
    .where('ai.done_at', 'is', null)
    .where('ai.overdue_nudged_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('ai.due_on', 'is not', null), eb('ai.due_on', '<', tomorrow), eb('ai.due_on', '>=', sinceDate)]),
        eb.and([eb('ai.due_on', 'is', null), eb('src.id', 'is not', null), eb(nextEnd, '<=', now), eb(nextEnd, '>=', since)]),
      ]),
    )
    .orderBy('ai.created_at')
    .limit(limit)
    .execute();
  return rows.map(({ mentor_id, mentee_id, owner_zone, next_ended_at, ...item }) => ({
    item,
    ownerZone: owner_zone ?? 'UTC',
    mentorId: mentor_id,
    menteeId: mentee_id,
    nextMeetingEndedAt: next_ended_at === null ? null : new Date(next_ended_at),
  }));
}

/**
 * Marks items as nudged, only those still open and not nudged: under concurrent passes the second waits
 * for the first's row locks, then finds the mark set and returns nothing. Call it in the transaction that
 * writes the nudges, so a mark and its message commit together.
 */
export async function claimOverdueNudges(tx: Tx, ids: readonly string[], now: Date): Promise<ActionItem[]> {
  if (ids.length === 0) return [];
  return tx
    .updateTable('action_items')
    .set({ overdue_nudged_at: now })
    .where('id', 'in', [...ids])
    .where('overdue_nudged_at', 'is', null)
    .where('done_at', 'is', null)
    .returningAll()
    .execute();
}
