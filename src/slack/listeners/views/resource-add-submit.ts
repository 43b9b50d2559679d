import { onSubmit } from '../../adapters/view';
import { resourceAddedMessage } from '../../blocks/resource-blocks';
import { ResourceModal } from '../../ids';
import { RESOURCE_FIELD_BLOCKS, readResourceAddForm } from '../../inputs/resource-form';

/** Adds a resource to the pair's list; the other person hears of it (with "Mark explored") through the outbox. */
export const resourceAddSubmit = onSubmit({
  name: 'resource_add_submit',
  field: ResourceModal.add.blocks.title,
  fields: RESOURCE_FIELD_BLOCKS,
  parse: ({ view, values }) => readResourceAddForm(view, values),
  run: (form, { actor }, deps) => deps.services.resources.add(actor, form),
  confirm: ({ resource, otherId }) => resourceAddedMessage(resource, otherId),
});
