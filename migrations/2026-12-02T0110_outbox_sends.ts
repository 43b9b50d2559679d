import { type Kysely, sql } from 'kysely';

/**
 * What the outbox knows about the Slack calls it really made (README "Sending once"):
 * - outbox.sends: calls to Slack that may have posted (chat.postMessage, chat.update), counted before
 *   each call. The retry budget: a claim that sends nothing (quiet hours, the daily cap, a lease too
 *   short, a hand-back after a 429 or on shutdown, a reconciliation still waiting) uses none of it.
 *   `attempt` stays the fencing token, one per claim.
 * - outbox.last_post_at: when the last chat.postMessage call started, written before the call. A
 *   post in doubt is looked for from there, however many claims that posted nothing came after it.
 *
 * Rows in doubt when this runs keep the window they had (the last claim) and their count of claims
 * as their count of sends.
 *
 * Frozen: never edit after it has shipped; add a new migration instead.
 */
const UP: string[] = [
  `alter table outbox
     add column sends integer not null default 0 check (sends >= 0),
     add column last_post_at timestamptz`,
  `update outbox set sends = attempt where state in ('pending', 'sending', 'unknown') and attempt > 0`,
  `update outbox set last_post_at = claimed_at where state in ('sending', 'unknown')`,
];

const DOWN: string[] = ['alter table outbox drop column if exists sends, drop column if exists last_post_at'];

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
