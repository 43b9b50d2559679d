import { onSubmit } from '../../adapters/view';
import { dataDeletedMessage } from '../../blocks/mydata';
import { MyDataDeleteModal } from '../../ids';
import { readDeleteConfirmation } from '../../inputs/mydata-form';

/** The confirmed deletion of the submitter's own data; they get a private list of what went, nobody else is told. */
export const mydataDeleteSubmit = onSubmit({
  name: 'mydata_delete',
  field: MyDataDeleteModal.blocks.confirm,
  parse: ({ view, values, actor }) => readDeleteConfirmation(view, values, actor.userId),
  run: (_confirmed, { actor }, deps) => deps.services.personalData.erase(actor),
  confirm: ({ lines }) => dataDeletedMessage(lines),
});
