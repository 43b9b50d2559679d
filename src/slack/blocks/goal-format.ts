import type { GoalStatus } from '../../db/schema';
import { progressSummary } from '../../domain/goals/goal-rules';
import type { GoalItemView } from '../../domain/goals/goal-view';
import { formatNumber } from '../../domain/goals/progress-lines';
import { formatLocalDate } from '../../domain/time/zoned';
import { escapeText, truncate } from './text';

export const STATUS_LABELS: Record<GoalStatus, string> = {
  draft: ':memo: Draft',
  awaiting_approval: ':hourglass_flowing_sand: Awaiting approval',
  changes_requested: ':pencil2: Changes requested',
  approved: ':white_check_mark: Approved',
  achieved: ':trophy: Achieved',
  dropped: ':wastebasket: Dropped',
};

/** Typed text, made safe for mrkdwn and cut to fit. */
export const typed = (text: string | null | undefined, max: number): string => escapeText(truncate((text ?? '').trim(), max));

export function progressText(items: readonly GoalItemView[]): string {
  const summary = progressSummary(items.map((item) => ({ kind: item.kind, target_value: item.target, current_value: item.current, done: item.done })));
  if (summary.percent === null) return 'no key results or milestones yet';
  const parts = [`${summary.percent}%`];
  if (summary.keyResults > 0) parts.push(`key results ${summary.keyResultsMet}/${summary.keyResults}`);
  if (summary.milestones > 0) parts.push(`milestones ${summary.milestonesDone}/${summary.milestones}`);
  return parts.join(' · ');
}

export function keyResultLine(item: GoalItemView): string {
  const title = typed(item.title, 150);
  if (item.target === null) return `${item.done ? ':ballot_box_with_check:' : ':white_large_square:'} ${title}`;
  const met = item.current >= item.target;
  return `${met ? ':ballot_box_with_check:' : ':white_large_square:'} ${title}: ${formatNumber(item.current)} of ${formatNumber(item.target)}`;
}

export function milestoneLine(item: GoalItemView): string {
  const when = item.dueDate ? formatLocalDate(item.dueDate) : '';
  return `${item.done ? ':ballot_box_with_check:' : ':white_large_square:'} ${when}: ${typed(item.title, 150)}`;
}

/**
 * An instant in a channel message that many people read: Slack renders `<!date>` in each reader's
 * own time zone; the fallback (for clients that cannot) names UTC.
 */
export function slackDate(instant: Date): string {
  const seconds = Math.floor(instant.getTime() / 1000);
  const fallback = `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`;
}

/** A day in a message: Slack shows it in each reader's own zone; the fallback names the UTC date. */
export function slackDay(instant: Date): string {
  return `<!date^${Math.floor(instant.getTime() / 1000)}^{date_short}|${instant.toISOString().slice(0, 10)}>`;
}

export const goalTitle = (goal: { title: string }): string => `*${typed(goal.title, 80)}*`;
