import { FEEDBACK_NOT_FOUND } from '../../../domain/feedback/feedback.service';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { feedbackApplyModal } from '../../blocks/feedback-modals';
import { modalSource } from '../../inputs/origin';

/** "Report how I applied it" (value = request id): only the mentee who asked, once it is answered. */
export const feedbackApplyOpen = onAction({
  name: 'feedback_apply_open',
  parse: ({ value }) => parseUuid(value),
  malformed: FEEDBACK_NOT_FOUND,
  run: (requestId, { actor }, deps) => deps.services.feedback.openForApplication(actor, requestId),
  reply: (request, press) => ({ kind: 'open', view: feedbackApplyModal(request, modalSource(press)) }),
});
