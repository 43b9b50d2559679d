import type { Executor } from '../../db/types';

/** Remembers that this person opened the Home tab (or used it) at `at`; one row per person. */
export async function recordHomeOpening(db: Executor, teamId: string, userId: string, at: Date): Promise<void> {
  await db
    .insertInto('home_openings')
    .values({ team_id: teamId, user_id: userId, opened_at: at })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ opened_at: at }))
    .execute();
}

/** Those of `userIds` who opened the Home tab at or after `since`. */
export async function openedHomeSince(db: Executor, teamId: string, userIds: readonly string[], since: Date): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('home_openings')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where('user_id', 'in', userIds)
    .where('opened_at', '>=', since)
    .execute();
  return rows.map((row) => row.user_id);
}
