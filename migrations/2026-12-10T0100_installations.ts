import { type Kysely, sql } from 'kysely';

/**
 * Install anywhere (README "Install modes"):
 * - installations: one row per workspace that installed the app through "Add to Slack" (multi-workspace
 *   mode). The bot token, its bot user, the scopes granted, the enterprise, and with token rotation the
 *   refresh token and the expiry. `revoked_at`: Slack told us the app was uninstalled or its tokens
 *   revoked; `token_rejected_at`/`token_error`: Slack refused the token on a send, so no send is tried
 *   for the workspace until it is installed again (a new token clears both).
 * - oauth_states: the `state` of each "Add to Slack" click, so a state is accepted once only (a reused
 *   one is refused like a forged one), and never after it expires.
 * - workspaces.uninstalled_at: when the workspace uninstalled the app; its data is deleted
 *   UNINSTALL_RETENTION_DAYS after it unless it installs again first (which clears it).
 * - outbox_final: the retention purge walks sent and failed rows by age without touching open ones.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `create table installations (
     team_id text primary key references workspaces(team_id) on delete cascade,
     enterprise_id text,
     app_id text,
     bot_token text not null,
     bot_id text,
     bot_user_id text not null,
     bot_scopes text not null,
     bot_refresh_token text,
     bot_token_expires_at timestamptz,
     installer_user_id text,
     installed_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     revoked_at timestamptz,
     token_rejected_at timestamptz,
     token_error text
   )`,
  `create table oauth_states (
     id text primary key,
     expires_at timestamptz not null
   )`,
  `alter table workspaces add column uninstalled_at timestamptz`,
  `create index workspaces_uninstalled on workspaces (uninstalled_at) where uninstalled_at is not null`,
  `create index outbox_final on outbox (updated_at) where state in ('sent', 'failed')`,
  `create index processed_events_received on processed_events (received_at)`,
];

const DOWN: string[] = [
  'drop index if exists processed_events_received',
  'drop index if exists outbox_final',
  'drop index if exists workspaces_uninstalled',
  'alter table workspaces drop column if exists uninstalled_at',
  'drop table if exists oauth_states',
  'drop table if exists installations',
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
