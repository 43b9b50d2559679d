import { onSubmit } from '../../adapters/view';
import { feedbackAnswerSentMessage } from '../../blocks/feedback-messages';
import { FeedbackModal } from '../../ids';
import { readFeedbackStepForm } from '../../inputs/feedback-form';

const ANSWER = FeedbackModal.answer.blocks.answer;

/** Stores the answer; the person who asked gets it by DM, and the request DM loses its button, through the outbox. */
export const feedbackAnswerSubmit = onSubmit({
  name: 'feedback_answer_submit',
  field: ANSWER,
  fields: { answer: ANSWER },
  parse: ({ metadata, values }) => readFeedbackStepForm('answer', metadata, values),
  run: ({ requestId, text, source }, { actor }, deps) => deps.services.feedback.answer(actor, { requestId, answer: text, source }),
  confirm: ({ item }) => feedbackAnswerSentMessage(item),
});
