import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Goal, GoalProgressItemsTable, GoalsTable, GoalStatus } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';

export type ProgressItem = Selectable<GoalProgressItemsTable>;
export type NewProgressItem = Insertable<GoalProgressItemsTable>;
export type GoalPatch = Updateable<GoalsTable>;

export async function insertGoal(db: Executor, goal: Insertable<GoalsTable>): Promise<Goal> {
  return db.insertInto('goals').values(goal).returningAll().executeTakeFirstOrThrow();
}

export async function findGoal(db: Executor, teamId: string, goalId: string): Promise<Goal | undefined> {
  return db.selectFrom('goals').selectAll().where('team_id', '=', teamId).where('id', '=', goalId).executeTakeFirst();
}

/**
 * Locks the goal row for the rest of the transaction: two presses of Approve, or an approval racing
 * an edit, are serialised here, and the second one sees the first one's version.
 */
export async function lockGoal(tx: Tx, teamId: string, goalId: string): Promise<Goal | undefined> {
  return tx.selectFrom('goals').selectAll().where('team_id', '=', teamId).where('id', '=', goalId).forUpdate().executeTakeFirst();
}

export async function updateGoal(db: Executor, goalId: string, patch: GoalPatch): Promise<Goal> {
  return db
    .updateTable('goals')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', goalId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Per pair, how many goals are in each status (the overview, the add-goal advice and Home count; none loads them all). */
export async function goalStatusCounts(db: Executor, pairIds: readonly string[]): Promise<Array<{ pair_id: string; status: GoalStatus; n: number }>> {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('goals')
    .select(['pair_id', 'status', sql<number>`count(*)::int`.as('n')])
    .where('pair_id', 'in', [...pairIds])
    .groupBy(['pair_id', 'status'])
    .execute();
}

export async function listItems(db: Executor, goalIds: readonly string[]): Promise<ProgressItem[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('goal_progress_items')
    .selectAll()
    .where('goal_id', 'in', [...goalIds])
    .orderBy('goal_id')
    .orderBy('kind')
    .orderBy('position')
    .execute();
}

export async function deleteItems(tx: Tx, goalId: string, keepIds: readonly string[]): Promise<void> {
  let query = tx.deleteFrom('goal_progress_items').where('goal_id', '=', goalId);
  if (keepIds.length > 0) query = query.where('id', 'not in', [...keepIds]);
  await query.execute();
}

/** The inserted items, in listItems' order. */
export async function insertItems(tx: Tx, items: readonly NewProgressItem[]): Promise<ProgressItem[]> {
  if (items.length === 0) return [];
  const inserted = await tx
    .insertInto('goal_progress_items')
    .values([...items])
    .returningAll()
    .execute();
  return inserted.sort(inListOrder);
}

/** listItems' order (goal, kind, position), for rows that did not come from it. */
const inListOrder = (a: ProgressItem, b: ProgressItem): number => a.goal_id.localeCompare(b.goal_id) || a.kind.localeCompare(b.kind) || a.position - b.position;

/** Keeps an item's progress and who recorded it, while its wording or place may change. */
export async function updateItemDefinition(
  tx: Tx,
  itemId: string,
  definition: { title: string; target_value: number | null; due_date: string | null; position: number },
): Promise<void> {
  await tx.updateTable('goal_progress_items').set(definition).where('id', '=', itemId).execute();
}

export async function recordItemProgress(
  tx: Tx,
  itemId: string,
  progress: { current_value: number; done: boolean; updated_by: string; updated_at: Date },
): Promise<void> {
  await tx.updateTable('goal_progress_items').set(progress).where('id', '=', itemId).execute();
}

/**
 * Remembers where the newest approval message is (run by the notice dispatcher once the post is out,
 * in the transaction that marks it sent). Two shares racing may record out of order; Slack's `ts`
 * grows with time, so the newer message always wins and the older one reads as stale. Returns the
 * goal as it now is when this message was recorded (it waited for any change holding the row).
 */
export async function saveShareMessage(db: Executor, goalId: string, channelId: string, ts: string): Promise<Goal | undefined> {
  if (!/^\d+\.\d+$/.test(ts)) throw new RangeError(`not a Slack message ts: ${ts}`);
  return db
    .updateTable('goals')
    .set({ share_channel_id: channelId, share_message_ts: ts })
    .where('id', '=', goalId)
    .where((eb) =>
      eb.or([
        eb('share_message_ts', 'is', null),
        eb('share_channel_id', '<>', channelId),
        eb(sql<string>`share_message_ts::numeric`, '<', sql<string>`${ts}::numeric`),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
}
