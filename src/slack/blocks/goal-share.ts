import type { KnownBlock } from '@slack/types';
import type { GoalView } from '../../domain/goals/goal-view';
import { formatLocalDate } from '../../domain/time/zoned';
import { GoalActions, GoalBlocks } from '../ids';
import { goalTitle, keyResultLine, milestoneLine, slackDate, STATUS_LABELS, typed } from './goal-format';
import type { Message } from './help';
import { accessibilityLabel, escapeText, mention, mrkdwn, plain, truncate } from './text';

/** The approval buttons carry the version they were rendered for: an older press is recognised. */
export const reviewValue = (goal: Pick<GoalView, 'id' | 'version'>): string => `${goal.id}:${goal.version}`;

export type ShareIntro = 'new' | 'again';

function introLine(goal: GoalView, intro: ShareIntro): string {
  if (goal.status !== 'awaiting_approval') return `:dart: Goal for ${mention(goal.menteeId)}, mentored by ${mention(goal.mentorId)}`;
  if (intro === 'again') {
    return `:arrows_counterclockwise: ${mention(goal.menteeId)}'s approved goal has changed. ${mention(goal.mentorId)}, it needs your approval again.`;
  }
  return `:dart: New goal for ${mention(goal.menteeId)}. ${mention(goal.mentorId)}, please approve it or request changes.`;
}

/** The goal itself, as SMART: what, how measured, why realistic, why it matters, by when. */
export function goalBodyBlocks(goal: GoalView): KnownBlock[] {
  const { items } = goal;
  const smart = [
    goalTitle(goal),
    goal.specific ? `*Specific:* ${typed(goal.specific, 500)}` : '',
    goal.measurable ? `*Measurable:* ${typed(goal.measurable, 500)}` : '',
    goal.achievable ? `*Achievable:* ${typed(goal.achievable, 500)}` : '',
    goal.relevant ? `*Relevant:* ${typed(goal.relevant, 500)}` : '',
    `*Time-bound:* by ${formatLocalDate(goal.targetDate)}`,
  ].filter(Boolean);
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(smart.join('\n')) }];
  const keyResults = items.filter((item) => item.kind === 'key_result');
  const milestones = items.filter((item) => item.kind === 'milestone');
  if (goal.objective || keyResults.length > 0) {
    const lines = [goal.objective ? `*Objective:* ${typed(goal.objective, 150)}` : '*Key results*', ...keyResults.map(keyResultLine)];
    blocks.push({ type: 'section', text: mrkdwn(lines.join('\n')) });
  }
  if (milestones.length > 0) blocks.push({ type: 'section', text: mrkdwn(['*Milestones*', ...milestones.map(milestoneLine)].join('\n')) });
  return blocks;
}

function statusBlock(goal: GoalView): KnownBlock {
  switch (goal.status) {
    case 'awaiting_approval':
      return {
        type: 'actions',
        block_id: GoalBlocks.review,
        elements: [
          {
            type: 'button',
            action_id: GoalActions.approve,
            text: plain('Approve', 75),
            accessibility_label: accessibilityLabel(`Approve the goal: ${goal.title}`),
            style: 'primary',
            value: reviewValue(goal),
          },
          {
            type: 'button',
            action_id: GoalActions.requestChanges,
            text: plain('Request changes', 75),
            accessibility_label: accessibilityLabel(`Request changes to the goal: ${goal.title}`),
            value: reviewValue(goal),
          },
        ],
      };
    case 'approved':
      return context(`${STATUS_LABELS.approved} by ${mention(goal.approvedBy ?? goal.mentorId)}${goal.approvedAt ? ` on ${slackDate(goal.approvedAt)}` : ''}`);
    case 'changes_requested':
      return context(`${STATUS_LABELS.changes_requested} by ${mention(goal.mentorId)}: ${typed(goal.changesComment, 500)}`);
    case 'achieved': {
      const when = goal.achievedAt ? ` on ${slackDate(goal.achievedAt)}` : '';
      const reflection = goal.reflection ? ` · ${mention(goal.menteeId)}'s reflection: _${typed(goal.reflection, 300)}_` : '';
      return context(`${STATUS_LABELS.achieved}${when}${reflection}`);
    }
    default:
      return context(STATUS_LABELS[goal.status]);
  }
}

const context = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwn(text)] });

/** The message in the pair's goals channel: the goal, then Approve/Request changes or its outcome. */
export function goalShareMessage(goal: GoalView, intro: ShareIntro = 'new'): Message {
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(introLine(goal, intro)) }, ...goalBodyBlocks(goal), statusBlock(goal)];
  const verb = goal.status === 'awaiting_approval' ? 'Goal for approval' : 'Goal';
  return { text: `${verb}: ${escapeText(truncate(goal.title, 80))}`, blocks };
}

/** An older approval message once a newer version was shared: no buttons left to press. */
export function goalSupersededMessage(goal: Pick<GoalView, 'title'>): Message {
  const text = `~${typed(goal.title, 80)}~ A newer version of this goal was shared further down; this one no longer needs approval.`;
  return { text: `Goal replaced by a newer version: ${escapeText(truncate(goal.title, 80))}`, blocks: [context(`:arrow_down: ${text}`)] };
}

/** The short celebration posted in the goals channel when a goal is achieved. */
export function goalCelebrationMessage(goal: GoalView): Message {
  const text = `:tada: ${mention(goal.menteeId)} achieved a goal: ${goalTitle(goal)}. Well done! ${mention(goal.mentorId)}, a word of congratulations in the thread goes a long way.`;
  return { text: `Goal achieved: ${escapeText(truncate(goal.title, 80))}`, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}
