import { DomainError } from '../../../errors';
import { feedbackApplyModal } from '../../blocks/feedback-modals';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parseRowId } from '../../inputs/origin';

/** "Report how I applied it" (value = request id): only the mentee who asked, once it is answered. */
export function feedbackApplyOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const requestId = parseRowId(press.value);
    if (!requestId) throw new DomainError('not_found', "I can't find that feedback request among yours.");
    const { request } = await deps.services.feedback.openForApplication(press.teamId, requestId, press.userId);
    await press.client.views.open({ trigger_id: press.triggerId, view: feedbackApplyModal(request, press) });
  });
}
