import { DomainError } from '../../../errors';
import { feedbackAnswerModal } from '../../blocks/feedback-modals';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parseRowId } from '../../inputs/origin';

/** "Answer" (value = request id): only the person asked, while it is unanswered. */
export function feedbackAnswerOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const requestId = parseRowId(press.value);
    if (!requestId) throw new DomainError('not_found', "I can't find that feedback request among yours.");
    const { request } = await deps.services.feedback.openForAnswer(press.teamId, requestId, press.userId);
    await press.client.views.open({ trigger_id: press.triggerId, view: feedbackAnswerModal(request, press) });
  });
}
