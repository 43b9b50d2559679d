import { ALREADY_ASKED_EXAMPLE, FEEDBACK_NOT_FOUND } from '../../../domain/feedback/feedback.service';
import { parseUuid } from '../../../domain/ids';
import { onAction } from '../../adapters/action';
import { errorMessage } from '../../blocks/help';
import { feedbackAnsweredDm, feedbackExampleAskedMessage } from '../../blocks/feedback-messages';

/**
 * "Ask for an example" (value = request id), on the answer DM: only the person who asked, once. The
 * DM is redrawn as it now stands either way; a second press changes nothing and says so.
 */
export const feedbackExampleAsk = onAction({
  name: 'feedback_example_ask',
  parse: ({ value }) => parseUuid(value),
  malformed: FEEDBACK_NOT_FOUND,
  run: (requestId, { actor }, deps) => deps.services.feedback.askForExample(actor, requestId),
  reply: ({ kind, view }) => [
    { kind: 'replace', message: feedbackAnsweredDm(view.item, view.readerZone, view.canReport) },
    kind === 'asked'
      ? { kind: 'private', message: feedbackExampleAskedMessage(view.item) }
      : { kind: 'private', message: errorMessage(`${ALREADY_ASKED_EXAMPLE} Nothing was changed.`) },
  ],
});
