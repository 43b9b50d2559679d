import { type Kysely, sql } from 'kysely';

/**
 * Personal data: a deactivated or deleted Slack account is erased like an uninstalled workspace, after
 * UNINSTALL_RETENTION_DAYS (issue 17, point 4); journal entries can be edited, and journal entries and
 * closing reflections can be encrypted at rest (issue 15, point 10).
 *
 * - people.erased_at: when the scheduler erased the person's data for the deactivation it followed.
 *   An erasure older than the current `deactivated_at` (the account came back, then went again) does
 *   not count, so each deactivation is erased exactly once.
 * - people_deactivated_due: the few deactivated people, oldest first, for the housekeeping pass.
 * - journal_entries.edited_at: when the author last changed an entry (issue 15, point 10: entries can be
 *   edited); null for an entry as first written.
 * - pair_reflections: the 3000-character checks of its four texts go. With DATA_ENCRYPTION_KEY the
 *   column holds the sealed text (longer than what was typed); the form still allows 3000 characters.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const REFLECTION_TEXTS = ['learned', 'next_steps', 'long_term_goals', 'stay_in_touch'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement per query: PGlite's extended protocol takes no multi-statement strings.
  await sql`alter table people add column erased_at timestamptz`.execute(db);
  await sql`create index people_deactivated_due on people (deactivated_at) where deactivated_at is not null`.execute(db);
  await sql`alter table journal_entries add column edited_at timestamptz`.execute(db);
  for (const column of REFLECTION_TEXTS) await sql.raw(`alter table pair_reflections drop constraint if exists pair_reflections_${column}_check`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // NOT VALID: texts sealed meanwhile are longer; the checks hold for what is written from now on.
  for (const column of REFLECTION_TEXTS) {
    await sql
      .raw(`alter table pair_reflections add constraint pair_reflections_${column}_check check (char_length(${column}) <= 3000) not valid`)
      .execute(db);
  }
  await sql`alter table journal_entries drop column if exists edited_at`.execute(db);
  await sql`drop index if exists people_deactivated_due`.execute(db);
  await sql`alter table people drop column if exists erased_at`.execute(db);
}
