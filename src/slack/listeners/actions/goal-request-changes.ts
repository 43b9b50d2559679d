import { onAction } from '../../adapters/action';
import { goalChangesModal, staleReviewMessage } from '../../blocks/goal-messages';
import { reviewClaim } from './goal-review-press';

/** Request changes, on the message in the goals channel: the mentor's comment modal; anyone else is refused. */
export const goalRequestChanges = onAction({
  name: 'goal_request_changes',
  // The modal remembers which message it came from, to refresh it if the goal moves on meanwhile.
  parse: (press) => {
    const claim = reviewClaim(press);
    return claim?.pressed ? { ...claim, pressed: claim.pressed } : null;
  },
  run: async (claim, { actor }, deps) => ({ ...(await deps.services.goalReviews.reviewable(actor, claim)), pressed: claim.pressed }),
  reply: (review) =>
    review.kind === 'stale'
      ? { kind: 'private', message: staleReviewMessage(review.goal) }
      : { kind: 'open', view: goalChangesModal(review.goal, review.pressed) },
});
