import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { replaceActionItemBlock } from '../../blocks/action-item-blocks';
import { doneMessage } from '../../blocks/help';

/**
 * `OpenActions.tickActionItem` (value = action item id), from any surface. Only the two people of the
 * pair may tick. When the button was in a message, just the item's block of that message is redrawn
 * (whoever built it); Slack does not hand back an ephemeral message's blocks, so there the presser
 * gets a private confirmation. Both Home tabs follow through the effects.
 */
export const actionItemTick = onAction({
  name: 'action_item_tick',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (itemId, { actor }, deps) => deps.services.notes.tickActionItem(actor, itemId),
  reply: ({ item }, { message, messageTs, ephemeral }) => {
    if (!messageTs) return null;
    if (ephemeral || !message) return { kind: 'private', message: doneMessage('Marked done.') };
    return { kind: 'replace', message: { text: message.text || 'Action items', blocks: replaceActionItemBlock(message.blocks, item) } };
  },
});
