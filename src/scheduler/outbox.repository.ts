import { type RawBuilder, sql } from 'kysely';
import type { OutboxRow, OutboxState } from '../db/schema';
import type { Executor } from '../db/types';
import { DISPATCHED_KINDS } from '../domain/reminders/kinds';

/** States in which a reminder may still go out; anything else is final. */
export const OPEN_STATES = ['pending', 'sending', 'unknown'] as const;

/** A row this pass now holds: attempt n, leased until next_attempt_at. */
export interface ClaimedReminder extends OutboxRow {
  /** 'pending' for a first try; 'unknown' or 'sending' (a lease that expired) means a send may be in doubt. */
  prior_state: OutboxState;
}

/**
 * The idle poll, what a pass asks before anything else: is any reminder or notice due at all? One probe of
 * outbox_due, in a statement PostgreSQL plans in a fraction of the per-workspace query's time (most
 * passes find nothing due, so this is the scheduler's steady cost).
 */
export function anythingDueQuery(db: Executor, now: Date) {
  return db
    .selectFrom('outbox')
    .select('id')
    .where('state', 'in', OPEN_STATES)
    .where('next_attempt_at', '<=', now)
    .where('kind', 'in', DISPATCHED_KINDS)
    .orderBy('next_attempt_at')
    .limit(1);
}

export async function anythingDue(db: Executor, now: Date): Promise<boolean> {
  return (await anythingDueQuery(db, now).executeTakeFirst()) !== undefined;
}

/**
 * Workspaces with due work, the longest-waiting first: the dispatcher serves each in turn. Only the
 * kinds it sends (reminders and notices): another feature may put its own kinds in the outbox and
 * deliver them itself. Only `teams`, the workspaces the pass holds a working token for ('any': a fake
 * Slack stands for all), and never one that uninstalled the app.
 */
export async function dueTeams(db: Executor, now: Date, teams: readonly string[] | 'any' = 'any', limit = 100): Promise<string[]> {
  if (teams !== 'any' && teams.length === 0) return [];
  const rows = await dueTeamsQuery(db, now, limit, teams).execute();
  return rows.map((row) => row.team_id);
}

/**
 * One index probe per workspace (its oldest due row, through outbox_due_team), behind a one-row check
 * that anything at all is due (through outbox_due), so an idle poll touches one index entry. Grouping
 * the due rows instead would walk every open row, planned weeks ahead included: it measured 290 ms
 * at 1M pairs for the same 20k due rows that take 1 ms at 10k pairs.
 */
export function dueTeamsQuery(db: Executor, now: Date, limit = 100, teams: readonly string[] | 'any' = 'any') {
  const query = db
    .selectFrom('workspaces as w')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('outbox as o')
          .select('o.next_attempt_at as oldest')
          .whereRef('o.team_id', '=', 'w.team_id')
          .where('o.state', 'in', OPEN_STATES)
          .where('o.next_attempt_at', '<=', now)
          .where('o.kind', 'in', DISPATCHED_KINDS)
          .orderBy('o.next_attempt_at')
          .limit(1)
          .as('d'),
      (join) => join.onTrue(),
    )
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('outbox as any_due')
          .select('any_due.id')
          .where('any_due.state', 'in', OPEN_STATES)
          .where('any_due.next_attempt_at', '<=', now)
          .where('any_due.kind', 'in', DISPATCHED_KINDS)
          // The order keeps the check on outbox_due whatever the statistics say (a seq scan was seen).
          .orderBy('any_due.next_attempt_at')
          .limit(1),
      ),
    )
    .where('w.uninstalled_at', 'is', null)
    .select(['w.team_id', 'd.oldest'])
    .orderBy('d.oldest')
    .limit(limit);
  return teams === 'any' ? query : query.where('w.team_id', 'in', [...teams]);
}

/**
 * Claims up to `limit` due rows of one workspace in one statement. SKIP LOCKED lets replicas claim
 * side by side without waiting on each other; the attempt number is the fencing token every
 * completion must present; next_attempt_at becomes the lease, so a pass that dies leaves rows that
 * are due again when it runs out. `now` is the pass's clock (the database's, in production).
 */
export interface ClaimOptions {
  teamId: string;
  limit: number;
  now: Date;
  leaseMs: number;
  replica: string;
}

export async function claimDue(db: Executor, options: ClaimOptions): Promise<ClaimedReminder[]> {
  const { rows } = await claimStatement(options).execute(db);
  return rows;
}

/** The claim as one statement (exported so a test can EXPLAIN it and a bench can time it). */
export function claimStatement(options: ClaimOptions) {
  return claimRows(
    sql`select id, state as prior_state
      from outbox
      where team_id = ${options.teamId}
        and state in ('pending', 'sending', 'unknown')
        and next_attempt_at <= ${options.now}
        and kind in (${sql.join(DISPATCHED_KINDS.map((kind) => sql.lit(kind)))})
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked`,
    options,
  );
}

/**
 * Takes the rows `due` selects (locked, with their prior state): attempt n+1, leased until
 * now + lease. Every claim, by a pass or by `NoticeSender.sendNow`, goes through here.
 */
export function claimRows(due: RawBuilder<unknown>, options: Omit<ClaimOptions, 'teamId' | 'limit'>) {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return sql<ClaimedReminder>`
    with due as (${due})
    update outbox as o
       set state = 'sending', attempt = o.attempt + 1, next_attempt_at = ${leaseUntil},
           claimed_by = ${options.replica}, claimed_at = ${options.now}, updated_at = ${options.now}
      from due
     where o.id = due.id
    returning o.*, due.prior_state`;
}

interface Fence {
  id: string;
  attempt: number;
  now: Date;
}

/** Every completion is fenced: it changes the row only if this attempt still holds it. */
async function complete(db: Executor, fence: Fence, set: Record<string, unknown>): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ ...set, updated_at: fence.now })
    .where('id', '=', fence.id)
    .where('attempt', '=', fence.attempt)
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const markSent = (db: Executor, fence: Fence & { channel: string; ts: string | null; note?: string }) =>
  complete(db, fence, { state: 'sent', channel_id: fence.channel, slack_ts: fence.ts, sent_at: fence.now, last_error: fence.note ?? null });

export const markFailed = (db: Executor, fence: Fence & { error: string }) => complete(db, fence, { state: 'failed', last_error: fence.error });

export const markCancelled = (db: Executor, fence: Fence & { reason: string }) => complete(db, fence, { state: 'cancelled', last_error: fence.reason });

/** The send may have happened: reconcile (look for it in the DM) before any resend, not before `retryAt`. */
export const markUnknown = (db: Executor, fence: Fence & { error: string; retryAt: Date; channel?: string }) =>
  complete(db, fence, { state: 'unknown', last_error: fence.error, next_attempt_at: fence.retryAt, ...(fence.channel ? { channel_id: fence.channel } : {}) });

/**
 * Just before a Slack call that may post, while the fence holds: one more real send, the conversation
 * (so reconciliation knows where to look), and for chat.postMessage the instant the call starts (where
 * the search for it begins). False: the row was taken over, and nothing may be sent.
 */
export const markSending = (db: Executor, fence: Fence & { channel: string; post: boolean }) =>
  complete(db, fence, { sends: sql`sends + 1`, channel_id: fence.channel, ...(fence.post ? { last_post_at: fence.now } : {}) });

/**
 * Not posted (rate limited, quiet hours, the daily cap): due again at `retryAt`, in the given state.
 * `unsend`: the call was made but Slack certainly did not post (a 429), so it is not counted as a send.
 */
export const release = (db: Executor, fence: Fence & { state: 'pending' | 'unknown'; retryAt: Date; note: string | null; unsend?: boolean }) =>
  complete(db, fence, {
    state: fence.state,
    next_attempt_at: fence.retryAt,
    last_error: fence.note,
    ...(fence.unsend ? { sends: sql`greatest(sends - 1, 0)` } : {}),
  });
