import { onSubmit } from '../../adapters/view';
import { SwotModal } from '../../ids';
import { readSwotForm } from '../../inputs/swot-form';

/**
 * Saves the mentee's SWOT. The default ack closes only this view, which matters when it was pushed
 * over the goal modal: the goal form below comes back exactly as it was typed.
 */
export const swotSubmit = onSubmit({
  name: 'swot_submit',
  field: SwotModal.blocks.strengths,
  parse: ({ metadata, values }) => readSwotForm(metadata, values),
  run: ({ pairId, fields }, { actor }, deps) => deps.services.swot.save(actor, pairId, fields),
});
