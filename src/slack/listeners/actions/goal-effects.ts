import type { WebClient } from '@slack/web-api';
import type { GoalDetails } from '../../../domain/goals/goal-access';
import type { ShareLocation } from '../../../domain/goals/goals.service';
import type { Logger } from '../../../logger';
import { goalListMessage } from '../../blocks/goal-list';
import { sharedNotice } from '../../blocks/goal-messages';
import { goalShareMessage, goalSupersededMessage, type ShareIntro } from '../../blocks/goal-share';
import type { AppDeps } from '../../context';
import { tellPrivately } from '../../interaction-replies';
import { type OutgoingMessage, postToChannel, sendDm, slackErrorCode } from '../../messenger';

/**
 * What follows a change to a goal in Slack: the approval message in the goals channel, the person's
 * goal list, DMs and Home tabs. Each step is best effort and logged: the change is already saved,
 * and a Slack hiccup must not hide it from the person who made it.
 */

const locationOf = (details: GoalDetails): ShareLocation | null =>
  details.goal.share_channel_id && details.goal.share_message_ts ? { channelId: details.goal.share_channel_id, ts: details.goal.share_message_ts } : null;

const sameMessage = (a: ShareLocation | null, b: ShareLocation | null): boolean => !!a && !!b && a.channelId === b.channelId && a.ts === b.ts;

/** Posts the approval message, records where it is, and retires the previous one. False if Slack refused. */
export async function postForApproval(
  client: WebClient,
  deps: AppDeps,
  shared: { details: GoalDetails; previousShare: ShareLocation | null },
  intro: ShareIntro,
  log: Logger,
): Promise<boolean> {
  const { goal, pair } = shared.details;
  let location: ShareLocation;
  try {
    const posted = await postToChannel(client, pair.goals_channel_id, goalShareMessage(shared.details, intro));
    location = { channelId: pair.goals_channel_id, ts: posted.ts };
  } catch (error) {
    log.warn({ goalId: goal.id, code: slackErrorCode(error) }, 'goal share post failed');
    return false;
  }
  await deps.services.goals.recordShareMessage(goal.id, location);
  if (shared.previousShare && !sameMessage(shared.previousShare, location)) {
    await updateMessage(client, shared.previousShare, goalSupersededMessage(goal), log);
  }
  log.info({ goalId: goal.id, version: goal.version }, 'goal shared for approval');
  return true;
}

/** Re-renders the goal's approval message, if it has one, to show the goal as it is now. */
export async function refreshApprovalMessage(client: WebClient, details: GoalDetails, log: Logger): Promise<void> {
  const location = locationOf(details);
  if (location) await updateMessage(client, location, goalShareMessage(details), log);
}

/**
 * A press on a message that no longer shows the goal as it is. The goal's own message is
 * re-rendered; an older one in the pair's channel is marked as replaced; anything else is left alone.
 */
export async function refreshPressedMessage(client: WebClient, details: GoalDetails, pressed: ShareLocation | null, log: Logger): Promise<void> {
  const current = locationOf(details);
  if (!pressed || sameMessage(current, pressed)) return refreshApprovalMessage(client, details, log);
  await refreshApprovalMessage(client, details, log);
  const ourChannels = [details.pair.goals_channel_id, details.goal.share_channel_id];
  if (ourChannels.includes(pressed.channelId)) await updateMessage(client, pressed, goalSupersededMessage(details.goal), log);
}

async function updateMessage(client: WebClient, location: ShareLocation, message: OutgoingMessage, log: Logger): Promise<void> {
  await client.chat
    .update({ channel: location.channelId, ts: location.ts, text: message.text, blocks: message.blocks })
    .catch((error: unknown) => log.warn({ code: slackErrorCode(error), ts: location.ts }, 'goal message update failed'));
}

export async function dm(client: WebClient, deps: AppDeps, teamId: string, userId: string, message: OutgoingMessage, log: Logger): Promise<void> {
  await sendDm(client, deps.services.people, teamId, userId, message).catch((error: unknown) =>
    log.warn({ code: slackErrorCode(error), userId }, 'goal DM failed'),
  );
}

/** Where to show the person their goal list again after a change. */
export interface ListTarget {
  teamId: string;
  userId: string;
  /** Bolt's respond() for the goal list the button was pressed in: the list is replaced in place. */
  replace?: (message: OutgoingMessage & { replace_original: true }) => Promise<unknown>;
  /** Otherwise a new ephemeral list in this channel (where the modal was opened from). */
  channelId?: string;
}

export async function showGoalList(client: WebClient, deps: AppDeps, target: ListTarget, notice: string, log: Logger): Promise<void> {
  const message = goalListMessage(await deps.services.goals.overviewFor(target.teamId, target.userId), notice);
  try {
    if (target.replace) await target.replace({ ...message, replace_original: true });
    // The origin comes from private_metadata: a conversation the person is not in (forged, or one they
    // left) refuses the ephemeral, so the answer falls back to their DM with the bot instead of being lost.
    else if (target.channelId) await tellPrivately(client, deps, { teamId: target.teamId, userId: target.userId, channelId: target.channelId, log }, message);
  } catch (error) {
    log.warn({ code: slackErrorCode(error) }, 'goal list refresh failed');
  }
}

/** After any change a Home tab shows. */
export async function refreshHomes(client: WebClient, deps: AppDeps, details: GoalDetails): Promise<void> {
  await deps.home.refresh(details.pair.team_id, [details.pair.mentor_id, details.pair.mentee_id]);
}

/** Shares a goal for approval and says how it went, as the notice to show above the goal list. */
export async function shareGoal(client: WebClient, deps: AppDeps, who: { teamId: string; userId: string }, goalId: string, log: Logger): Promise<{ details: GoalDetails; notice: string }> {
  const shared = await deps.services.goals.share(who.teamId, goalId, who.userId);
  const posted = await postForApproval(client, deps, shared, 'new', log);
  return { details: shared.details, notice: sharedNotice(shared.details, posted) };
}
