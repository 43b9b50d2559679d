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
