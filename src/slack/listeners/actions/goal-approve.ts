import { onAction } from '../../adapters/action';
import { staleReviewMessage } from '../../blocks/goal-messages';
import { reviewClaim } from './goal-review-press';

/**
 * Approve, on the message in the goals channel. Only the pair's mentor; the message is updated in
 * place to say who approved it and when, and the mentee hears it by DM (both through the outbox).
 * A press on an outdated message refreshes it and tells the mentor why nothing was approved.
 */
export const goalApprove = onAction({
  name: 'goal_approve',
  parse: reviewClaim,
  run: (claim, { actor }, deps) => deps.services.goalReviews.approve(actor, claim),
  reply: (review) => (review.kind === 'stale' ? { kind: 'private', message: staleReviewMessage(review.goal) } : null),
});
