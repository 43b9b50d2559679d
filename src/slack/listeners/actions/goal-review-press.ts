import type { ReviewClaim } from '../../../domain/goals/goal-review.service';
import type { Press } from '../../adapters/action';
import { parseReviewValue } from '../../inputs/goal-values';

/**
 * Approve and Request changes (value = `<goal id>:<version>`), on the approval message: the claim,
 * with where the pressed message is so an outdated one can be refreshed (an ephemeral copy cannot be).
 */
export function reviewClaim(press: Press): ReviewClaim | null {
  const review = parseReviewValue(press.value);
  if (!review) return null;
  const pressed = press.actor.channelId && press.messageTs && !press.ephemeral ? { channelId: press.actor.channelId, ts: press.messageTs } : null;
  return { ...review, pressed };
}
