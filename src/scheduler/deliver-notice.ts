import { fallbackKey, followUpKey, type NoticePayload } from '../domain/notices/notice';
import { insertNotices } from '../domain/notices/notices.repository';
import { findPerson, saveDmChannel } from '../domain/people/people.repository';
import {
  type AfterRefused,
  type AfterSent,
  type Attempt,
  type DeliveryDeps,
  type DeliveryResult,
  notPosted,
  outOfSends,
  postStamped,
  reconcile,
  sendClaimed,
} from './attempt';
import { classifySlackError } from './classify';
import { parseNoticePayload } from './notice-payload';
import { markCancelled, markFailed } from './outbox.repository';

/**
 * A notice: a message rendered when the change that caused it was committed. No calendar checks and
 * no daily cap (those are for reminders); quiet hours are already in its due time; its own expiry
 * still applies. Sent once like a reminder: a post in doubt is looked for in its conversation before
 * any resend. An update (chat.update) is idempotent, so one in doubt is simply made again.
 */
export async function deliverNotice(deps: DeliveryDeps, attempt: Attempt): Promise<DeliveryResult> {
  const { db } = deps;
  const { row, clock, fence, record } = attempt;
  const payload = parseNoticePayload(row.payload);
  if (!payload) return record('failed', markFailed(db, { ...fence(), error: 'invalid_notice_payload' }));
  const { target } = payload;
  const after = afterPosted(deps, attempt, payload);
  const refused = fallbackOf(attempt, payload);

  if (attempt.inDoubt && target.type !== 'update') {
    const channel =
      row.channel_id ?? (target.type === 'channel' ? target.channelId : ((await findPerson(db, row.team_id, target.userId))?.dm_channel_id ?? null));
    const settled = await reconcile(deps, attempt, channel, after);
    if (settled.result) return record(settled.result, settled.done, settled.details);
  }
  const spent = outOfSends(deps, attempt);
  if (spent) return spent;
  if (row.expires_at && clock().getTime() >= row.expires_at.getTime())
    return record('cancelled', markCancelled(db, { ...fence(), reason: 'expired' }), { reason: 'expired' });

  const { message } = payload;
  if (target.type === 'update') {
    const call = async () => {
      await deps.slack.update(target.channelId, target.ts, message);
      return { ts: target.ts };
    };
    return sendClaimed(deps, attempt, { method: 'chat.update', channel: target.channelId, call, after, refused });
  }
  let channel: string;
  if (target.type === 'channel') channel = target.channelId;
  else {
    const opened = await dmChannel(deps, attempt, target.userId, refused);
    if (!opened.ok) return opened.result;
    channel = opened.channel;
  }
  return sendClaimed(deps, attempt, {
    method: 'chat.postMessage',
    channel,
    call: postStamped(deps, attempt, channel, message, payload.unfurl ?? false),
    after,
    refused,
  });
}

type Opened = { ok: true; channel: string } | { ok: false; result: DeliveryResult };

/**
 * The person's DM: the stored one, else the one an earlier attempt opened, else conversations.open
 * (Tier 3), remembered on the people row when the person has one (and, like every conversation, on
 * the outbox row before the post, so reconciliation knows where to look).
 */
async function dmChannel(deps: DeliveryDeps, attempt: Attempt, userId: string, refused?: AfterRefused): Promise<Opened> {
  const { db } = deps;
  const { row } = attempt;
  const stored = (await findPerson(db, row.team_id, userId))?.dm_channel_id ?? row.channel_id;
  if (stored) return { ok: true, channel: stored };
  let channel: string;
  try {
    channel = await deps.slack.openDm(userId);
  } catch (error) {
    return { ok: false, result: await notPosted(deps, attempt, classifySlackError(error), 'conversations.open', refused) };
  }
  await saveDmChannel(db, row.team_id, userId, channel);
  return { ok: true, channel };
}

/** The notice's `onPosted` hook, looked up by name; an unknown name is logged and the notice still sent. */
function afterPosted(deps: DeliveryDeps, attempt: Attempt, payload: NoticePayload): AfterSent | undefined {
  const onPosted = payload.onPosted;
  if (!onPosted) return undefined;
  const hook = deps.noticeHooks?.[onPosted.hook];
  if (!hook) {
    attempt.log.warn({ hook: onPosted.hook, topic: payload.topic }, 'unknown notice hook; the notice is sent without it');
    return undefined;
  }
  return async (tx, posted) => {
    if (!posted.ts) {
      attempt.log.warn({ hook: onPosted.hook }, 'Slack returned no ts; notice hook not run');
      return;
    }
    await hook(tx, onPosted.args, { channelId: posted.channel, ts: posted.ts, followUpKey: followUpKey(attempt.row.dedupe_key), at: attempt.clock() });
  };
}

/**
 * The notice's fallback, written as its own notice (due now) in the transaction that marks this one
 * refused: the person who caused it hears that it could not be delivered.
 */
function fallbackOf(attempt: Attempt, payload: NoticePayload): AfterRefused | undefined {
  const { fallback } = payload;
  if (!fallback) return undefined;
  const { row } = attempt;
  return async (tx) => {
    const now = attempt.clock();
    const recipientId = fallback.target.type === 'dm' ? fallback.target.userId : fallback.target.channelId;
    await insertNotices(
      tx,
      [
        {
          teamId: row.team_id,
          pairId: row.pair_id,
          meetingId: row.meeting_id,
          recipientId,
          dedupeKey: fallbackKey(row.dedupe_key),
          dueAt: now,
          payload: fallback,
        },
      ],
      now,
    );
    attempt.log.info({ topic: fallback.topic }, 'notice refused; its fallback is in the outbox');
  };
}
