import type { Goal, Pair } from '../../db/schema';
import type { Actor } from '../actor';
import type { WithEffects } from '../effects/effects';
import type { GoalEvent } from './events';
import { GOAL_GONE } from './goal-access';
import type { GoalReviewStore, GoalReviewWrites } from './goal-review.store';
import type { GoalView, MessageLocation } from './goal-view';

/** What Approve or Request changes claims: the goal and the version its message showed, and where that message is. */
export interface ReviewClaim {
  goalId: unknown;
  version: number;
  /** The message pressed (for a press in a channel message); refreshed if it is outdated. */
  pressed: MessageLocation | null;
}

/**
 * `done`: the change was made (or, for `reviewable`, may be made). `stale`: the message showed an
 * older version or state, so nothing changed and the message is refreshed instead.
 */
export type Review = WithEffects<{ kind: 'done' | 'stale'; goal: GoalView }>;

/** The refusal anyone but the pair's mentor gets on the approval message's buttons. */
const onlyMentor = (pair: Pair) => {
  const text = `Only <@${pair.mentor_id}> can approve this goal or request changes to it.`;
  return { notMember: text, role: text };
};
const ONLY_MENTOR_CHANGES = "Only the pair's mentor can request changes to this goal.";

type Change = (tx: GoalReviewWrites, goal: Goal, pair: Pair) => Promise<{ goal: Goal; event?: (view: GoalView, menteeZone: string) => GoalEvent }>;

/** The mentor's side of goals: approving, or asking for changes with a comment. */
export class GoalReviewService {
  constructor(
    private readonly store: GoalReviewStore,
    private readonly clock: () => Date,
  ) {}

  /** Approves the version the mentor saw: the approval message is updated and the mentee hears it by DM. */
  approve(actor: Actor, claim: ReviewClaim): Promise<Review> {
    return this.review(actor, claim, onlyMentor, async (tx, goal) => ({
      goal: await tx.updateGoal(goal.id, {
        status: 'approved',
        version: goal.version + 1,
        approved_by: actor.userId,
        approved_at: this.clock(),
        changes_comment: null,
      }),
      event: (view, menteeZone) => ({ type: 'goal_approved', goal: view, menteeZone }),
    }));
  }

  /** Whether a press of Request changes may open the comment modal; changes nothing but an outdated message. */
  reviewable(actor: Actor, claim: ReviewClaim): Promise<Review> {
    return this.review(actor, claim, onlyMentor, async (_tx, goal) => ({ goal }));
  }

  /** The mentor's comment: the goal goes back to the mentee, who gets the comment by DM. */
  requestChanges(actor: Actor, claim: ReviewClaim, comment: string): Promise<Review> {
    return this.review(
      actor,
      claim,
      () => ({ notMember: ONLY_MENTOR_CHANGES, role: ONLY_MENTOR_CHANGES }),
      async (tx, goal) => ({
        goal: await tx.updateGoal(goal.id, { status: 'changes_requested', version: goal.version + 1, changes_comment: comment }),
        event: (view, menteeZone) => ({ type: 'goal_changes_requested', goal: view, menteeZone }),
      }),
    );
  }

  /**
   * Authorization first: anyone but the mentor learns nothing and changes nothing, not even an
   * outdated message. Then the claim: a press on an older version or state refreshes the message.
   */
  private review(actor: Actor, claim: ReviewClaim, refusals: (pair: Pair) => { notMember: string; role: string }, change: Change): Promise<Review> {
    return this.store.transaction(async (tx) => {
      const { goal, pair } = await tx.lockGoalOfMember(actor, claim.goalId, { role: 'mentor', refusals, missing: GOAL_GONE });
      if (goal.version !== claim.version || goal.status !== 'awaiting_approval') {
        const view = await tx.view(goal, pair);
        const effects = await tx.record(actor.teamId, [{ type: 'goal_review_stale', goal: view, pressed: ours(claim.pressed, goal, pair) }]);
        return { kind: 'stale' as const, goal: view, effects };
      }
      const changed = await change(tx, goal, pair);
      const view = await tx.view(changed.goal, pair);
      const menteeZone = (await tx.zoneOf(actor.teamId, pair.mentee_id)) ?? pair.time_zone;
      const effects = await tx.record(actor.teamId, changed.event ? [changed.event(view, menteeZone)] : []);
      return { kind: 'done' as const, goal: view, effects };
    });
  }
}

/**
 * The pressed message's location is a claim (private_metadata, or any bot message with the button):
 * the bot only rewrites messages in the pair's goals channel or where the goal was last shared.
 */
function ours(pressed: MessageLocation | null, goal: Goal, pair: Pair): MessageLocation | null {
  return pressed && [pair.goals_channel_id, goal.share_channel_id].includes(pressed.channelId) ? pressed : null;
}
