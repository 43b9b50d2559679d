import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { canAchieve, canShare } from '../../domain/goals/goal-rules';
import type { GoalView, PairGoalsView } from '../../domain/goals/goal-view';
import { formatLocalDate } from '../../domain/time/zoned';
import { GoalActions, GoalBlocks, OpenActions } from '../ids';
import { goalTitle, progressText, slackDay, STATUS_LABELS, typed } from './goal-format';
import type { Message } from './help';
import { accessibilityLabel, mention, mrkdwn, plain } from './text';

/** Slack refuses a message with more than 50 blocks. */
export const MESSAGE_BLOCK_LIMIT = 50;
const GOAL_BLOCKS = 2;

const button = (text: string, actionId: string, value: string, extra: Partial<Button> = {}): Button => ({
  type: 'button',
  text: plain(text, 75),
  action_id: actionId,
  value,
  ...extra,
});

function pairHead(entry: PairGoalsView, first: boolean): KnownBlock[] {
  const { pairId, role, otherId } = entry;
  const heading = role === 'mentee' ? `*Your goals* with your mentor ${mention(otherId)}` : `*${mention(otherId)}'s goals*: you are the mentor`;
  const swotText =
    role === 'mentee' ? (entry.hasSwot ? 'Update your SWOT' : 'Fill in your SWOT') : entry.hasSwot ? 'Read the SWOT' : 'SWOT (not filled in yet)';
  const blocks: KnownBlock[] = [];
  if (!first) blocks.push({ type: 'divider' });
  blocks.push({ type: 'section', block_id: GoalBlocks.pair(pairId), text: mrkdwn(heading) });
  blocks.push({
    type: 'actions',
    block_id: GoalBlocks.pairActions(pairId),
    elements: [
      button('Add a goal', OpenActions.addGoal, pairId, {
        style: 'primary',
        accessibility_label: accessibilityLabel(`Add a goal to your mentorship with ${entry.otherName}`),
      }),
      button(swotText, GoalActions.swot, pairId, { accessibility_label: accessibilityLabel(`${swotText} of your mentorship with ${entry.otherName}`) }),
    ],
  });
  if (entry.advice.length > 0) {
    blocks.push({ type: 'context', elements: entry.advice.slice(0, 2).map((line) => mrkdwn(`:seedling: ${line}`)) });
  }
  return blocks;
}

/** The goals are the mentee's: the mentor reads whose they are, never "your goals". */
const whoseGoals = (entry: PairGoalsView): string => (entry.role === 'mentee' ? 'your goals' : `${entry.otherName}'s goals`);

function goalSummaryText(goal: GoalView): string {
  const lines = [`${goalTitle(goal)}  ${STATUS_LABELS[goal.status]}`, `Target ${formatLocalDate(goal.targetDate)} · Progress: ${progressText(goal.items)}`];
  if (goal.status === 'changes_requested' && goal.changesComment) {
    lines.push(`>${mention(goal.mentorId)} asked: ${typed(goal.changesComment, 300)}`);
  }
  return lines.join('\n');
}

function goalButtons(goal: GoalView, entry: PairGoalsView): ActionsBlock {
  // Every goal has the same row of buttons: the label says which goal each one acts on.
  const about = (verb: string) => ({ accessibility_label: accessibilityLabel(`${verb}: ${goal.title}`) });
  const elements: Button[] = [button('Edit', GoalActions.edit, goal.id, about('Edit the goal'))];
  if (canShare(goal.status)) {
    elements.push(button(goal.status === 'awaiting_approval' ? 'Share again' : 'Share for approval', GoalActions.share, goal.id, about('Share for approval')));
  }
  elements.push(button('Update progress', GoalActions.progress, goal.id, about('Update progress')));
  if (canAchieve(goal.status)) {
    elements.push(
      button('Mark achieved', GoalActions.achieve, goal.id, {
        ...about('Mark achieved'),
        style: 'primary',
        confirm: {
          title: plain('Mark this goal achieved?', 100),
          text: plain('I will celebrate it in the goals channel and ask for a one-line reflection.', 300),
          confirm: plain('Achieved!', 30),
          deny: plain('Not yet', 30),
        },
      }),
    );
  }
  elements.push(
    button('Drop', GoalActions.drop, goal.id, {
      ...about('Drop the goal'),
      style: 'danger',
      confirm: {
        title: plain('Drop this goal?', 100),
        text: plain(`It will no longer count as one of ${whoseGoals(entry)}. This cannot be undone.`, 300),
        confirm: plain('Drop it', 30),
        deny: plain('Keep it', 30),
      },
    }),
  );
  return { type: 'actions', block_id: GoalBlocks.goalActions(goal.id), elements };
}

/** What the pair achieved, by name (the latest few, dated in the reader's zone), the rest counted. */
function achievedLine(entry: PairGoalsView): string {
  const named = entry.achievedGoals.map((goal) => `*${typed(goal.title, 60)}*${goal.achievedAt ? ` (${slackDay(goal.achievedAt)})` : ''}`);
  const rest = entry.achieved - named.length;
  return `:trophy: Achieved: ${named.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}.`;
}

function pairFoot(entry: PairGoalsView, shown: number): KnownBlock | null {
  const parts: string[] = [];
  if (entry.active.length === 0) parts.push('No goals on the go yet. The habit is 3-5, each with a target date.');
  const hidden = entry.activeTotal - shown;
  if (hidden > 0)
    parts.push(
      `${hidden} more goal${hidden === 1 ? '' : 's'} on the go ${hidden === 1 ? 'is' : 'are'} not shown here (Slack fits ${MESSAGE_BLOCK_LIMIT} blocks in a message).`,
    );
  if (entry.achieved > 0) parts.push(achievedLine(entry));
  if (entry.dropped > 0) parts.push(`${entry.dropped} dropped.`);
  return parts.length > 0 ? { type: 'context', elements: [mrkdwn(parts.join(' '))] } : null;
}

/**
 * The goals of each of the person's pairs, with a button for everything they can do. It always
 * fits Slack's 50 blocks: every pair that fits gets its heading, goal slots are then dealt round
 * the pairs in turn, and whatever is left out is counted, not dropped silently.
 */
export function goalListMessage(pairs: readonly PairGoalsView[], notice?: string): Message {
  const intro: KnownBlock[] = notice ? [{ type: 'section', text: mrkdwn(notice) }] : [];
  const heads = pairs.map((entry, index) => pairHead(entry, index === 0));
  let used = intro.length;
  let shownPairs = 0;
  for (const [index, head] of heads.entries()) {
    const reserveForNote = index < heads.length - 1 ? 1 : 0;
    if (used + head.length + 1 + reserveForNote > MESSAGE_BLOCK_LIMIT) break;
    used += head.length + 1; // the pair's footer slot
    shownPairs += 1;
  }
  const hiddenPairs = pairs.length - shownPairs;
  let free = MESSAGE_BLOCK_LIMIT - used - (hiddenPairs > 0 ? 1 : 0);
  const slots = new Array<number>(shownPairs).fill(0);
  for (let progressed = true; progressed && free >= GOAL_BLOCKS;) {
    progressed = false;
    for (let i = 0; i < shownPairs && free >= GOAL_BLOCKS; i += 1) {
      if (slots[i]! < pairs[i]!.active.length) {
        slots[i]! += 1;
        free -= GOAL_BLOCKS;
        progressed = true;
      }
    }
  }
  const blocks = [...intro];
  for (let i = 0; i < shownPairs; i += 1) {
    const entry = pairs[i]!;
    blocks.push(...heads[i]!);
    for (const goal of entry.active.slice(0, slots[i])) {
      blocks.push({ type: 'section', block_id: GoalBlocks.goal(goal.id), text: mrkdwn(goalSummaryText(goal)) });
      blocks.push(goalButtons(goal, entry));
    }
    const foot = pairFoot(entry, slots[i]!);
    if (foot) blocks.push(foot);
  }
  if (hiddenPairs > 0) {
    blocks.push({
      type: 'context',
      elements: [
        mrkdwn(`${hiddenPairs} more mentorship${hiddenPairs === 1 ? '' : 's'} not shown here (Slack fits ${MESSAGE_BLOCK_LIMIT} blocks in a message).`),
      ],
    });
  }
  const count = pairs.reduce((sum, entry) => sum + entry.activeTotal, 0);
  return { text: `${notice ? `${notice} ` : ''}Goals on the go: ${count}.`, blocks };
}
