import { approvedDm } from '../../blocks/goal-messages';
import type { AppDeps } from '../../context';
import { parseReviewValue } from '../../inputs/goal-values';
import { goalAction } from './goal-action';
import { dm, refreshApprovalMessage, refreshHomes } from './goal-effects';
import { answerNotDone } from './goal-review-outcome';

/**
 * Approve (value = goal id:version), on the message in the goals channel. Only the pair's mentor;
 * the message is updated in place to say who approved and when, and the mentee hears it by DM.
 */
export function goalApprove(deps: AppDeps) {
  return goalAction(deps, 'goal_approve', async ({ client }, { value, where, log }) => {
    const review = parseReviewValue(value);
    if (!review) return log.warn({ value }, 'approve pressed with a malformed value');
    const outcome = await deps.services.goalReviews.approve(where.teamId, review.goalId, review.version, where.userId);
    if (outcome.kind !== 'done') return answerNotDone(client, deps, outcome, where, log);
    const { details } = outcome;
    log.info({ goalId: details.goal.id }, 'goal approved');
    await refreshApprovalMessage(client, details, log);
    const mentee = await deps.services.people.find(details.pair.team_id, details.pair.mentee_id);
    await dm(client, deps, details.pair.team_id, details.pair.mentee_id, approvedDm(details, mentee?.time_zone ?? 'UTC'), log);
    await refreshHomes(client, deps, details);
  });
}
