import type { Executor } from '../../db/types';

/** Remembers that this person opened the Home tab (or used it) at `at`; one row per person. */
export async function recordHomeOpening(db: Executor, teamId: string, userId: string, at: Date): Promise<void> {
  await db
    .insertInto('home_openings')
    .values({ team_id: teamId, user_id: userId, opened_at: at })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ opened_at: at }))
    .execute();
}

/** A person of a workspace. */
export interface PersonKey {
  teamId: string;
  userId: string;
}

/** Those of `people` (of any workspaces) who opened the Home tab at or after `since`. */
export async function openedHomeSince(db: Executor, people: readonly PersonKey[], since: Date): Promise<PersonKey[]> {
  if (people.length === 0) return [];
  const rows = await db
    .selectFrom('home_openings')
    .select(['team_id', 'user_id'])
    .where((eb) =>
      eb(
        eb.refTuple('team_id', 'user_id'),
        'in',
        people.map((person) => eb.tuple(person.teamId, person.userId)),
      ),
    )
    .where('opened_at', '>=', since)
    .execute();
  return rows.map((row) => ({ teamId: row.team_id, userId: row.user_id }));
}
