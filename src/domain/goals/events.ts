import type { GoalView, MessageLocation } from './goal-view';
import type { ProgressChange } from './progress-changes';

/**
 * What happens to goals, as the effects module hears it. Each carries the goal as its messages show
 * it (and the mentee's zone where a DM goes to them), so no planner reads anything.
 */

/**
 * Shared for the mentor's approval: posted in the pair's goals channel (where it landed is recorded
 * on the goal once it is posted); the previous approval message, if any, is marked replaced.
 * `again`: an approved goal whose substance changed, back for approval.
 */
export interface GoalShared {
  type: 'goal_shared';
  goal: GoalView;
  intro: 'new' | 'again';
  previous: MessageLocation | null;
}

/** Created or edited; `refreshApproval`: the message still waiting for the mentor shows the new version. */
export interface GoalSaved {
  type: 'goal_saved';
  goal: GoalView;
  refreshApproval: boolean;
}

/** The mentor approved: the approval message says so, the mentee hears it by DM. */
export interface GoalApproved {
  type: 'goal_approved';
  goal: GoalView;
  menteeZone: string;
}

/** The mentor asked for changes: the approval message shows the comment, the mentee gets it by DM. */
export interface GoalChangesRequested {
  type: 'goal_changes_requested';
  goal: GoalView;
  menteeZone: string;
}

/** Achieved (by either person): a celebration in the goals channel, and the mentee is asked for a reflection. */
export interface GoalAchieved {
  type: 'goal_achieved';
  goal: GoalView;
  actorId: string;
  menteeZone: string;
}

/** The mentee's reflection: the approval message shows it, and the prompt in their DM loses its button. */
export interface GoalReflected {
  type: 'goal_reflected';
  goal: GoalView;
  /** The DM prompt the modal was opened from, when it is in the mentee's own DM with the bot. */
  prompt: MessageLocation | null;
}

export interface GoalDropped {
  type: 'goal_dropped';
  goal: GoalView;
}

/**
 * Key results and milestones moved: the goal's message in the goals channel follows, and the other
 * person of the pair is told what moved (once the goal has left the mentee's drafts).
 */
export interface GoalProgressRecorded {
  type: 'goal_progress_recorded';
  goal: GoalView;
  actorId: string;
  /** The other person of the pair, and their zone (their quiet hours). */
  readerId: string;
  readerZone: string;
  changes: ProgressChange[];
}

/**
 * Approve or Request changes on a message that no longer shows the goal as it is: the goal's own
 * message is refreshed, and `pressed` (an older one in the pair's goals channel) marked replaced.
 */
export interface GoalReviewStale {
  type: 'goal_review_stale';
  goal: GoalView;
  pressed: MessageLocation | null;
}

export interface SwotSaved {
  type: 'swot_saved';
  pairId: string;
  mentorId: string;
  menteeId: string;
}

export type GoalEvent =
  | GoalShared
  | GoalSaved
  | GoalApproved
  | GoalChangesRequested
  | GoalAchieved
  | GoalReflected
  | GoalDropped
  | GoalProgressRecorded
  | GoalReviewStale
  | SwotSaved;
