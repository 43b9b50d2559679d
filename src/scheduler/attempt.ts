import type { Kysely } from 'kysely';
import type { TextCipher } from '../domain/personal-data/sealed-text';
import type { Database } from '../db/schema';
import type { NoticeHooks } from '../domain/notices/notice';
import type { Tx } from '../db/types';
import type { Logger } from '../logger';
import type { Message } from '../slack/blocks/help';
import { classifySlackError, type SendOutcome } from './classify';
import { type ClaimedReminder, markFailed, markSending, markSent, markUnknown, release } from './outbox.repository';
import type { ReminderSlack } from './slack-gateway';
import type { SchedulerObserver } from './observer';

export interface DeliverySettings {
  dryRun: boolean;
  /** Proactive reminder DMs per person per local day (notices are not counted). */
  dailyCap: number;
  /** How long after an attempt in doubt before "not in the conversation" is believed. */
  graceMs: number;
  maxAttempts: number;
  /** The sending client's request timeout: a post starts only if the lease outlives it. */
  sendTimeoutMs: number;
}

export interface DeliveryDeps {
  db: Kysely<Database>;
  slack: ReminderSlack;
  logger: Logger;
  settings: DeliverySettings;
  /** Slack answered 429: the workspace waits until then, on every replica. */
  onRateLimited(teamId: string, until: Date): Promise<void>;
  /** Slack refused the workspace's token: the workspace is set aside (no send for it until it installs again). */
  onTokenRejected(teamId: string, code: string): Promise<void>;
  /** What a notice's `onPosted` names, run in the transaction that marks it sent. */
  noticeHooks?: NoticeHooks;
  /** True once shutdown began: a Slack call not started yet is not started, the row is handed back. */
  stopping?: () => boolean;
  /** Told of each row's outcome (metrics). */
  observer?: SchedulerObserver;
  /** Opens the sealed texts a reminder quotes (a check-in quotes its person's long-term goals); none: stored as typed. */
  cipher?: TextCipher;
}

export type DeliveryResult =
  'sent' | 'reconciled' | 'failed' | 'unknown' | 'cancelled' | 'deferred' | 'rate_limited' | 'dry_run' | 'fenced' | 'waiting' | 'set_aside';

export interface Fence {
  id: string;
  attempt: number;
  now: Date;
}

/** One claimed row being delivered: its fence, its logger, and how an outcome is recorded and logged. */
export interface Attempt {
  row: ClaimedReminder;
  log: Logger;
  clock: () => Date;
  fence(): Fence;
  /** Logs the outcome once the fenced completion says whether this attempt still held the row. */
  record(result: DeliveryResult, done: Promise<boolean>, details?: Record<string, unknown>): Promise<DeliveryResult>;
  /**
   * An earlier attempt may have posted: it ended in doubt, or its replica died holding the lease,
   * after a chat.postMessage call had started (last_post_at; a row never posted has nothing to find).
   */
  inDoubt: boolean;
}

/** Margin on top of the request timeout: the lease must still hold when the post has surely ended. */
const LEASE_SAFETY_MS = 5_000;

export function startAttempt(
  deps: DeliveryDeps,
  row: ClaimedReminder,
  clock: () => Date,
  what: 'reminder' | 'notice',
  fields: Record<string, unknown>,
): Attempt {
  const log = deps.logger.child({
    [`${what}Id`]: row.id,
    attempt: row.attempt,
    kind: row.kind,
    teamId: row.team_id,
    recipient: row.recipient_id,
    replica: row.claimed_by,
    ...fields,
  });
  const message = `${what} attempt`;
  return {
    row,
    log,
    clock,
    fence: () => ({ id: row.id, attempt: row.attempt, now: clock() }),
    async record(result, done, details = {}) {
      const held = await done;
      log.info({ outcome: held ? result : 'fenced', ...details }, message);
      return held ? result : 'fenced';
    },
    inDoubt: row.last_post_at !== null && (row.prior_state === 'unknown' || row.prior_state === 'sending'),
  };
}

/** Runs in the transaction that marks the row sent, only when the fence held. */
export type AfterSent = (tx: Tx, posted: { channel: string; ts: string | null }) => Promise<void>;

/** Runs in the transaction that marks the row failed for good (Slack refused it), only when the fence held. */
export type AfterRefused = (tx: Tx) => Promise<void>;

/**
 * The fenced mark-sent, with `after` in the same transaction when there is one. An `after` that
 * throws is logged and the row is marked sent without it: the message is out, and sending it again
 * would be worse than a missing follow-up.
 */
export async function markSentWith(
  deps: DeliveryDeps,
  attempt: Attempt,
  sent: { channel: string; ts: string | null; note?: string },
  after?: AfterSent,
): Promise<boolean> {
  const mark = { ...attempt.fence(), ...sent };
  if (!after) return markSent(deps.db, mark);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const held = await markSent(tx, mark);
      if (held) await after(tx, sent);
      return held;
    });
  } catch (error) {
    attempt.log.error({ err: error }, 'after-send step failed; marking sent without it');
    return markSent(deps.db, mark);
  }
}

/** The fenced mark-failed, with `refused` in the same transaction when there is one; as for `after`, a step that throws is logged and the row is marked failed without it. */
async function markFailedWith(deps: DeliveryDeps, attempt: Attempt, error: string, refused?: AfterRefused): Promise<boolean> {
  const mark = { ...attempt.fence(), error };
  if (!refused) return markFailed(deps.db, mark);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const held = await markFailed(tx, mark);
      if (held) await refused(tx);
      return held;
    });
  } catch (failure) {
    attempt.log.error({ err: failure }, 'after-refusal step failed; marking failed without it');
    return markFailed(deps.db, mark);
  }
}

export interface SendPlan {
  method: 'chat.postMessage' | 'chat.update';
  channel: string;
  /** The Slack call; for a post, stamped with the row's id and attempt. */
  call(): Promise<{ ts: string | null }>;
  /** Called when the message was certainly not posted (a reminder gives its daily slot back). */
  notPosted?: () => Promise<void>;
  after?: AfterSent;
  refused?: AfterRefused;
}

/**
 * The Slack call of a claimed row: only while the lease outlives the request; ok -> sent (fenced); a
 * refusal or 429 -> not posted; anything that may have posted -> unknown, not retried before the
 * grace period (and a post reconciled before any resend).
 */
export async function sendClaimed(deps: DeliveryDeps, attempt: Attempt, plan: SendPlan): Promise<DeliveryResult> {
  const { db, settings } = deps;
  const { row, clock, fence, record } = attempt;
  // A call that could still be running when the lease ends could race a reclaim: hand the row back instead.
  if (clock().getTime() + settings.sendTimeoutMs + LEASE_SAFETY_MS >= row.next_attempt_at.getTime()) {
    await plan.notPosted?.();
    return record('deferred', release(db, { ...fence(), state: 'pending', retryAt: clock(), note: 'lease_too_short' }));
  }
  if (deps.stopping?.()) {
    await plan.notPosted?.();
    const state = attempt.inDoubt ? 'unknown' : 'pending';
    return record('deferred', release(db, { ...fence(), state, retryAt: clock(), note: 'released_on_shutdown' }));
  }
  // Counted (and the post's start recorded) before the call: a crash during it still counts, and
  // reconciliation then searches from here. A row taken over meanwhile is not sent.
  if (!(await markSending(db, { ...fence(), channel: plan.channel, post: plan.method === 'chat.postMessage' }))) {
    await plan.notPosted?.();
    return record('fenced', Promise.resolve(false));
  }
  try {
    const done = await plan.call();
    return record('sent', markSentWith(deps, attempt, { channel: plan.channel, ts: done.ts }, plan.after), { ts: done.ts });
  } catch (error) {
    const outcome = classifySlackError(error);
    if (outcome.kind === 'unknown') {
      const retryAt = new Date(clock().getTime() + settings.graceMs);
      return record('unknown', markUnknown(db, { ...fence(), error: outcome.code, retryAt, channel: plan.channel }), {
        code: outcome.code,
        method: plan.method,
      });
    }
    await plan.notPosted?.();
    return notPosted(deps, attempt, outcome, plan.method, plan.refused);
  }
}

/** The retry budget spent: this many real sends, none known to have posted. */
export function outOfSends(deps: DeliveryDeps, attempt: Attempt): Promise<DeliveryResult> | undefined {
  if (attempt.row.sends < deps.settings.maxAttempts) return undefined;
  return attempt.record('failed', markFailed(deps.db, { ...attempt.fence(), error: 'too_many_attempts' }), { sends: attempt.row.sends });
}

/** chat.postMessage stamped with the row's id and attempt, so reconciliation can find it. */
export const postStamped =
  (deps: DeliveryDeps, attempt: Attempt, channel: string, message: Message, unfurl = false) =>
  () =>
    deps.slack.post(channel, message, { reminderId: attempt.row.id, attempt: attempt.row.attempt }, { unfurl });

/**
 * A call that certainly did not post: wait out a 429, record a permanent error (with `refused` in the
 * same transaction, when the row has a follow-up for that case), retry a blip later.
 */
export async function notPosted(deps: DeliveryDeps, attempt: Attempt, outcome: SendOutcome, method: string, refused?: AfterRefused): Promise<DeliveryResult> {
  const { db } = deps;
  const { row, fence, record } = attempt;
  if (outcome.kind === 'rate_limited') {
    const until = new Date(fence().now.getTime() + outcome.retryAfterMs);
    await deps.onRateLimited(row.team_id, until);
    // Certainly not posted: the call does not count against the row's budget of sends.
    const unsend = method !== 'conversations.open';
    return record('rate_limited', release(db, { ...fence(), state: 'pending', retryAt: until, note: 'ratelimited', unsend }), {
      until: until.toISOString(),
      method,
    });
  }
  if (outcome.kind === 'token_rejected')
    return record('set_aside', setAside(deps, attempt, outcome.code, method !== 'conversations.open'), { code: outcome.code, method });
  if (outcome.kind === 'failed') return record('failed', markFailedWith(deps, attempt, outcome.code, refused), { code: outcome.code, method });
  // A call in doubt that cannot have posted (conversations.open, chat.update): try again after the grace period.
  const retryAt = new Date(fence().now.getTime() + deps.settings.graceMs);
  return record('deferred', release(db, { ...fence(), state: 'pending', retryAt, note: `${method}:${outcome.code}` }), { code: outcome.code, method });
}

/**
 * Slack refused the workspace's token: nothing was posted and the row is not at fault. It goes back as
 * it was (in doubt stays in doubt), without counting the call; the workspace is set aside, so no pass
 * claims it again until the workspace has a working token.
 */
async function setAside(deps: DeliveryDeps, attempt: Attempt, code: string, unsend: boolean): Promise<boolean> {
  const { row, fence } = attempt;
  await deps.onTokenRejected(row.team_id, code);
  const state = attempt.inDoubt ? 'unknown' : 'pending';
  return release(deps.db, { ...fence(), state, retryAt: fence().now, note: `token_rejected:${code}`, unsend });
}

export interface Reconciled {
  result?: DeliveryResult;
  done: Promise<boolean>;
  details?: Record<string, unknown>;
}

/**
 * An earlier attempt may have posted (it timed out, got a 5xx, or its replica died holding the lease).
 * Look for our own message, stamped with this row's id, in the conversation: there -> sent, never
 * resent; not there after the grace period -> fall through (no `result`) and send as this attempt. If
 * the conversation cannot be read, the row fails rather than risk a duplicate.
 */
export async function reconcile(deps: DeliveryDeps, attempt: Attempt, channel: string | null, after?: AfterSent): Promise<Reconciled> {
  const { db, settings } = deps;
  const { row, clock, fence } = attempt;
  // No post was ever started, or no channel stored (both are written before a post): nothing to find.
  if (!channel || !row.last_post_at) return { done: Promise.resolve(true) };
  // From the start of the last real post, never moved by the claims since that posted nothing; its
  // answer may have come as late as the request timeout, and Slack may show it a little later still.
  const since = row.last_post_at;
  const graceEnds = since.getTime() + settings.sendTimeoutMs + settings.graceMs;
  if (clock().getTime() < graceEnds) {
    return { result: 'waiting', done: release(db, { ...fence(), state: 'unknown', retryAt: new Date(graceEnds), note: row.last_error }) };
  }
  try {
    // A minute of slack before the post: Slack's ts comes from its own clock.
    const found = await deps.slack.findPosted(channel, row.id, new Date(since.getTime() - 60_000));
    if (found) {
      return {
        result: 'reconciled',
        done: markSentWith(deps, attempt, { channel, ts: found.ts, note: 'reconciled' }, after),
        details: { ts: found.ts, postedBy: found.attempt },
      };
    }
  } catch (error) {
    const outcome = classifySlackError(error);
    if (outcome.kind === 'token_rejected') return { result: 'set_aside', done: setAside(deps, attempt, outcome.code, false), details: { code: outcome.code } };
    if (outcome.kind === 'failed')
      return { result: 'failed', done: markFailed(db, { ...fence(), error: `unreconciled:${outcome.code}` }), details: { code: outcome.code } };
    const retryAt = new Date(clock().getTime() + (outcome.kind === 'rate_limited' ? outcome.retryAfterMs : settings.graceMs));
    return { result: 'waiting', done: release(db, { ...fence(), state: 'unknown', retryAt, note: row.last_error }), details: { code: outcome.code } };
  }
  attempt.log.info({ channel }, 'not found in the conversation; sending again');
  return { done: Promise.resolve(true) };
}
