import { onSubmit } from '../../adapters/view';
import { feedbackAskedMessage } from '../../blocks/feedback-messages';
import { FeedbackModal } from '../../ids';
import { FEEDBACK_REQUEST_BLOCKS, readFeedbackRequestForm } from '../../inputs/feedback-form';

/** Stores the request; the other person is asked by DM (with an Answer button) through the outbox. */
export const feedbackRequestSubmit = onSubmit({
  name: 'feedback_request_submit',
  field: FeedbackModal.request.blocks.area,
  fields: FEEDBACK_REQUEST_BLOCKS,
  parse: ({ view, values }) => readFeedbackRequestForm(view, values),
  run: (form, { actor }, deps) => deps.services.feedback.request(actor, form),
  confirm: ({ item }) => feedbackAskedMessage(item),
});
