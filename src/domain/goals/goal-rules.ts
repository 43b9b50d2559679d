import type { GoalStatus } from '../../db/schema';
import { DomainError } from '../../errors';
import type { FieldErrors } from '../pairs/pair-rules';
import { addMonths } from '../time/local-dates';
import { formatLocalDate } from '../time/zoned';
import { type KeyResultLine, MAX_KEY_RESULTS, type MilestoneLine } from './progress-lines';

export const TITLE_MAX = 80;
export const SMART_TEXT_MAX = 500;
export const OBJECTIVE_MAX = 150;
export const COMMENT_MAX = 1000;
export const REFLECTION_MAX = 280;
/** The habit: 3-5 goals at a time. */
export const HABIT_MIN_GOALS = 3;
export const HABIT_MAX_GOALS = 5;

export type GoalField = 'title' | 'specific' | 'measurable' | 'achievable' | 'relevant' | 'objective' | 'targetDate' | 'keyResults' | 'milestones';

/** A goal as typed in the modal, after the lines were parsed. */
export interface GoalDraft {
  title: string;
  specific: string;
  measurable: string;
  achievable: string | null;
  relevant: string | null;
  objective: string | null;
  targetDate: string;
  keyResults: KeyResultLine[];
  milestones: MilestoneLine[];
}

/** Still being worked on: these count towards the 3-5 habit and can be edited or dropped. */
export const ACTIVE_STATUSES = ['draft', 'awaiting_approval', 'changes_requested', 'approved'] as const satisfies readonly GoalStatus[];
/** Shared with the mentor at least once and not dropped. */
export const SHARED_STATUSES = ['awaiting_approval', 'changes_requested', 'approved', 'achieved'] as const satisfies readonly GoalStatus[];

/**
 * Goals on the go loaded per pair for `/mentorship goals`: a Slack message holds 50 blocks and a goal
 * takes two, so more could never be shown; the rest are counted ("N more goals on the go").
 */
export const GOALS_LISTED_PER_PAIR = 25;
/** Achieved goals the goal list names per pair (the rest are counted): a record of what the pair achieved. */
export const ACHIEVED_LISTED_PER_PAIR = 5;

export const isActive = (status: GoalStatus): boolean => (ACTIVE_STATUSES as readonly GoalStatus[]).includes(status);
export const canShare = (status: GoalStatus): boolean => status === 'draft' || status === 'changes_requested' || status === 'awaiting_approval';
/** Achieved is a claim against what the mentor approved. */
export const canAchieve = (status: GoalStatus): boolean => status === 'approved';

/** A status in a sentence: "That goal is awaiting approval". */
export const STATUS_WORDS: Record<GoalStatus, string> = {
  draft: 'a draft',
  awaiting_approval: 'awaiting approval',
  changes_requested: 'waiting for changes',
  approved: 'already approved',
  achieved: 'already achieved',
  dropped: 'dropped',
};

/*
 * Refusals name the goal as "that goal", not by its title: they are shown as Slack text, and a title
 * is typed text that would have to be escaped there (the buttons that lead here sit next to the title).
 */

/** An achieved or dropped goal is history: nothing about it changes any more. */
export function closedRefusal(status: GoalStatus): DomainError | null {
  return isActive(status) ? null : new DomainError('conflict', `That goal is ${STATUS_WORDS[status]}; it can no longer be changed.`, 'title');
}

/** Why a goal cannot go to the mentor for approval now, or null: its status, or a target date already past. */
export function shareRefusal(goal: { status: GoalStatus; target_date: string }, today: string): DomainError | null {
  if (!canShare(goal.status)) return new DomainError('conflict', `That goal is ${STATUS_WORDS[goal.status]}; there is nothing to share.`);
  if (goal.target_date <= today)
    return new DomainError('invalid_input', 'The target date of that goal has passed. Edit the goal to pick a new one, then share it.');
  return null;
}

/**
 * The rules that need the pair: the target date lies after today and no later than the mentorship's
 * planned end, and no milestone falls after the target date. Dates are local calendar dates.
 */
export function validateGoalDraft(draft: GoalDraft, context: { today: string; plannedEnd: string }): FieldErrors<GoalField> {
  const errors: FieldErrors<GoalField> = {};
  const title = draft.title.trim();
  if (title === '' || title.length > TITLE_MAX) errors.title = `Give the goal a short title (${TITLE_MAX} characters at most).`;
  if (draft.keyResults.length > MAX_KEY_RESULTS) errors.keyResults = `At most ${MAX_KEY_RESULTS} key results.`;
  if (draft.targetDate <= context.today) {
    errors.targetDate = `Pick a target date after today (${formatLocalDate(context.today)}).`;
  } else if (draft.targetDate > context.plannedEnd) {
    errors.targetDate = `Pick a target date no later than the end of the mentorship (${formatLocalDate(context.plannedEnd)}).`;
  }
  // Against a target date that is itself wrong, a milestone error would only confuse.
  const late = errors.targetDate ? undefined : draft.milestones.find((milestone) => milestone.dueDate > draft.targetDate);
  if (late) {
    errors.milestones = `Line ${late.line}: ${late.dueDate} is after the goal's target date (${formatLocalDate(draft.targetDate)}); move the milestone or the target date.`;
  }
  return errors;
}

/** What approval is about. Progress, status and the reflection are not. */
export interface GoalSubstance {
  title: string;
  specific: string | null;
  measurable: string | null;
  achievable: string | null;
  relevant: string | null;
  objective: string | null;
  targetDate: string;
  keyResults: readonly { title: string; target: number | null }[];
  milestones: readonly { title: string; dueDate: string }[];
}

export function substanceOfDraft(draft: GoalDraft): GoalSubstance {
  return {
    ...draft,
    keyResults: draft.keyResults.map(({ title, target }) => ({ title, target })),
    milestones: draft.milestones.map(({ title, dueDate }) => ({ title, dueDate })),
  };
}

export function substanceChanged(before: GoalSubstance, after: GoalSubstance): boolean {
  const text = (value: string | null): string => (value ?? '').trim();
  const fields = ['title', 'specific', 'measurable', 'achievable', 'relevant', 'objective', 'targetDate'] as const;
  if (fields.some((field) => text(before[field]) !== text(after[field]))) return true;
  const keyResults = (list: GoalSubstance['keyResults']) => JSON.stringify(list.map((item) => [item.title.trim(), item.target]));
  const milestones = (list: GoalSubstance['milestones']) => JSON.stringify(list.map((item) => [item.title.trim(), item.dueDate]));
  return keyResults(before.keyResults) !== keyResults(after.keyResults) || milestones(before.milestones) !== milestones(after.milestones);
}

/** What an edit does to a goal's status, and what its message in the goals channel needs. */
export interface EditOutcome {
  status: GoalStatus;
  bumpVersion: boolean;
  /** 'refresh' updates the existing approval message; 'repost' posts a new one (the mentor must notice). */
  channel: 'none' | 'refresh' | 'repost';
  clearApproval: boolean;
}

export function editOutcome(status: GoalStatus, changed: boolean): EditOutcome {
  if (!changed) return { status, bumpVersion: false, channel: 'none', clearApproval: false };
  if (status === 'approved') return { status: 'awaiting_approval', bumpVersion: true, channel: 'repost', clearApproval: true };
  if (status === 'awaiting_approval') return { status, bumpVersion: true, channel: 'refresh', clearApproval: false };
  return { status, bumpVersion: true, channel: 'none', clearApproval: false };
}

export interface ProgressItemLike {
  kind: 'key_result' | 'milestone';
  target_value: number | null;
  current_value: number;
  done: boolean;
}

export interface ProgressSummary {
  /** 0-100, or null when the goal has nothing to measure yet. */
  percent: number | null;
  keyResultsMet: number;
  keyResults: number;
  milestonesDone: number;
  milestones: number;
}

/** Each key result and milestone weighs the same; a numeric key result counts its share of the target. */
export function progressSummary(items: readonly ProgressItemLike[]): ProgressSummary {
  let sum = 0;
  let keyResultsMet = 0;
  let milestonesDone = 0;
  for (const item of items) {
    const share = itemShare(item);
    sum += share;
    if (item.kind === 'key_result' && share >= 1) keyResultsMet += 1;
    if (item.kind === 'milestone' && item.done) milestonesDone += 1;
  }
  const keyResults = items.filter((item) => item.kind === 'key_result').length;
  return {
    percent: items.length === 0 ? null : Math.round((100 * sum) / items.length),
    keyResultsMet,
    keyResults,
    milestonesDone,
    milestones: items.length - keyResults,
  };
}

function itemShare(item: ProgressItemLike): number {
  if (item.kind === 'milestone' || item.target_value === null) return item.done ? 1 : 0;
  if (item.target_value <= 0) return 0;
  return Math.min(1, Math.max(0, item.current_value / item.target_value));
}

export interface HabitFacts {
  activeCount: number;
  sharedCount: number;
  /** The pair's start, 'YYYY-MM-DD'. */
  startedOn: string;
  today: string;
}

/**
 * Gentle notes on the 3-5 habit: too many goals at once, or too few shared in the pair's first
 * month. Advice only: nothing is ever refused for it.
 */
export function habitAdvice(facts: HabitFacts): string[] {
  const advice: string[] = [];
  if (facts.activeCount > HABIT_MAX_GOALS) {
    advice.push(
      `You have ${facts.activeCount} goals on the go. ${HABIT_MIN_GOALS}-${HABIT_MAX_GOALS} at a time keeps each one moving; consider marking one achieved or dropping one.`,
    );
  }
  const firstMonthEnds = addMonths(facts.startedOn, 1);
  if (facts.today < firstMonthEnds && facts.sharedCount < HABIT_MIN_GOALS) {
    advice.push(
      `In the first month, aim to share ${HABIT_MIN_GOALS}-${HABIT_MAX_GOALS} goals for approval (${facts.sharedCount} shared so far; the first month ends ${formatLocalDate(firstMonthEnds)}).`,
    );
  }
  return advice;
}

/** Said when the add-goal modal opens for a pair that already has five or more goals on the go. */
export function beforeAddingAdvice(activeCount: number): string | null {
  if (activeCount < HABIT_MAX_GOALS) return null;
  return `You already have ${activeCount} goals on the go. You can add another, but ${HABIT_MIN_GOALS}-${HABIT_MAX_GOALS} at a time keeps each one moving: maybe mark one achieved or drop one first.`;
}
