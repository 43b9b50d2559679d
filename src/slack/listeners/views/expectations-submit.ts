import { onSubmit } from '../../adapters/view';
import { doneMessage } from '../../blocks/help';
import { mention } from '../../blocks/text';
import { ExpectationsModal } from '../../ids';
import { parseExpectationsForm } from '../../inputs/expectations-form';

/** The expectations form: a proposal (or an amendment) that the other person is asked to confirm. */
export const expectationsSubmit = onSubmit({
  name: 'expectations_submit',
  field: ExpectationsModal.blocks.betweenMeetings,
  fields: ExpectationsModal.blocks,
  parse: ({ view, values }) => parseExpectationsForm(view, values),
  run: ({ pairId, form }, { actor }, deps) => deps.services.expectations.propose(actor, pairId, form),
  confirm: ({ otherId, amended }) =>
    doneMessage(`${amended ? 'Saved.' : 'Proposed.'} ${mention(otherId)} is asked to confirm or amend them; you will hear when they do.`),
});
