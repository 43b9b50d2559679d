import type { KnownBlock, ModalView } from '@slack/types';
import { COMMENT_MAX } from '../../domain/goals/goal-rules';
import type { GoalView, MessageLocation } from '../../domain/goals/goal-view';
import { formatInZone } from '../../domain/time/zoned';
import { GoalActions, GoalChangesModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { goalBodyBlocks } from './goal-share';
import { goalTitle, STATUS_LABELS, typed } from './goal-format';
import type { Message } from './help';
import { channelLink, escapeText, mention, mrkdwn, plain, truncate, accessibilityLabel } from './text';

const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });
const plainTitle = (goal: Pick<GoalView, 'title'>): string => escapeText(truncate(goal.title, 80));

/** To the mentor who pressed a button on a message that no longer showed the goal as it is. */
export function staleReviewMessage(goal: GoalView): Message {
  const text =
    goal.status === 'approved'
      ? `${goalTitle(goal)} is already approved; nothing more to do.`
      : goal.status === 'awaiting_approval'
        ? `${goalTitle(goal)} changed since that message was posted. I refreshed it: have another look before you decide.`
        : `${goalTitle(goal)} is no longer waiting for approval. I refreshed the message to show where it stands.`;
  return { text: `Goal changed: ${plainTitle(goal)}`, blocks: [section(`:arrows_counterclockwise: ${text}`)] };
}

/** Under the comment (plain text) when the goal moved on while the mentor was writing: the comment stays typed. */
export function staleCommentError(goal: GoalView): string {
  const now = STATUS_LABELS[goal.status].replace(/^:[a-z_]+: /, '').toLowerCase();
  return `The goal changed while you were writing (it is now ${now}). Copy your comment if you still need it, close this and look at the refreshed message.`;
}

export function goalChangesModal(goal: GoalView, message: MessageLocation): ModalView {
  return {
    type: 'modal',
    callback_id: GoalChangesModal.callbackId,
    private_metadata: encodeMetadata({ goalId: goal.id, version: goal.version, channelId: message.channelId, ts: message.ts }),
    title: plain('Request changes', 24),
    submit: plain('Send to mentee', 24),
    close: plain('Cancel', 24),
    blocks: [
      ...goalBodyBlocks(goal),
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

export function approvedDm(goal: GoalView, menteeZone: string): Message {
  const when = goal.approvedAt ? formatInZone(goal.approvedAt, menteeZone) : '';
  const text = `:white_check_mark: ${mention(goal.approvedBy ?? goal.mentorId)} approved your goal ${goalTitle(goal)}${when ? ` on ${when}` : ''}. Time to make progress on it!`;
  return {
    text: `Goal approved: ${plainTitle(goal)}`,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: GoalActions.progress,
            text: plain('Update progress', 75),
            value: goal.id,
            accessibility_label: accessibilityLabel(`Update progress on the goal ${goal.title}`),
          },
        ],
      },
    ],
  };
}

export function changesRequestedDm(goal: GoalView): Message {
  const text = `:pencil2: ${mention(goal.mentorId)} asked for changes to your goal ${goalTitle(goal)}:\n>${typed(goal.changesComment, COMMENT_MAX)}`;
  return {
    text: `Changes requested on your goal: ${plainTitle(goal)}`,
    blocks: [
      section(text),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: GoalActions.edit,
            text: plain('Edit the goal', 75),
            style: 'primary',
            value: goal.id,
            accessibility_label: accessibilityLabel(`Edit the goal ${goal.title}`),
          },
        ],
      },
      { type: 'context', elements: [mrkdwn('Once it is edited, share it again for approval (the edit form has a box for that).')] },
    ],
  };
}

export function reflectionPromptDm(goal: GoalView): Message {
  return {
    text: `Goal achieved: ${plainTitle(goal)}. One line of reflection?`,
    blocks: [
      section(
        `:trophy: You achieved ${goalTitle(goal)}. Congratulations! Before you move on: in one line, what made it work, or what would you do differently?`,
      ),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: GoalActions.reflect,
            text: plain('Write my reflection', 75),
            style: 'primary',
            value: goal.id,
            accessibility_label: accessibilityLabel(`Write my reflection on the goal ${goal.title}`),
          },
        ],
      },
    ],
  };
}

/** Replaces the prompt once the reflection is written, so the button cannot be pressed again by mistake. */
export function reflectionSavedDm(goal: GoalView): Message {
  return {
    text: `Reflection saved: ${plainTitle(goal)}`,
    blocks: [section(`:trophy: You achieved ${goalTitle(goal)}.\n:memo: Your reflection: _${typed(goal.reflection, 300)}_`)],
  };
}

/**
 * The line above the goal list after sharing: where it went, or that it is not there (yet). `posted`
 * is null when the list is shown before the post was tried (after a modal, whose ack cannot wait).
 */
export function sharedNotice(goal: GoalView, posted: boolean | null): string {
  const where = channelLink(goal.goalsChannelId);
  if (posted === null) return `:outbox_tray: Shared ${goalTitle(goal)} for ${mention(goal.mentorId)}'s approval; it is on its way to ${where}.`;
  return posted
    ? `:outbox_tray: Shared ${goalTitle(goal)} in ${where} for ${mention(goal.mentorId)}'s approval.`
    : `:warning: ${goalTitle(goal)} is waiting for approval, but I couldn't post it in ${where}, so nobody has seen it there yet. If I am not in that channel, invite me there (\`/invite @Mentorship\`), then press *Share again*; otherwise it goes out shortly.`;
}

/** The line above the goal list after saving, saying what happened to the approval. */
export function savedNotice(goal: GoalView, channel: 'none' | 'refresh' | 'repost'): string {
  if (channel === 'repost')
    return `:arrows_counterclockwise: Saved ${goalTitle(goal)}. It changed after approval, so it went back to ${mention(goal.mentorId)} for approval.`;
  if (channel === 'refresh')
    return `:white_check_mark: Saved ${goalTitle(goal)}; the message waiting for ${mention(goal.mentorId)}'s approval shows the new version.`;
  return `:white_check_mark: Saved ${goalTitle(goal)}.`;
}
