import { saveDmChannel } from '../domain/people/people.repository';
import { localDateIn } from '../domain/time/zoned';
import { type Attempt, type DeliveryDeps, type DeliveryResult, notPosted, outOfSends, postStamped, reconcile, sendClaimed } from './attempt';
import { classifySlackError } from './classify';
import { decide } from '../domain/reminders/decide';
import { type DeliveryContext, loadDeliveryContext } from '../domain/reminders/delivery.repository';
import { returnDailySlot, takeDailySlot } from './limits.repository';
import { markCancelled, release } from './outbox.repository';
import { nextMorning, spreadMs } from '../domain/reminders/quiet-hours';
import { renderReminder } from './render';
import { PLAIN_TEXT, SealedTextError } from '../domain/personal-data/sealed-text';

/**
 * A reminder, from fresh state: reconcile a send in doubt, check it is still due (decide), take a
 * slot of the person's daily cap, render, open the DM if it never was, post.
 */
export async function deliverReminder(deps: DeliveryDeps, attempt: Attempt): Promise<DeliveryResult> {
  const { db, settings } = deps;
  const { row, clock, fence, record } = attempt;
  const ctx = openReflection(deps, await loadDeliveryContext(db, row));
  const zone = ctx.recipient?.time_zone ?? 'UTC';
  if (attempt.inDoubt) {
    const settled = await reconcile(deps, attempt, row.channel_id ?? ctx.recipient?.dm_channel_id ?? null);
    if (settled.result) return record(settled.result, settled.done, settled.details);
    // Not posted after all. The daily slot the earlier attempt may have taken is kept: a crashed
    // attempt makes the cap stricter by one, never looser.
  }
  const spent = outOfSends(deps, attempt);
  if (spent) return spent;

  const now = clock();
  const decision = decide(row, ctx, now);
  if (decision.action === 'cancel') return record('cancelled', markCancelled(db, { ...fence(), reason: decision.reason }), { reason: decision.reason });
  if (decision.action === 'defer') {
    return record('deferred', release(db, { ...fence(), state: 'pending', retryAt: decision.until, note: decision.reason }), {
      until: decision.until.toISOString(),
    });
  }
  const recipient = ctx.recipient!;
  const message = renderReminder(row, ctx, now);

  const slot = { teamId: row.team_id, userId: row.recipient_id, localDate: localDateIn(now, zone) };
  if (!(await takeDailySlot(db, slot, settings.dailyCap))) {
    const morning = new Date(nextMorning(now, zone).getTime() + spreadMs(row.dedupe_key, 600));
    if (row.expires_at && morning.getTime() >= row.expires_at.getTime())
      return record('cancelled', markCancelled(db, { ...fence(), reason: 'daily_cap' }), { reason: 'daily_cap' });
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
      return notPosted(deps, attempt, classifySlackError(error), 'conversations.open');
    }
  }
  return sendClaimed(deps, attempt, {
    method: 'chat.postMessage',
    channel,
    call: postStamped(deps, attempt, channel, message),
    notPosted: () => returnDailySlot(db, slot),
  });
}

/**
 * A check-in quotes its person's long-term goals from their closing reflection, sealed at rest. One
 * that no configured key opens is left out of the message (logged for the operator): the check-in still goes.
 */
function openReflection(deps: DeliveryDeps, ctx: DeliveryContext): DeliveryContext {
  if (!ctx.reflection) return ctx;
  try {
    return { ...ctx, reflection: { ...ctx.reflection, long_term_goals: (deps.cipher ?? PLAIN_TEXT).open(ctx.reflection.long_term_goals) } };
  } catch (error) {
    if (!(error instanceof SealedTextError)) throw error;
    deps.logger.error({ keyId: error.keyId, reason: error.reason }, 'sealed text could not be opened');
    return { ...ctx, reflection: { ...ctx.reflection, long_term_goals: null } };
  }
}
