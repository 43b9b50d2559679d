import type { KnownBlock, ModalView } from '@slack/types';
import type { Goal } from '../../db/schema';
import type { GoalDetails } from '../../domain/goals/goal-access';
import { COMMENT_MAX } from '../../domain/goals/goal-rules';
import { formatInZone } from '../../domain/time/zoned';
import { GoalActions, GoalChangesModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { goalBodyBlocks } from './goal-share';
import { goalTitle, typed } from './goal-format';
import type { Message } from './help';
import { channelLink, escapeText, mention, mrkdwn, plain, truncate } from './text';

const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });
const plainTitle = (goal: Pick<Goal, 'title'>): string => escapeText(truncate(goal.title, 80));

/** The refusal anyone but the pair's mentor gets on Approve or Request changes. */
export function onlyMentorMessage(mentorId: string): Message {
  const text = `Only ${mention(mentorId)} can approve this goal or request changes to it.`;
  return { text, blocks: [section(`:lock: ${text}`)] };
}

/** To the mentor who pressed a button on a message that no longer showed the goal as it is. */
export function staleReviewMessage(goal: Goal): Message {
  const text =
    goal.status === 'approved'
      ? `${goalTitle(goal)} is already approved; nothing more to do.`
      : goal.status === 'awaiting_approval'
        ? `${goalTitle(goal)} changed since that message was posted. I refreshed it: have another look before you decide.`
        : `${goalTitle(goal)} is no longer waiting for approval. I refreshed the message to show where it stands.`;
  return { text: `Goal changed: ${plainTitle(goal)}`, blocks: [section(`:arrows_counterclockwise: ${text}`)] };
}

export function goneMessage(): Message {
  const text = 'That goal no longer exists.';
  return { text, blocks: [section(text)] };
}

export function goalChangesModal(details: GoalDetails, message: { channelId: string; ts: string }): ModalView {
  const { goal } = details;
  return {
    type: 'modal',
    callback_id: GoalChangesModal.callbackId,
    private_metadata: encodeMetadata({ goalId: goal.id, version: goal.version, channelId: message.channelId, ts: message.ts }),
    title: plain('Request changes', 24),
    submit: plain('Send to mentee', 24),
    close: plain('Cancel', 24),
    blocks: [
      ...goalBodyBlocks(details),
      {
        type: 'input',
        block_id: GoalChangesModal.blocks.comment,
        label: plain('What should change?'),
        element: { type: 'plain_text_input', action_id: GoalChangesModal.actions.comment, multiline: true, max_length: COMMENT_MAX },
        hint: plain('Your mentee gets this by DM; the goal goes back to them to edit and share again.'),
      },
    ],
  };
}

export function approvedDm(details: GoalDetails, menteeZone: string): Message {
  const { goal, pair } = details;
  const when = goal.approved_at ? formatInZone(goal.approved_at, menteeZone) : '';
  const text = `:white_check_mark: ${mention(pair.mentor_id)} approved your goal ${goalTitle(goal)}${when ? ` on ${when}` : ''}. Time to make progress on it!`;
  return {
    text: `Goal approved: ${plainTitle(goal)}`,
    blocks: [section(text), { type: 'actions', elements: [{ type: 'button', action_id: GoalActions.progress, text: plain('Update progress', 75), value: goal.id }] }],
  };
}

export function changesRequestedDm(details: GoalDetails): Message {
  const { goal, pair } = details;
  const text = `:pencil2: ${mention(pair.mentor_id)} asked for changes to your goal ${goalTitle(goal)}:\n>${typed(goal.changes_comment, COMMENT_MAX)}`;
  return {
    text: `Changes requested on your goal: ${plainTitle(goal)}`,
    blocks: [
      section(text),
      { type: 'actions', elements: [{ type: 'button', action_id: GoalActions.edit, text: plain('Edit the goal', 75), style: 'primary', value: goal.id }] },
      { type: 'context', elements: [mrkdwn('Once it is edited, share it again for approval (the edit form has a box for that).')] },
    ],
  };
}

export function reflectionPromptDm(details: GoalDetails): Message {
  const { goal } = details;
  return {
    text: `Goal achieved: ${plainTitle(goal)}. One line of reflection?`,
    blocks: [
      section(`:trophy: You achieved ${goalTitle(goal)}. Congratulations! Before you move on: in one line, what made it work, or what would you do differently?`),
      { type: 'actions', elements: [{ type: 'button', action_id: GoalActions.reflect, text: plain('Write my reflection', 75), style: 'primary', value: goal.id }] },
    ],
  };
}

/** Replaces the prompt once the reflection is written, so the button cannot be pressed again by mistake. */
export function reflectionSavedDm(details: GoalDetails): Message {
  const { goal } = details;
  return {
    text: `Reflection saved: ${plainTitle(goal)}`,
    blocks: [section(`:trophy: You achieved ${goalTitle(goal)}.\n:memo: Your reflection: _${typed(goal.reflection, 300)}_`)],
  };
}

/** The line above the goal list after sharing: where it went, or why it did not. */
export function sharedNotice(details: GoalDetails, posted: boolean): string {
  const { goal, pair } = details;
  return posted
    ? `:outbox_tray: Shared ${goalTitle(goal)} in ${channelLink(pair.goals_channel_id)} for ${mention(pair.mentor_id)}'s approval.`
    : `:warning: ${goalTitle(goal)} is waiting for approval, but I couldn't post it in ${channelLink(pair.goals_channel_id)}, so your mentor has not seen it. Invite me there (\`/invite @Mentorship\`), then press *Share again*.`;
}

/** The line above the goal list after saving, saying what happened to the approval. */
export function savedNotice(details: GoalDetails, channel: 'none' | 'refresh' | 'repost'): string {
  const { goal, pair } = details;
  if (channel === 'repost') return `:arrows_counterclockwise: Saved ${goalTitle(goal)}. It changed after approval, so it went back to ${mention(pair.mentor_id)} for approval.`;
  if (channel === 'refresh') return `:white_check_mark: Saved ${goalTitle(goal)}; the message waiting for ${mention(pair.mentor_id)}'s approval shows the new version.`;
  return `:white_check_mark: Saved ${goalTitle(goal)}.`;
}
