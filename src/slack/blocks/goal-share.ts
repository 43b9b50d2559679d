import type { KnownBlock } from '@slack/types';
import type { Goal } from '../../db/schema';
import type { GoalDetails } from '../../domain/goals/goal-access';
import { formatLocalDate } from '../../domain/time/zoned';
import { GoalActions, GoalBlocks } from '../ids';
import { goalTitle, keyResultLine, milestoneLine, slackDate, STATUS_LABELS, typed } from './goal-format';
import type { Message } from './help';
import { escapeText, mention, mrkdwn, plain, truncate } from './text';

/** The approval buttons carry the version they were rendered for: an older press is recognised. */
export const reviewValue = (goal: Pick<Goal, 'id' | 'version'>): string => `${goal.id}:${goal.version}`;

export type ShareIntro = 'new' | 'again';

function introLine(details: GoalDetails, intro: ShareIntro): string {
  const { goal, pair } = details;
  if (goal.status !== 'awaiting_approval') return `:dart: Goal for ${mention(pair.mentee_id)}, mentored by ${mention(pair.mentor_id)}`;
  if (intro === 'again') {
    return `:arrows_counterclockwise: ${mention(pair.mentee_id)}'s approved goal has changed. ${mention(pair.mentor_id)}, it needs your approval again.`;
  }
  return `:dart: New goal for ${mention(pair.mentee_id)}. ${mention(pair.mentor_id)}, please approve it or request changes.`;
}

/** The goal itself, as SMART: what, how measured, why realistic, why it matters, by when. */
export function goalBodyBlocks(details: GoalDetails): KnownBlock[] {
  const { goal, items } = details;
  const smart = [
    goalTitle(goal),
    goal.specific ? `*Specific:* ${typed(goal.specific, 500)}` : '',
    goal.measurable ? `*Measurable:* ${typed(goal.measurable, 500)}` : '',
    goal.achievable ? `*Achievable:* ${typed(goal.achievable, 500)}` : '',
    goal.relevant ? `*Relevant:* ${typed(goal.relevant, 500)}` : '',
    `*Time-bound:* by ${formatLocalDate(goal.target_date)}`,
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

function statusBlock(details: GoalDetails): KnownBlock {
  const { goal, pair } = details;
  switch (goal.status) {
    case 'awaiting_approval':
      return {
        type: 'actions',
        block_id: GoalBlocks.review,
        elements: [
          { type: 'button', action_id: GoalActions.approve, text: plain('Approve', 75), style: 'primary', value: reviewValue(goal) },
          { type: 'button', action_id: GoalActions.requestChanges, text: plain('Request changes', 75), value: reviewValue(goal) },
        ],
      };
    case 'approved':
      return context(`${STATUS_LABELS.approved} by ${mention(goal.approved_by ?? pair.mentor_id)}${goal.approved_at ? ` on ${slackDate(goal.approved_at)}` : ''}`);
    case 'changes_requested':
      return context(`${STATUS_LABELS.changes_requested} by ${mention(pair.mentor_id)}: ${typed(goal.changes_comment, 500)}`);
    case 'achieved': {
      const when = goal.achieved_at ? ` on ${slackDate(goal.achieved_at)}` : '';
      const reflection = goal.reflection ? ` · ${mention(pair.mentee_id)}'s reflection: _${typed(goal.reflection, 300)}_` : '';
      return context(`${STATUS_LABELS.achieved}${when}${reflection}`);
    }
    default:
      return context(STATUS_LABELS[goal.status]);
  }
}

const context = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwn(text)] });

/** The message in the pair's goals channel: the goal, then Approve/Request changes or its outcome. */
export function goalShareMessage(details: GoalDetails, intro: ShareIntro = 'new'): Message {
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(introLine(details, intro)) },
    ...goalBodyBlocks(details),
    statusBlock(details),
  ];
  const verb = details.goal.status === 'awaiting_approval' ? 'Goal for approval' : 'Goal';
  return { text: `${verb}: ${escapeText(truncate(details.goal.title, 80))}`, blocks };
}

/** An older approval message once a newer version was shared: no buttons left to press. */
export function goalSupersededMessage(goal: Goal): Message {
  const text = `~${typed(goal.title, 80)}~ A newer version of this goal was shared further down; this one no longer needs approval.`;
  return { text: `Goal replaced by a newer version: ${escapeText(truncate(goal.title, 80))}`, blocks: [context(`:arrow_down: ${text}`)] };
}

/** The short celebration posted in the goals channel when a goal is achieved. */
export function goalCelebrationMessage(details: GoalDetails): Message {
  const { goal, pair } = details;
  const text = `:tada: ${mention(pair.mentee_id)} achieved a goal: ${goalTitle(goal)}. Well done! ${mention(pair.mentor_id)}, a word of congratulations in the thread goes a long way.`;
  return { text: `Goal achieved: ${escapeText(truncate(goal.title, 80))}`, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}
