import { onSubmit } from '../../adapters/view';
import { feedbackExampleGivenMessage } from '../../blocks/feedback-messages';
import { FeedbackModal } from '../../ids';
import { readFeedbackStepForm } from '../../inputs/feedback-form';

const EXAMPLE = FeedbackModal.example.blocks.example;

/** Stores the example; the person who asked gets it by DM, and the DM asking for it loses its button, through the outbox. */
export const feedbackExampleSubmit = onSubmit({
  name: 'feedback_example_submit',
  field: EXAMPLE,
  fields: { example: EXAMPLE },
  parse: ({ metadata, values }) => readFeedbackStepForm('example', metadata, values),
  run: ({ requestId, text, source }, { actor }, deps) => deps.services.feedback.giveExample(actor, { requestId, example: text, source }),
  confirm: ({ item }) => feedbackExampleGivenMessage(item),
});
