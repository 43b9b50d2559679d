import { onSubmit } from '../../adapters/view';
import { doneMessage } from '../../blocks/help';
import { checkInSavedText } from '../../blocks/progress-check-in';
import { ProgressCheckInModal } from '../../ids';
import { parseCheckInForm } from '../../inputs/progress-check-in-form';

/** A check-in answered (or answered again): stored, and the person told privately who can see it. */
export const progressCheckInSubmit = onSubmit({
  name: 'progress_check_in_submit',
  field: ProgressCheckInModal.blocks.answer,
  fields: { note: ProgressCheckInModal.blocks.note },
  parse: ({ view, values }) => parseCheckInForm(view, values),
  run: ({ pairId, form }, { actor }, deps) => deps.services.checkIns.answer(actor, pairId, form),
  confirm: ({ shared, otherId }) => doneMessage(checkInSavedText(shared, otherId)),
});
