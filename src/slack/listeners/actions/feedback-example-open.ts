import { ALREADY_GAVE_EXAMPLE, FEEDBACK_NOT_FOUND } from '../../../domain/feedback/feedback.service';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { errorMessage } from '../../blocks/help';
import { feedbackExampleAskedDm } from '../../blocks/feedback-messages';
import { feedbackExampleModal } from '../../blocks/feedback-modals';
import { modalSource } from '../../inputs/origin';

/**
 * "Give an example" (value = request id): only the person who answered, once asked. Pressed again
 * after the example was given, the DM is redrawn without its button and nothing changes.
 */
export const feedbackExampleOpen = onAction({
  name: 'feedback_example_open',
  parse: ({ value }) => parseUuid(value),
  malformed: FEEDBACK_NOT_FOUND,
  run: (requestId, { actor }, deps) => deps.services.feedback.openForExample(actor, requestId),
  reply: (outcome, press) =>
    outcome.kind === 'open'
      ? { kind: 'open', view: feedbackExampleModal(outcome.item, modalSource(press)) }
      : [
          { kind: 'replace', message: feedbackExampleAskedDm(outcome.item, outcome.readerZone) },
          { kind: 'private', message: errorMessage(`${ALREADY_GAVE_EXAMPLE} Nothing was changed.`) },
        ],
});
