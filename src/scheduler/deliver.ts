import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { saveDmChannel } from '../domain/people/people.repository';
import { localDateIn } from '../domain/time/zoned';
import type { Logger } from '../logger';
import { classifySlackError, type SendOutcome } from './classify';
import { decide } from './decide';
import { type DeliveryContext, loadDeliveryContext } from './delivery.repository';
import { returnDailySlot, takeDailySlot } from './limits.repository';
import { type ClaimedReminder, markCancelled, markFailed, markSent, markUnknown, release } from './outbox.repository';
import { nextMorning, spreadMs } from './quiet-hours';
import { renderReminder } from './render';
import type { ReminderSlack } from './slack-gateway';
import type { SchedulerObserver } from './observer';

export interface DeliverySettings {
  dryRun: boolean;
  /** Proactive reminder DMs per person per local day. */
  dailyCap: number;
  /** How long after an attempt in doubt before "not in the DM" is believed. */
  graceMs: number;
  maxAttempts: number;
  /** The reminder client's request timeout: a post starts only if the lease outlives it. */
  sendTimeoutMs: number;
}

export interface DeliveryDeps {
  db: Kysely<Database>;
  slack: ReminderSlack;
  logger: Logger;
  settings: DeliverySettings;
  /** Slack answered 429: the workspace waits until then, on every replica. */
  onRateLimited(teamId: string, until: Date): Promise<void>;
  observer?: SchedulerObserver;
}

export type DeliveryResult = 'sent' | 'reconciled' | 'failed' | 'unknown' | 'cancelled' | 'deferred' | 'rate_limited' | 'dry_run' | 'fenced' | 'waiting';

/** Margin on top of the request timeout: the lease must still hold when the post has surely ended. */
const LEASE_SAFETY_MS = 5_000;

/**
 * One claimed row, start to end. The claim (attempt n) is committed before any Slack call; every
 * completion presents attempt n; a row whose earlier attempt may have posted is looked for in the DM
 * before it is sent again. Never throws for a Slack problem: the outcome is recorded on the row.
 */
export async function deliver(deps: DeliveryDeps, row: ClaimedReminder, clock: () => Date): Promise<DeliveryResult> {
  const { db, settings } = deps;
  const log = deps.logger.child({ reminderId: row.id, attempt: row.attempt, kind: row.kind, teamId: row.team_id, recipient: row.recipient_id, replica: row.claimed_by });
  const fence = () => ({ id: row.id, attempt: row.attempt, now: clock() });
  const record = async (result: DeliveryResult, done: Promise<boolean>, details: Record<string, unknown> = {}): Promise<DeliveryResult> => {
    const held = await done;
    log.info({ outcome: held ? result : 'fenced', ...details }, 'reminder attempt');
    return held ? result : 'fenced';
  };

  const ctx = await loadDeliveryContext(db, row);
  const zone = ctx.recipient?.time_zone ?? 'UTC';
  const inDoubt = row.attempt > 1 && (row.prior_state === 'unknown' || row.prior_state === 'sending');
  if (inDoubt) {
    const settled = await reconcile(deps, row, ctx, clock);
    if (settled.result) return record(settled.result, settled.done, settled.details);
  }
  if (row.attempt > settings.maxAttempts) return record('failed', markFailed(db, { ...fence(), error: 'too_many_attempts' }));

  const now = clock();
  const decision = decide(row, ctx, now);
  if (decision.action === 'cancel') return record('cancelled', markCancelled(db, { ...fence(), reason: decision.reason }), { reason: decision.reason });
  if (decision.action === 'defer') {
    return record('deferred', release(db, { ...fence(), state: 'pending', retryAt: decision.until, note: decision.reason }), { until: decision.until.toISOString() });
  }
  const recipient = ctx.recipient!;
  const message = renderReminder(row, ctx, now);

  const slot = { teamId: row.team_id, userId: row.recipient_id, localDate: localDateIn(now, zone) };
  if (!(await takeDailySlot(db, slot, settings.dailyCap))) {
    const morning = new Date(nextMorning(now, zone).getTime() + spreadMs(row.dedupe_key, 600));
    if (row.expires_at && morning.getTime() >= row.expires_at.getTime()) return record('cancelled', markCancelled(db, { ...fence(), reason: 'daily_cap' }), { reason: 'daily_cap' });
    return record('deferred', release(db, { ...fence(), state: 'pending', retryAt: morning, note: 'daily_cap' }), { until: morning.toISOString() });
  }
  if (settings.dryRun) return record('dry_run', markCancelled(db, { ...fence(), reason: 'dry_run' }), { text: message.text });

  let channel = recipient.dm_channel_id;
  if (!channel) {
    try {
      channel = await deps.slack.openDm(row.recipient_id);
      // Stored before the post: reconciliation looks in this channel, and conversations.open is only Tier 3.
      await saveDmChannel(db, row.team_id, row.recipient_id, channel);
    } catch (error) {
      await returnDailySlot(db, slot);
      return notPosted(deps, row, classifySlackError(error), fence, record, 'conversations.open');
    }
  }
  // A post that could still be running when the lease ends could race a reclaim: hand the row back instead.
  if (clock().getTime() + settings.sendTimeoutMs + LEASE_SAFETY_MS >= row.next_attempt_at.getTime()) {
    await returnDailySlot(db, slot);
    return record('deferred', release(db, { ...fence(), state: 'pending', retryAt: clock(), note: 'lease_too_short' }));
  }
  try {
    const posted = await deps.slack.post(channel, message, { reminderId: row.id, attempt: row.attempt });
    return record('sent', markSent(db, { ...fence(), channel, ts: posted.ts }), { ts: posted.ts });
  } catch (error) {
    const outcome = classifySlackError(error);
    if (outcome.kind !== 'unknown') await returnDailySlot(db, slot);
    if (outcome.kind === 'unknown') {
      const retryAt = new Date(clock().getTime() + settings.graceMs);
      return record('unknown', markUnknown(db, { ...fence(), error: outcome.code, retryAt, channel }), { code: outcome.code });
    }
    return notPosted(deps, row, outcome, fence, record, 'chat.postMessage');
  }
}

type Recorder = (result: DeliveryResult, done: Promise<boolean>, details?: Record<string, unknown>) => Promise<DeliveryResult>;
type FenceOf = () => { id: string; attempt: number; now: Date };

/** A call that certainly did not post: wait out a 429, record a permanent error, retry a blip later. */
async function notPosted(deps: DeliveryDeps, row: ClaimedReminder, outcome: SendOutcome, fence: FenceOf, record: Recorder, method: string): Promise<DeliveryResult> {
  const { db } = deps;
  if (outcome.kind === 'rate_limited') {
    const until = new Date(fence().now.getTime() + outcome.retryAfterMs);
    await deps.onRateLimited(row.team_id, until);
    return record('rate_limited', release(db, { ...fence(), state: 'pending', retryAt: until, note: 'ratelimited' }), { until: until.toISOString(), method });
  }
  if (outcome.kind === 'failed') return record('failed', markFailed(db, { ...fence(), error: outcome.code }), { code: outcome.code, method });
  // conversations.open in doubt posted nothing: try again after the grace period.
  const retryAt = new Date(fence().now.getTime() + deps.settings.graceMs);
  return record('deferred', release(db, { ...fence(), state: 'pending', retryAt, note: `${method}:${outcome.code}` }), { code: outcome.code, method });
}

interface Reconciled {
  result?: DeliveryResult;
  done: Promise<boolean>;
  details?: Record<string, unknown>;
}

/**
 * An earlier attempt may have posted (it timed out, got a 5xx, or its replica died holding the lease).
 * Look for our own message, stamped with this reminder's id, in the DM: there -> sent, never resent;
 * not there after the grace period -> fall through and send as this attempt. If the DM cannot be read,
 * the row fails rather than risk a duplicate.
 */
async function reconcile(deps: DeliveryDeps, row: ClaimedReminder, ctx: DeliveryContext, clock: () => Date): Promise<Reconciled> {
  const { db, settings } = deps;
  const fence = () => ({ id: row.id, attempt: row.attempt, now: clock() });
  const channel = row.channel_id ?? ctx.recipient?.dm_channel_id ?? null;
  // No DM channel was ever stored, and we store it before posting: nothing can have been posted.
  if (!channel) return { done: Promise.resolve(true) };
  const since = row.prior_claimed_at ?? row.created_at;
  const graceEnds = since.getTime() + settings.graceMs;
  if (clock().getTime() < graceEnds) {
    return { result: 'waiting', done: release(db, { ...fence(), state: 'unknown', retryAt: new Date(graceEnds), note: row.last_error }) };
  }
  try {
    // A minute of slack before the claim: Slack's ts comes from its own clock.
    const found = await deps.slack.findPosted(channel, row.id, new Date(since.getTime() - 60_000));
    if (found) return { result: 'reconciled', done: markSent(db, { ...fence(), channel, ts: found.ts, note: 'reconciled' }), details: { ts: found.ts, postedBy: found.attempt } };
  } catch (error) {
    const outcome = classifySlackError(error);
    if (outcome.kind === 'failed') return { result: 'failed', done: markFailed(db, { ...fence(), error: `unreconciled:${outcome.code}` }), details: { code: outcome.code } };
    const retryAt = new Date(clock().getTime() + (outcome.kind === 'rate_limited' ? outcome.retryAfterMs : settings.graceMs));
    return { result: 'waiting', done: release(db, { ...fence(), state: 'unknown', retryAt, note: row.last_error }), details: { code: outcome.code } };
  }
  // Not posted after all. The daily slot the earlier attempt may have taken is kept: a crashed attempt
  // makes the cap stricter by one, never looser.
  deps.logger.info({ reminderId: row.id, attempt: row.attempt }, 'reminder not found in DM; sending again');
  return { done: Promise.resolve(true) };
}
