import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { redrawActionItem } from './action-item-tick';

/**
 * `OpenActions.reopenActionItem` (value = action item id): "Not done yet" on a done item, for either
 * person of the pair. Redrawn in place like a tick; both Home tabs follow.
 */
export const actionItemReopen = onAction({
  name: 'action_item_reopen',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (itemId, { actor }, deps) => deps.services.notes.reopenActionItem(actor, itemId),
  reply: redrawActionItem('Marked not done yet.'),
});
