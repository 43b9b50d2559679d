import { onSubmit } from '../../adapters/view';
import { updateSentMessage } from '../../blocks/update-blocks';
import { UpdateModal } from '../../ids';
import { readUpdateForm } from '../../inputs/update-form';

/** Stores the update; the other person gets it by DM through the outbox, the author a private confirmation. */
export const updateSubmit = onSubmit({
  name: 'update_submit',
  field: UpdateModal.blocks.doneSince,
  fields: { doneSince: UpdateModal.blocks.doneSince, win: UpdateModal.blocks.win, blocker: UpdateModal.blocks.blocker },
  parse: ({ view, values }) => readUpdateForm(view, values),
  run: (form, { actor }, deps) => deps.services.updates.send(actor, form),
  confirm: ({ update }) => updateSentMessage(update.to_id),
});
