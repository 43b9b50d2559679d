import type {
  GoalAchieved,
  GoalEvent,
  GoalApproved,
  GoalChangesRequested,
  GoalDropped,
  GoalProgressRecorded,
  GoalReflected,
  GoalReviewStale,
  GoalSaved,
  GoalShared,
  SwotSaved,
} from '../../domain/goals/events';
import { type GoalView, sameMessage } from '../../domain/goals/goal-view';
import { progressIsNews } from '../../domain/goals/progress-changes';
import { GOAL_SHARE_POSTED } from '../../domain/goals/share-posted';
import { approvedDm, changesRequestedDm, reflectionPromptDm, reflectionSavedDm } from '../blocks/goal-messages';
import { goalProgressDm } from '../blocks/goal-progress-messages';
import { goalCelebrationMessage, goalShareMessage, goalSupersededMessage } from '../blocks/goal-share';
import { dmTo, type EffectPlan, type PlannedNotice, postIn, updateOf } from './plan';

/*
 * Goals' messages: the approval message in the pair's goals channel (posted, then kept up to date
 * with chat.update), the DMs to the mentee, the celebration. Channel posts and updates go at once;
 * a DM to the mentee waits for the end of their quiet hours unless they did it themselves.
 */

const both = (goal: GoalView): string[] => [goal.mentorId, goal.menteeId];

/**
 * The goal's approval message, re-rendered as the goal is now. Nothing before it was posted: once it
 * is, its hook (hooks.ts) brings it up to date if the goal moved on meanwhile.
 */
export const approvalUpdate = (goal: GoalView): PlannedNotice[] =>
  goal.shareLocation ? [{ topic: 'goal_approval_refreshed', target: updateOf(goal.shareLocation), message: goalShareMessage(goal) }] : [];

const plan = (goal: GoalView, notices: PlannedNotice[]): EffectPlan => ({ pairId: goal.pairId, notices, home: both(goal) });

const goalShared = (event: GoalShared): EffectPlan =>
  plan(event.goal, [
    {
      topic: event.type,
      target: postIn(event.goal.goalsChannelId),
      message: goalShareMessage(event.goal, event.intro),
      // Approve will update this very message: the dispatcher records where it landed, once posted,
      // and which version it shows, so a change made before then still reaches it.
      onPosted: { hook: GOAL_SHARE_POSTED, args: { goalId: event.goal.id, version: event.goal.version } },
    },
    ...(event.previous ? [{ topic: 'goal_superseded', target: updateOf(event.previous), message: goalSupersededMessage(event.goal) }] : []),
  ]);

const goalSaved = (event: GoalSaved): EffectPlan => plan(event.goal, event.refreshApproval ? approvalUpdate(event.goal) : []);

const goalApproved = (event: GoalApproved): EffectPlan =>
  plan(event.goal, [
    ...approvalUpdate(event.goal),
    {
      topic: event.type,
      target: dmTo(event.goal.menteeId),
      message: approvedDm(event.goal, event.menteeZone),
      timing: { zone: event.menteeZone, isActor: false },
    },
  ]);

const goalChangesRequested = (event: GoalChangesRequested): EffectPlan =>
  plan(event.goal, [
    ...approvalUpdate(event.goal),
    { topic: event.type, target: dmTo(event.goal.menteeId), message: changesRequestedDm(event.goal), timing: { zone: event.menteeZone, isActor: false } },
  ]);

const goalAchieved = (event: GoalAchieved): EffectPlan =>
  plan(event.goal, [
    { topic: event.type, target: postIn(event.goal.goalsChannelId), message: goalCelebrationMessage(event.goal) },
    ...approvalUpdate(event.goal),
    {
      topic: 'goal_reflection_prompt',
      target: dmTo(event.goal.menteeId),
      message: reflectionPromptDm(event.goal),
      timing: { zone: event.menteeZone, isActor: event.actorId === event.goal.menteeId },
    },
  ]);

const goalReflected = (event: GoalReflected): EffectPlan =>
  plan(event.goal, [
    ...approvalUpdate(event.goal),
    ...(event.prompt ? [{ topic: 'goal_reflection_saved', target: updateOf(event.prompt), message: reflectionSavedDm(event.goal) }] : []),
  ]);

const goalDropped = (event: GoalDropped): EffectPlan => plan(event.goal, approvalUpdate(event.goal));

/** The goal's message follows its progress; the other person hears what moved, after their quiet hours. */
const goalProgressRecorded = (event: GoalProgressRecorded): EffectPlan =>
  plan(event.goal, [
    ...approvalUpdate(event.goal),
    ...(progressIsNews(event.goal.status)
      ? [
          {
            topic: event.type,
            target: dmTo(event.readerId),
            message: goalProgressDm(event.goal, event.actorId, event.changes),
            timing: { zone: event.readerZone, isActor: false },
          },
        ]
      : []),
  ]);

/**
 * A review on an outdated message. The goal's own message shows it as it is; an older message that
 * was pressed says a newer one replaced it. With no message recorded (yet), the pressed one itself
 * is brought up to date.
 */
const goalReviewStale = (event: GoalReviewStale): EffectPlan => {
  const { goal, pressed } = event;
  if (!pressed || !goal.shareLocation || sameMessage(pressed, goal.shareLocation)) {
    const location = goal.shareLocation ?? pressed;
    return plan(goal, location ? [{ topic: 'goal_approval_refreshed', target: updateOf(location), message: goalShareMessage(goal) }] : []);
  }
  return plan(goal, [...approvalUpdate(goal), { topic: 'goal_superseded', target: updateOf(pressed), message: goalSupersededMessage(goal) }]);
};

const swotSaved = (event: SwotSaved): EffectPlan => ({ pairId: event.pairId, notices: [], home: [event.mentorId, event.menteeId] });

/** Every goal event's planner, spread into the recorder's PLANNERS. */
export const GOAL_PLANNERS: { [T in GoalEvent['type']]: (event: Extract<GoalEvent, { type: T }>) => EffectPlan } = {
  goal_shared: goalShared,
  goal_saved: goalSaved,
  goal_approved: goalApproved,
  goal_changes_requested: goalChangesRequested,
  goal_achieved: goalAchieved,
  goal_reflected: goalReflected,
  goal_dropped: goalDropped,
  goal_progress_recorded: goalProgressRecorded,
  goal_review_stale: goalReviewStale,
  swot_saved: swotSaved,
};
