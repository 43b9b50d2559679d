import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { dropActionItemBlocks } from '../../blocks/action-item-blocks';
import { doneMessage } from '../../blocks/help';

/**
 * `OpenActions.deleteActionItem` (value = action item id), under each item of a notes summary, after
 * Slack's confirmation. Either person of the pair may; the other is told by DM through the events.
 * The presser's message shows the item struck through; a press on an item already gone is refused
 * like any unknown item.
 */
export const actionItemDelete = onAction({
  name: 'action_item_delete',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (itemId, { actor }, deps) => deps.services.notes.deleteActionItem(actor, itemId),
  reply: ({ item }, { actor, message, messageTs, ephemeral }) => {
    if (!messageTs) return null;
    if (ephemeral || !message) return { kind: 'private', message: doneMessage('Deleted.') };
    return { kind: 'replace', message: { text: message.text || 'Action items', blocks: dropActionItemBlocks(message.blocks, item, actor.userId) } };
  },
});
