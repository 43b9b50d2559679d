import { onSubmit } from '../../adapters/view';
import { thanksSentMessage } from '../../blocks/thanks-blocks';
import { ThanksModal } from '../../ids';
import { readThanksForm } from '../../inputs/thanks-form';

/** Stores the thank-you; the other person gets it by DM through the outbox, the sender a private confirmation. */
export const thanksSubmit = onSubmit({
  name: 'thanks_submit',
  field: ThanksModal.blocks.message,
  fields: { message: ThanksModal.blocks.message },
  parse: ({ view, values }) => readThanksForm(view, values),
  run: (form, { actor }, deps) => deps.services.appreciations.send(actor, form),
  confirm: ({ appreciation }) => thanksSentMessage(appreciation.to_id),
});
