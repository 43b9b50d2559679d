import { onSubmit } from '../../adapters/view';
import { doneMessage } from '../../blocks/help';
import { escapeText, truncate } from '../../blocks/text';
import { ActionItemModal } from '../../ids';
import { ACTION_ITEM_FIELD_BLOCKS, readActionItemEdit } from '../../inputs/action-item-form';

/** Saves an action item's new text; the other person is told by DM through the events, the writer privately. */
export const actionItemEditSubmit = onSubmit({
  name: 'action_item_edit_submit',
  field: ActionItemModal.blocks.body,
  fields: ACTION_ITEM_FIELD_BLOCKS,
  parse: ({ view, values }) => readActionItemEdit(view, values),
  run: ({ itemId, text }, { actor }, deps) => deps.services.notes.editActionItem(actor, itemId, text),
  confirm: ({ item }) => doneMessage(`Saved: “${escapeText(truncate(item.body, 300))}”.`),
});
