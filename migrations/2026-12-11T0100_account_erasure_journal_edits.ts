import { type Kysely, sql } from 'kysely';

/**
 * A deactivated or deleted Slack account is erased like an uninstalled workspace, after
 * UNINSTALL_RETENTION_DAYS (issue 17, point 4).
 *
 * - people.erased_at: when the scheduler erased the person's data for the deactivation it followed.
 *   An erasure older than the current `deactivated_at` (the account came back, then went again) does
 *   not count, so each deactivation is erased exactly once.
 * - people_deactivated_due: the few deactivated people, oldest first, for the housekeeping pass.
 * - journal_entries.edited_at: when the author last changed an entry (issue 15, point 10: entries can be
 *   edited); null for an entry as first written.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol takes no multi-statement strings.
  await sql`alter table people add column erased_at timestamptz`.execute(db);
  await sql`create index people_deactivated_due on people (deactivated_at) where deactivated_at is not null`.execute(db);
  await sql`alter table journal_entries add column edited_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table journal_entries drop column if exists edited_at`.execute(db);
  await sql`drop index if exists people_deactivated_due`.execute(db);
  await sql`alter table people drop column if exists erased_at`.execute(db);
}
