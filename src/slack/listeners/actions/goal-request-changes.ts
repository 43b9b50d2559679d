import { goalChangesModal } from '../../blocks/goal-messages';
import type { AppDeps } from '../../context';
import { parseReviewValue } from '../../inputs/goal-values';
import { goalAction } from './goal-action';
import { answerNotDone } from './goal-review-outcome';

/** Request changes (value = goal id:version): the mentor's comment modal; anyone else is refused. */
export function goalRequestChanges(deps: AppDeps) {
  return goalAction(deps, 'goal_request_changes', async ({ body, client }, { value, where, log }) => {
    const review = parseReviewValue(value);
    if (!review || !where.channelId || !where.messageTs) return log.warn({ value }, 'request changes pressed with a malformed value');
    const outcome = await deps.services.goalReviews.checkReviewable(where.teamId, review.goalId, review.version, where.userId);
    if (outcome.kind !== 'done') return answerNotDone(client, deps, outcome, where, log);
    const view = goalChangesModal(outcome.details, { channelId: where.channelId, ts: where.messageTs });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });
}
