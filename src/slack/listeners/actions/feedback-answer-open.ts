import { FEEDBACK_NOT_FOUND } from '../../../domain/feedback/feedback.service';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { feedbackAnswerModal } from '../../blocks/feedback-modals';
import { modalSource } from '../../inputs/origin';

/** "Answer" (value = request id): only the person asked, while it is unanswered. */
export const feedbackAnswerOpen = onAction({
  name: 'feedback_answer_open',
  parse: ({ value }) => parseUuid(value),
  malformed: FEEDBACK_NOT_FOUND,
  run: (requestId, { actor }, deps) => deps.services.feedback.openForAnswer(actor, requestId),
  reply: (request, press) => ({ kind: 'open', view: feedbackAnswerModal(request, modalSource(press)) }),
});
