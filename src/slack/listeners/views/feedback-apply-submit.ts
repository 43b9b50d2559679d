import { onSubmit } from '../../adapters/view';
import { feedbackAppliedMessage } from '../../blocks/feedback-messages';
import { FeedbackModal } from '../../ids';
import { readFeedbackStepForm } from '../../inputs/feedback-form';

const APPLICATION = FeedbackModal.apply.blocks.application;

/** Stores how the mentee applied the feedback; the mentor is told, and the answer DM loses its button, through the outbox. */
export const feedbackApplySubmit = onSubmit({
  name: 'feedback_apply_submit',
  field: APPLICATION,
  fields: { application: APPLICATION },
  parse: ({ metadata, values }) => readFeedbackStepForm('apply', metadata, values),
  run: ({ requestId, text, source }, { actor }, deps) => deps.services.feedback.reportApplication(actor, { requestId, application: text, source }),
  confirm: ({ mentorId }) => feedbackAppliedMessage(mentorId),
});
