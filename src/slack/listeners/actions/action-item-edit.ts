import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { actionItemEditModal } from '../../blocks/action-item-blocks';

/** `OpenActions.editActionItem` (value = action item id), under each item of a notes summary: opens its text to edit, for the pair only. */
export const actionItemEdit = onAction({
  name: 'action_item_edit',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (itemId, { actor }, deps) => deps.services.notes.actionItemForEdit(actor, itemId),
  reply: (item) => ({ kind: 'open', view: actionItemEditModal(item) }),
});
