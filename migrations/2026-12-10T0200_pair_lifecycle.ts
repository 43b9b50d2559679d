import { type Kysely, sql } from 'kysely';

/**
 * A pair's whole life (issue 14): invited → active ⇄ paused → ended.
 *
 * - pairs.status gains 'invited': a pair set up by one of its two people waits for the other to
 *   accept. Still counted by pairs_live_unique, so the same two cannot be invited twice at once; an
 *   ended pair frees them for a new one.
 * - pairs.coordinator_id: the coordinator who set the pair up for two other people (null when one of
 *   them did); told when either steps out, and the only other reader of an end reason.
 * - pairs.invitation_expires_at: an invitation unanswered until then is removed by a scheduler pass.
 * - pairs.paused_at/paused_by/resume_on: a pause, and the local date (pair's zone) it ends by itself.
 * - pairs.ended_at/ended_by/end_reason: who ended it (null: it ended by itself), and the reason kept
 *   private to that person (and the coordinator).
 * - people.slack_time_zone/time_zone_overridden: Slack's zone as last seen, and whether the person
 *   chose their own in the reminder settings (then Slack's changes leave `time_zone` alone).
 * - people.deactivated_at: when Slack told us the account was deactivated or deleted.
 * - pair_reflections: each person's closing reflection and whether they want stay-in-touch check-ins.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `alter table pairs drop constraint pairs_status_check`,
  `alter table pairs add constraint pairs_status_check check (status in ('invited', 'active', 'paused', 'ended'))`,
  `alter table pairs
     add column coordinator_id text,
     add column invitation_expires_at timestamptz,
     add column paused_at timestamptz,
     add column paused_by text,
     add column resume_on date,
     add column ended_at timestamptz,
     add column ended_by text,
     add column end_reason text check (char_length(end_reason) <= 3000)`,
  `create index pairs_invitations_due on pairs (invitation_expires_at) where status = 'invited'`,
  `create index pairs_resume_due on pairs (resume_on) where status = 'paused' and resume_on is not null`,
  `create index pairs_end_due on pairs (planned_end_on) where status in ('active', 'paused')`,
  `alter table people
     add column slack_time_zone text,
     add column time_zone_overridden boolean not null default false,
     add column deactivated_at timestamptz`,
  `update people set slack_time_zone = time_zone`,
  `create table pair_reflections (
      team_id text not null,
      pair_id uuid not null,
      user_id text not null,
      learned text check (char_length(learned) <= 3000),
      next_steps text check (char_length(next_steps) <= 3000),
      long_term_goals text check (char_length(long_term_goals) <= 3000),
      stay_in_touch text check (char_length(stay_in_touch) <= 3000),
      would_mentor text check (would_mentor in ('yes', 'maybe', 'no')),
      check_ins boolean not null default true,
      submitted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (pair_id, user_id),
      foreign key (pair_id, team_id) references pairs(id, team_id) on delete cascade
    )`,
];

const DOWN: string[] = [
  'drop table if exists pair_reflections',
  'alter table people drop column if exists slack_time_zone, drop column if exists time_zone_overridden, drop column if exists deactivated_at',
  'drop index if exists pairs_end_due',
  'drop index if exists pairs_resume_due',
  'drop index if exists pairs_invitations_due',
  `alter table pairs
     drop column if exists coordinator_id, drop column if exists invitation_expires_at, drop column if exists paused_at,
     drop column if exists paused_by, drop column if exists resume_on, drop column if exists ended_at,
     drop column if exists ended_by, drop column if exists end_reason`,
  `delete from pairs where status = 'invited'`,
  'alter table pairs drop constraint pairs_status_check',
  `alter table pairs add constraint pairs_status_check check (status in ('active', 'paused', 'ended'))`,
];

/** One statement per query: PGlite's extended protocol takes no multi-statement strings. */
async function runAll(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runAll(db, UP);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runAll(db, DOWN);
}
