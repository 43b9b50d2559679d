import { type Kysely, sql } from 'kysely';

/**
 * Expectations agreed at the start of a mentorship (issue 14, point 2): one row per pair.
 *
 * - between_meetings, feedback_style, boundaries: the terms both people agree to, as last written by
 *   `proposed_by` (either person may propose or amend them).
 * - mentor_hope, mentee_hope: what each hopes to get from the mentorship, each written only by that person.
 * - proposed_by: who wrote the current version; agreed_at: when the other person confirmed it (null:
 *   waiting for them). Every proposal or amendment bumps `version` and clears `agreed_at`, so a Confirm
 *   pressed on an older version is recognised.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table pair_expectations (
      team_id text not null,
      pair_id uuid primary key,
      between_meetings text check (char_length(between_meetings) <= 1000),
      feedback_style text check (char_length(feedback_style) <= 1000),
      boundaries text check (char_length(boundaries) <= 1000),
      mentor_hope text check (char_length(mentor_hope) <= 1000),
      mentee_hope text check (char_length(mentee_hope) <= 1000),
      proposed_by text not null,
      agreed_at timestamptz,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists pair_expectations`.execute(db);
}
