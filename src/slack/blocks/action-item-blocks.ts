import type { ActionsBlock, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import { MAX_ACTION_ITEM_LENGTH } from '../../domain/meetings/action-item-lines';
import type { ActionItemDeleted, ActionItemEdited, ActionItemOverdue } from '../../domain/meetings/events';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import type { ActionItemView, PairMembers } from '../../domain/meetings/views';
import type { Message } from './help';
import { ActionItemModal, actionItemActionsBlockId, actionItemBlockId, OpenActions } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { dueText } from './meeting-text';
import { escapeText, mention, mrkdwn, plain, truncate } from './text';

/**
 * One action item as one block: open ones carry a "Done" button (any surface may render it; the
 * meetings feature handles the click), done ones say who ticked them and carry "Not done yet". The block id names the item so
 * a tick can swap exactly this block wherever the item is shown.
 */
export function actionItemBlock(item: ActionItemView, options: { showOwner?: boolean } = {}): SectionBlock {
  const owner = options.showOwner ? ` · ${mention(item.ownerId)}` : '';
  const body = escapeText(truncate(item.body, 500));
  if (item.doneAt) {
    const by = item.doneBy ? ` by ${mention(item.doneBy)}` : '';
    return {
      type: 'section',
      block_id: actionItemBlockId(item.id),
      text: mrkdwn(`:white_check_mark: ${body}${owner} _(done${by})_`),
      // A tick pressed by mistake (or too early) must be undoable where it was made.
      accessory: {
        type: 'button',
        action_id: OpenActions.reopenActionItem,
        value: item.id,
        text: plain('Not done yet', 75),
        accessibility_label: truncate(`Mark not done: ${item.body}`, 75),
      },
    };
  }
  return {
    type: 'section',
    block_id: actionItemBlockId(item.id),
    text: mrkdwn(`:black_square_button: ${body}${owner} _(${dueText(item.dueOn)})_`),
    accessory: {
      type: 'button',
      action_id: OpenActions.tickActionItem,
      value: item.id,
      text: plain('Done', 75),
      accessibility_label: truncate(`Mark done: ${item.body}`, 75),
    },
  };
}

/**
 * Edit and Delete, under an item of a notes summary (the one place its text was agreed; a summary holds at
 * most MAX_ACTION_ITEMS, so the extra block per item stays within Slack's 50). Slack confirms a deletion.
 */
function itemActionsBlock(item: ActionItemView): ActionsBlock {
  return {
    type: 'actions',
    block_id: actionItemActionsBlockId(item.id),
    elements: [
      {
        type: 'button',
        action_id: OpenActions.editActionItem,
        value: item.id,
        text: plain('Edit', 75),
        accessibility_label: truncate(`Edit the action item: ${item.body}`, 75),
      },
      {
        type: 'button',
        action_id: OpenActions.deleteActionItem,
        value: item.id,
        text: plain('Delete', 75),
        accessibility_label: truncate(`Delete the action item: ${item.body}`, 75),
        confirm: {
          title: plain('Delete this action item?', 100),
          text: plain(truncate(`“${item.body}” goes for both of you, and the other person is told.`, 300), 300),
          confirm: plain('Delete it', 30),
          deny: plain('Keep it', 30),
        },
      },
    ],
  };
}

/** The message blocks once an item is deleted: its line says so, struck through, and its Delete button goes. */
export function dropActionItemBlocks<T extends { block_id?: string }>(blocks: readonly T[], item: ActionItemView, byId: string): Array<T | SectionBlock> {
  const gone: SectionBlock = {
    type: 'section',
    block_id: actionItemBlockId(item.id),
    text: mrkdwn(`~${escapeText(truncate(item.body, 500))}~ _(deleted by ${mention(byId)})_`),
  };
  return blocks
    .filter((block) => block.block_id !== actionItemActionsBlockId(item.id))
    .map((block) => (block.block_id === actionItemBlockId(item.id) ? gone : block));
}

/** The other person's DM after a deletion: what went, and whose it was. */
export function actionItemDeletedMessage(event: Pick<ActionItemDeleted, 'body' | 'ownerId' | 'byId' | 'otherId'>): Message {
  const whose = event.ownerId === event.otherId ? 'yours' : event.ownerId === event.byId ? 'theirs' : mention(event.ownerId) + "'s";
  const text = `${mention(event.byId)} deleted an action item (${whose}): “${escapeText(truncate(event.body, 500))}”.`;
  return { text: `${mention(event.byId)} deleted an action item.`, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

/** The edit form: the item's text, prefilled (owner, due date and tick stay as they are). */
export function actionItemEditModal(item: ActionItemView): ModalView {
  return {
    type: 'modal',
    callback_id: ActionItemModal.callbackId,
    private_metadata: encodeMetadata({ itemId: item.id }),
    title: plain('Edit action item', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'input',
        block_id: ActionItemModal.blocks.body,
        label: plain('What is to be done'),
        element: { type: 'plain_text_input', action_id: ActionItemModal.actions.body, max_length: MAX_ACTION_ITEM_LENGTH, initial_value: item.body },
        hint: plain(`Its owner and date (${dueText(item.dueOn)}) stay as they are. The other person is told of the change.`),
      },
    ],
  };
}

/** The other person's DM after an edit: the text before and after. */
export function actionItemEditedMessage(event: Pick<ActionItemEdited, 'previousBody' | 'item' | 'byId' | 'otherId'>): Message {
  const whose = event.item.ownerId === event.otherId ? 'yours' : event.item.ownerId === event.byId ? 'theirs' : mention(event.item.ownerId) + "'s";
  const text =
    `${mention(event.byId)} edited an action item (${whose}).\n*Was:* “${escapeText(truncate(event.previousBody, 500))}”\n` +
    `*Now:* “${escapeText(truncate(event.item.body, 500))}”`;
  return { text: `${mention(event.byId)} edited an action item.`, blocks: [{ type: 'section', text: mrkdwn(text) }, actionItemBlock(event.item)] };
}

/** The one gentle nudge to the owner of an overdue item: why it is overdue, with Done, Edit and Delete at hand. */
export function actionItemOverdueMessage(event: Pick<ActionItemOverdue, 'item' | 'ownerZone' | 'otherId' | 'reason'>): Message {
  const body = escapeText(truncate(event.item.body, 500));
  const why =
    event.reason.kind === 'due'
      ? `was due ${formatLocalDate(event.reason.dueOn)}`
      : `is still open, and the meeting after the one you agreed it at is over (it ended ${formatInZone(event.reason.endedAt, event.ownerZone)})`;
  const text = `A gentle nudge: your action item “${body}” ${why}. Done? Tick it. Plans changed? Edit it, or tell ${mention(event.otherId)}.`;
  return {
    text: `A gentle nudge about an action item: “${truncate(event.item.body, 100)}”.`,
    blocks: [{ type: 'section', text: mrkdwn(text) }, actionItemBlock(event.item), itemActionsBlock(event.item)],
  };
}

/** Action items grouped by owner (mentee first: the mentee drives the mentorship). */
export function actionItemsSummaryBlocks(items: readonly ActionItemView[], pair: Pick<PairMembers, 'mentorId' | 'menteeId'>): KnownBlock[] {
  if (items.length === 0) return [{ type: 'section', text: mrkdwn('*Action items*\n_None this time._') }];
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn('*Action items*') }];
  const owners = [pair.menteeId, pair.mentorId, ...new Set(items.map((item) => item.ownerId))].filter((id, index, all) => all.indexOf(id) === index);
  for (const owner of owners) {
    const mine = items.filter((item) => item.ownerId === owner);
    if (mine.length === 0) continue;
    blocks.push({ type: 'context', elements: [mrkdwn(`For ${mention(owner)}`)] });
    blocks.push(...mine.flatMap((item) => [actionItemBlock(item), itemActionsBlock(item)]));
  }
  return blocks;
}

/** The message blocks with one item's block re-rendered (after a tick); other blocks are kept as they were. */
export function replaceActionItemBlock<T extends { block_id?: string }>(blocks: readonly T[], item: ActionItemView): Array<T | SectionBlock> {
  const id = actionItemBlockId(item.id);
  return blocks.map((block) => {
    if (block.block_id !== id) return block;
    // Keep the owner shown where the message showed it (agendas do, the per-owner summary does not).
    const text = (block as { text?: { text?: unknown } }).text?.text;
    return actionItemBlock(item, { showOwner: typeof text === 'string' && text.includes(` · ${mention(item.ownerId)}`) });
  });
}
