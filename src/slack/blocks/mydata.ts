import type { KnownBlock, ModalView } from '@slack/types';
import type { Fate, InventoryLine } from '../../domain/personal-data/inventory';
import { COMMAND, MyDataActions, MyDataDeleteModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import type { Message } from './help';
import { mrkdwn, plain } from './text';

/** `/mentorship mydata`: what the person can do with their data, privately. */
export function myDataMessage(userId: string): Message {
  const text =
    'Your data in the mentorship bot. *Export* sends you a JSON file, in your DM with me, of everything you wrote and everything I keep about you. ' +
    '*Delete* first shows exactly what would go and asks you to confirm.';
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(text) },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: MyDataActions.export, value: userId, text: plain('Export my data') },
        { type: 'button', action_id: MyDataActions.openDelete, value: userId, style: 'danger', text: plain('Delete my data…') },
      ],
    },
  ];
  return { text: 'Your data: export it or delete it.', blocks };
}

const FATE_HEADING: Record<Fate, string> = {
  deleted: '*Deleted*',
  removed: '*Shared history with your pair*: your text becomes "(removed)" and you are shown as "a former member"; what the other person wrote stays',
  cancelled: '*Cancelled*',
};

/** The lines of an inventory, grouped by what happens to them. */
export function inventoryText(lines: readonly InventoryLine[]): string {
  return (['deleted', 'removed', 'cancelled'] as const)
    .map((fate) => {
      const of = lines.filter((line) => line.fate === fate);
      return of.length === 0 ? null : `${FATE_HEADING[fate]}\n${of.map((line) => `• ${line.count} ${line.label}`).join('\n')}`;
    })
    .filter((part): part is string => part !== null)
    .join('\n\n');
}

/** The confirmation before a deletion: exactly what will go, and a box to tick. */
export function deleteConfirmModal(userId: string, lines: readonly InventoryLine[]): ModalView {
  return {
    type: 'modal',
    callback_id: MyDataDeleteModal.callbackId,
    title: plain('Delete my data', 24),
    submit: plain('Delete', 24),
    close: plain('Keep my data', 24),
    private_metadata: encodeMetadata({ userId }),
    blocks: [
      { type: 'section', text: mrkdwn('This is everything that will go. It cannot be undone; `' + COMMAND + ' mydata` can export it first.') },
      { type: 'section', text: mrkdwn(inventoryText(lines)) },
      {
        type: 'input',
        block_id: MyDataDeleteModal.blocks.confirm,
        label: plain('Confirm'),
        element: {
          type: 'checkboxes',
          action_id: MyDataDeleteModal.actions.confirm,
          options: [{ text: plain('Yes, delete my data as listed above'), value: MyDataDeleteModal.confirmValue }],
        },
      },
    ],
  };
}

export function nothingToDeleteMessage(): Message {
  const text = 'I keep nothing about you, so there is nothing to delete.';
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

export function dataDeletedMessage(lines: readonly InventoryLine[]): Message {
  const text = 'Your data is deleted.';
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) },
      ...(lines.length > 0 ? [{ type: 'section' as const, text: mrkdwn(inventoryText(lines)) }] : []),
    ],
  };
}

export function exportSentMessage(): Message {
  const text = 'Your data export is in your DM with me, as a JSON file.';
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) }] };
}

/** The comment that goes with the file: a short readable summary of what it holds. */
export function exportComment(summary: readonly string[]): string {
  const holds = summary.length > 0 ? `It holds ${summary.join(', ')}.` : 'I keep nothing about you apart from your name.';
  return `Your mentorship data export: everything you wrote and everything I keep about you. ${holds}`;
}
