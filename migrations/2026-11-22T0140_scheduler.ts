import { type Kysely, sql } from 'kysely';

/**
 * The reminder scheduler (README "Reminders"):
 * - outbox.basis: what a planned row was computed from (meeting time, lead time, zone); the planner
 *   re-plans an unsent row only when its basis changed, so a snooze or a pass racing another never
 *   moves a row back.
 * - outbox.expires_at: after it the reminder is stale and is cancelled instead of sent.
 * - outbox.claimed_at: when the current attempt was claimed; reconciliation of a send in doubt
 *   looks for the message from then on, and waits a grace period after it.
 * - outbox_due_team: the per-workspace claim (fairness between workspaces) walks only open rows.
 * - slack_rate_buckets: one token bucket per workspace shared by every replica; a 429's
 *   Retry-After blocks that workspace for all of them.
 * - reminder_daily_counts: proactive DMs per person per local day (the operator's cap).
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP = `
    alter table outbox
      add column basis text,
      add column expires_at timestamptz,
      add column claimed_at timestamptz;

    create index outbox_due_team on outbox (team_id, next_attempt_at) where state in ('pending', 'sending', 'unknown');

    create table slack_rate_buckets (
      team_id text primary key references workspaces(team_id) on delete cascade,
      tokens double precision not null,
      refilled_at timestamptz not null,
      blocked_until timestamptz
    );

    create table reminder_daily_counts (
      team_id text not null,
      user_id text not null,
      local_date date not null,
      sent integer not null default 0 check (sent >= 0),
      primary key (team_id, user_id, local_date),
      foreign key (team_id, user_id) references people(team_id, user_id) on delete cascade
    );
`;

async function runScript(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script.split(/;\s*\n/).map((statement) => statement.trim()).filter(Boolean);
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, UP);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `drop table if exists reminder_daily_counts, slack_rate_buckets;
     drop index if exists outbox_due_team;
     alter table outbox drop column if exists basis, drop column if exists expires_at, drop column if exists claimed_at`,
  );
}
