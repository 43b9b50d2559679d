import type { KnownBlock } from '@slack/types';
import type { GoalView } from '../../domain/goals/goal-view';
import { changeVerb, type ProgressChange } from '../../domain/goals/progress-changes';
import { formatNumber } from '../../domain/goals/progress-lines';
import { goalTitle, progressText, typed } from './goal-format';
import type { Message } from './help';
import { channelLink, escapeText, mention, mrkdwn, truncate } from './text';

/** A message carries at most this many items; a larger update says how many more moved. */
const MAX_LINES = 12;

function changeLine(change: ProgressChange): string {
  const what = change.kind === 'milestone' ? 'Milestone' : 'Key result';
  const title = `*${typed(change.title, 150)}*`;
  const figures =
    change.target === null ? '' : `: ${formatNumber(change.before.current)} → ${formatNumber(change.after.current)} of ${formatNumber(change.target)}`;
  switch (changeVerb(change)) {
    case 'done':
      return `:ballot_box_with_check: ${what} ${change.kind === 'milestone' ? 'done' : 'met'}: ${title}${figures}`;
    case 'reopened':
      return `:white_large_square: ${what} reopened: ${title}${figures}`;
    case 'moved':
      return `:chart_with_upwards_trend: ${what} ${title}${figures}`;
  }
}

/**
 * To the other person of the pair: what moved on a goal, item by item, and where the goal stands now
 * (in words as well as figures, so it reads the same aloud).
 */
export function goalProgressDm(goal: GoalView, actorId: string, changes: readonly ProgressChange[]): Message {
  const lines = changes.slice(0, MAX_LINES).map(changeLine);
  if (changes.length > MAX_LINES) lines.push(`…and ${changes.length - MAX_LINES} more.`);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`${mention(actorId)} recorded progress on ${goalTitle(goal)}:\n${lines.join('\n')}`) },
    {
      type: 'context',
      elements: [mrkdwn(`Now: ${progressText(goal.items)}. The goal's message in ${channelLink(goal.goalsChannelId)} shows it too.`)],
    },
  ];
  return { text: `${mention(actorId)} recorded progress on ${escapeText(truncate(goal.title, 80))}`, blocks };
}
