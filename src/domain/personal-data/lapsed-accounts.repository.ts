import { sql } from 'kysely';
import type { Tx } from '../../db/types';
import type { Who } from './personal-data.repository';

/**
 * The next person whose account has been deactivated since `deactivatedBefore` or earlier and whose
 * data has not been erased for that deactivation, locked. SKIP LOCKED: two passes at once erase two
 * different people, and a person Slack is just reactivating (user_change holds the row) waits for
 * the next pass, which sees the cleared `deactivated_at`.
 */
export async function lockNextLapsedAccount(tx: Tx, deactivatedBefore: Date): Promise<Who | undefined> {
  const row = await tx
    .selectFrom('people')
    .select(['team_id', 'user_id'])
    .where('deactivated_at', 'is not', null)
    .where('deactivated_at', '<=', deactivatedBefore)
    .where((eb) => eb.or([eb('erased_at', 'is', null), eb('erased_at', '<', sql<Date>`deactivated_at`)]))
    .orderBy('deactivated_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row && { teamId: row.team_id, userId: row.user_id };
}

/** Marks the deactivation as handled: the next passes skip the person until Slack reactivates and deactivates them again. */
export async function markErased(tx: Tx, who: Who, now: Date): Promise<void> {
  await tx.updateTable('people').set({ erased_at: now }).where('team_id', '=', who.teamId).where('user_id', '=', who.userId).execute();
}
