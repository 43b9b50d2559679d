import type { ActionsBlock, Button, KnownBlock, ModalView } from '@slack/types';
import type { JournalItem } from '../../domain/journal/events';
import type { JournalPage } from '../../domain/journal/journal.service';
import { formatInZone } from '../../domain/time/zoned';
import { JournalActions, JournalModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { entryText, LIST_EXCERPT, privateNote } from './journal-blocks';
import { accessibilityLabel, mrkdwn, plain } from './text';

/**
 * The author's whole journal, one page at a time, newest first: each entry (cut to an excerpt, with
 * a button to read it whole), Edit and Delete (behind Slack's confirm dialog), and Newer / Older.
 * Only ever built for the author, from their own entries. `notice` says what just happened.
 */
export function journalBrowseModal(page: JournalPage, readerZone: string, notice?: string): ModalView {
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push({ type: 'section', text: mrkdwn(`:white_check_mark: ${notice}`) });
  const last = page.offset + page.entries.length;
  const heading = page.total === 0 ? 'Your journal is empty.' : `*Entries ${page.offset + 1}–${last} of ${page.total}*, newest first`;
  blocks.push({ type: 'section', text: mrkdwn(heading) });
  for (const entry of page.entries) blocks.push(...entryBlocks(entry, readerZone));
  const nav = navigation(page);
  if (nav) blocks.push(nav);
  blocks.push({ type: 'context', elements: [mrkdwn(privateNote(page.encrypted))] });
  return {
    type: 'modal',
    callback_id: JournalModal.browse.callbackId,
    title: plain('Your journal', 24),
    close: plain('Close', 24),
    private_metadata: encodeMetadata({ offset: page.offset }),
    blocks,
  };
}

function entryBlocks(entry: JournalItem, zone: string): KnownBlock[] {
  const { text, cut } = entryText(entry, LIST_EXCERPT);
  const when = formatInZone(entry.createdAt, zone);
  const edited = entry.editedAt ? ` · edited ${formatInZone(entry.editedAt, zone)}` : '';
  const buttons: Button[] = [
    {
      type: 'button',
      text: plain('Edit', 75),
      accessibility_label: accessibilityLabel(`Edit the entry of ${when}`),
      action_id: JournalActions.editEntry,
      value: entry.id,
    },
    {
      type: 'button',
      text: plain('Delete', 75),
      style: 'danger',
      accessibility_label: accessibilityLabel(`Delete the entry of ${when}`),
      action_id: JournalActions.deleteEntry,
      value: entry.id,
      confirm: {
        title: plain('Delete this entry?', 100),
        text: plain(`Your journal entry of ${when} will be gone for good.`, 300),
        confirm: plain('Delete', 30),
        deny: plain('Keep it', 30),
        style: 'danger',
      },
    },
  ];
  if (cut)
    buttons.unshift({
      type: 'button',
      text: plain('Read the whole entry', 75),
      accessibility_label: accessibilityLabel(`Read the whole entry of ${when}`),
      action_id: JournalActions.openEntry,
      value: entry.id,
    });
  return [
    { type: 'section', text: mrkdwn(`:spiral_note_pad: _${when}${edited}_\n${text}`) },
    { type: 'actions', elements: buttons },
  ];
}

function navigation(page: JournalPage): ActionsBlock | null {
  const elements: Button[] = [];
  if (page.offset > 0)
    elements.push({
      type: 'button',
      text: plain('Newer entries', 75),
      action_id: JournalActions.newerPage,
      value: String(Math.max(0, page.offset - page.size)),
    });
  if (page.offset + page.entries.length < page.total)
    elements.push({ type: 'button', text: plain('Older entries', 75), action_id: JournalActions.olderPage, value: String(page.offset + page.size) });
  return elements.length > 0 ? { type: 'actions', elements } : null;
}
