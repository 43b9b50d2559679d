import { parseUuid } from '../../../domain/ids';
import type { ActionItemView } from '../../../domain/meetings/views';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { type ActionReply, onAction, type Press } from '../../adapters/action';
import { replaceActionItemBlock } from '../../blocks/action-item-blocks';
import { doneMessage } from '../../blocks/help';

/**
 * When the button was in a message, just the item's block of that message is redrawn (whoever built
 * it); Slack does not hand back an ephemeral message's blocks, so there the presser gets a private
 * confirmation. Shared by the tick and its undoing ("Not done yet").
 */
export const redrawActionItem =
  (confirmation: string) =>
  ({ item }: { item: ActionItemView }, { message, messageTs, ephemeral }: Press): ActionReply | null => {
    if (!messageTs) return null;
    if (ephemeral || !message) return { kind: 'private', message: doneMessage(confirmation) };
    return { kind: 'replace', message: { text: message.text || 'Action items', blocks: replaceActionItemBlock(message.blocks, item) } };
  };

/**
 * `OpenActions.tickActionItem` (value = action item id), from any surface. Only the two people of the
 * pair may tick. Both Home tabs follow through the effects.
 */
export const actionItemTick = onAction({
  name: 'action_item_tick',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (itemId, { actor }, deps) => deps.services.notes.tickActionItem(actor, itemId),
  reply: redrawActionItem('Marked done.'),
});
