import type { Insertable } from 'kysely';
import type { ActionItem, ActionItemsTable } from '../../db/schema';
import type { Executor } from '../../db/types';
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
