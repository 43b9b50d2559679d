import { onSubmit } from '../../adapters/view';
import { resourceExploredMessage } from '../../blocks/resource-blocks';
import { ResourceModal } from '../../ids';
import { readExploredForm } from '../../inputs/resource-form';

const TAKEAWAY = ResourceModal.explored.blocks.takeaway;

/** Marks the resource explored; the person sees the between-sessions progress, and the DM it came from shows it done. */
export const resourceExploredSubmit = onSubmit({
  name: 'resource_explored_submit',
  field: TAKEAWAY,
  fields: { takeaway: TAKEAWAY },
  parse: ({ metadata, values }) => readExploredForm(metadata, values),
  run: (form, { actor }, deps) => deps.services.resources.markExplored(actor, form),
  confirm: ({ resource, overview, readerZone }) => resourceExploredMessage(resource, overview, readerZone),
});
