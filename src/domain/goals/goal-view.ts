import type { Goal, GoalStatus, Pair, ProgressItemKind } from '../../db/schema';
import type { ProgressItem } from './goals.repository';

/** Where a message the bot posted sits, so a later chat.update can find it. */
export interface MessageLocation {
  channelId: string;
  ts: string;
}

/** A key result or milestone as every screen shows it. */
export interface GoalItemView {
  id: string;
  kind: ProgressItemKind;
  title: string;
  /** A number to reach; null for a done/not-done key result and for milestones. */
  target: number | null;
  current: number;
  done: boolean;
  /** 'YYYY-MM-DD', for a milestone. */
  dueDate: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

/**
 * A goal with its pair's two people and its items: what the goal list, the approval message, the
 * DMs and the modals show. Services build it from rows; the block builders take nothing else, and
 * events carry it so their messages need no reads.
 */
export interface GoalView {
  id: string;
  pairId: string;
  mentorId: string;
  menteeId: string;
  goalsChannelId: string;
  title: string;
  specific: string | null;
  measurable: string | null;
  achievable: string | null;
  relevant: string | null;
  objective: string | null;
  /** 'YYYY-MM-DD' */
  targetDate: string;
  status: GoalStatus;
  /** Bumped by every change of substance or status: the approval buttons carry it. */
  version: number;
  approvedBy: string | null;
  approvedAt: Date | null;
  changesComment: string | null;
  achievedAt: Date | null;
  reflection: string | null;
  /** The newest approval message in the goals channel, once one was posted. */
  shareLocation: MessageLocation | null;
  /** Key results first, then milestones, each in the order they were typed. */
  items: GoalItemView[];
}

/** One pair's goals as one of its members sees them in their goal list. */
export interface PairGoalsView {
  pairId: string;
  role: 'mentor' | 'mentee';
  otherId: string;
  /** The other person's display name as the bot knows it (button labels read aloud cannot mention). */
  otherName: string;
  mentorId: string;
  /** Goals still being worked on, soonest target first (at most GOALS_LISTED_PER_PAIR of them). */
  active: GoalView[];
  /** All the goals on the go, listed or not. */
  activeTotal: number;
  achieved: number;
  /** The most recently achieved, newest first (at most ACHIEVED_LISTED_PER_PAIR; `achieved` counts them all). */
  achievedGoals: Array<{ title: string; achievedAt: Date | null }>;
  dropped: number;
  advice: string[];
  hasSwot: boolean;
}

export const shareLocationOf = (goal: Pick<Goal, 'share_channel_id' | 'share_message_ts'>): MessageLocation | null =>
  goal.share_channel_id && goal.share_message_ts ? { channelId: goal.share_channel_id, ts: goal.share_message_ts } : null;

export const sameMessage = (a: MessageLocation | null, b: MessageLocation | null): boolean => !!a && !!b && a.channelId === b.channelId && a.ts === b.ts;

/** A goal's items in the order they were typed: key results first, then milestones. */
export function itemsOf(items: readonly ProgressItem[], goalId: string): ProgressItem[] {
  return items.filter((item) => item.goal_id === goalId).sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'key_result' ? -1 : 1));
}

const itemView = (item: ProgressItem): GoalItemView => ({
  id: item.id,
  kind: item.kind,
  title: item.title,
  target: item.target_value,
  current: item.current_value,
  done: item.done,
  dueDate: item.due_date,
  updatedBy: item.updated_by,
  updatedAt: item.updated_at,
});

export function goalViewOf(goal: Goal, pair: Pick<Pair, 'mentor_id' | 'mentee_id' | 'goals_channel_id'>, items: readonly ProgressItem[]): GoalView {
  return {
    id: goal.id,
    pairId: goal.pair_id,
    mentorId: pair.mentor_id,
    menteeId: pair.mentee_id,
    goalsChannelId: pair.goals_channel_id,
    title: goal.title,
    specific: goal.specific,
    measurable: goal.measurable,
    achievable: goal.achievable,
    relevant: goal.relevant,
    objective: goal.objective,
    targetDate: goal.target_date,
    status: goal.status,
    version: goal.version,
    approvedBy: goal.approved_by,
    approvedAt: goal.approved_at,
    changesComment: goal.changes_comment,
    achievedAt: goal.achieved_at,
    reflection: goal.reflection,
    shareLocation: shareLocationOf(goal),
    items: itemsOf(items, goal.id).map(itemView),
  };
}
