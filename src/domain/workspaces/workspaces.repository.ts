import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/types';
import { REMINDER_KINDS } from '../reminders/kinds';

/** What an uninstall writes on the rows it cancels; a reinstall looks for it to bring reminders back. */
export const UNINSTALLED = 'uninstalled';

/** The workspace uninstalled the app: the first instant counts (Slack may tell us twice). */
export async function markUninstalled(db: Executor, teamId: string, now: Date): Promise<void> {
  await db.updateTable('workspaces').set({ uninstalled_at: now }).where('team_id', '=', teamId).where('uninstalled_at', 'is', null).execute();
}

/**
 * Cancels every message of the workspace not sent yet, including one a pass holds: its token is gone,
 * so its send cannot go out, and its fenced completion finds the row no longer its own.
 */
export async function cancelUnsentOfTeam(db: Executor, teamId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'cancelled', last_error: UNINSTALLED, updated_at: now })
    .where('team_id', '=', teamId)
    .where('state', 'in', ['pending', 'sending', 'unknown'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * After a reinstall: the reminders the uninstall cancelled are due again. Each is checked against
 * fresh state before it goes out (a meeting since past, a stale reminder, is cancelled then); notices
 * stay cancelled, they told of something done while the app was away.
 */
export async function reviveRemindersOfTeam(db: Executor, teamId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'pending', last_error: null, next_attempt_at: sql<Date>`greatest(due_at, ${now})`, updated_at: now })
    .where('team_id', '=', teamId)
    .where('state', '=', 'cancelled')
    .where('last_error', '=', UNINSTALLED)
    .where('kind', 'in', REMINDER_KINDS)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Workspaces uninstalled before `cutoff` (their retention period is over), oldest first. */
export async function teamsUninstalledBefore(db: Executor, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('workspaces')
    .select('team_id')
    .where('uninstalled_at', 'is not', null)
    .where('uninstalled_at', '<=', cutoff)
    .orderBy('uninstalled_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.team_id);
}

/**
 * The order a workspace's data goes in: rows no foreign key protects first, then pairs (each takes
 * its meetings, goals, notes and history with it through ON DELETE CASCADE, so pairs go a few at a
 * time), then people (pairs point at them), last the workspace itself.
 */
const TEAM_TABLES = [
  { table: 'outbox', key: 'id', batch: 1 },
  { table: 'journal_entries', key: 'id', batch: 1 },
  { table: 'reminder_daily_counts', key: 'ctid', batch: 1 },
  { table: 'processed_events', key: 'event_id', batch: 1 },
  { table: 'slack_rate_buckets', key: 'team_id', batch: 1 },
  { table: 'program_coordinators', key: 'ctid', batch: 1 },
  { table: 'workspace_admins', key: 'ctid', batch: 1 },
  { table: 'home_openings', key: 'ctid', batch: 1 },
  { table: 'pairs', key: 'id', batch: 0.05 },
  { table: 'people', key: 'ctid', batch: 1 },
  { table: 'installations', key: 'team_id', batch: 1 },
] as const;

/**
 * Deletes one small batch of the data of a workspace uninstalled at or before `cutoff` (at most
 * `limit` rows of one table, or a twentieth of that many pairs with what hangs off them), the workspace
 * row last. `done`: nothing of it is left, or it installed the app again meanwhile (the workspace row
 * is locked for the batch, so a reinstall waits for it and the next batch sees it). Each batch is its
 * own short transaction.
 */
export async function deleteTeamBatch(db: Kysely<Database>, teamId: string, cutoff: Date, limit: number): Promise<{ deleted: number; done: boolean }> {
  return db.transaction().execute(async (tx) => {
    const workspace = await tx.selectFrom('workspaces').select('uninstalled_at').where('team_id', '=', teamId).forUpdate().executeTakeFirst();
    if (!workspace?.uninstalled_at || workspace.uninstalled_at.getTime() > cutoff.getTime()) return { deleted: 0, done: true };
    for (const { table, key, batch } of TEAM_TABLES) {
      const size = Math.max(1, Math.floor(limit * batch));
      const { numAffectedRows } = await sql`
        delete from ${sql.table(table)} where ${sql.ref(key)} in (
          select ${sql.ref(key)} from ${sql.table(table)} where team_id = ${teamId} limit ${size}
        )`.execute(tx);
      const deleted = Number(numAffectedRows ?? 0);
      if (deleted > 0) return { deleted, done: false };
    }
    const result = await tx.deleteFrom('workspaces').where('team_id', '=', teamId).executeTakeFirst();
    return { deleted: Number(result.numDeletedRows), done: true };
  });
}
