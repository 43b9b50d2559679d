import type { KnownBlock, ModalView } from '@slack/types';
import { PROMPT_MAX } from '../../domain/journal/journal-rules';
import type { JournalItem } from '../../domain/journal/events';
import type { PairChoice } from '../../domain/pairs/pair-choices';
import { formatInZone } from '../../domain/time/zoned';
import { JournalActions, JournalModal, OpenActions } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import type { Message } from './help';
import { pairPickerBlock } from './pair-picker';
import { quoteTyped } from './quote';
import { accessibilityLabel, mrkdwn, plain } from './text';

const { write: w } = JournalModal;
/** Characters of each answer shown in the list; longer entries get a button to read them whole. */
export const LIST_EXCERPT = 280;
/**
 * Who can read the journal, exactly: nobody but its author through the bot; and in the database,
 * nobody either when DATA_ENCRYPTION_KEY seals it, else the database's operators.
 */
export const privateNote = (encrypted: boolean): string =>
  `:lock: Private: through this bot only you can ever read your journal. Not your mentor, not your mentee, not an admin. ${
    encrypted
      ? 'It is encrypted in the database, so not even the people who run it can read it there.'
      : 'It is stored unencrypted, so the people who run the bot’s database could read it there.'
  }`;

export const JOURNAL_PROMPTS = [
  { field: 'wentWell', label: 'What went well?', placeholder: 'A moment you are glad about' },
  { field: 'learned', label: 'What did I learn?', placeholder: 'Something you understand now that you did not before' },
  { field: 'tryNext', label: 'What will I try next?', placeholder: 'One small, concrete step' },
] as const;

export interface JournalModalInput {
  choices: readonly PairChoice[];
  names: Record<string, string>;
  /** The pair the entry is about, when known; none for an entry about nothing in particular. */
  pairId?: string;
  channelId?: string;
  /** DATA_ENCRYPTION_KEY is set: the privacy sentence says entries are encrypted at rest. */
  encrypted?: boolean;
}

export function journalModal(input: JournalModalInput): ModalView {
  const blocks: KnownBlock[] = [{ type: 'context', elements: [mrkdwn(privateNote(input.encrypted ?? false))] }];
  // Several pairs and none chosen: let the person say which mentorship it is about, if any.
  if (!input.pairId && input.choices.length > 1) blocks.push({ ...pairPickerBlock(input.choices, input.names), optional: true });
  blocks.push(...promptBlocks(), { type: 'context', elements: [mrkdwn('Answer at least one of the three prompts.')] });
  return {
    type: 'modal',
    callback_id: w.callbackId,
    title: plain('Journal entry', 24),
    submit: plain('Save privately', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ ...(input.pairId ? { pairId: input.pairId } : {}), ...(input.channelId ? { channelId: input.channelId } : {}) }),
    blocks,
  };
}

/**
 * The author's entry in the same form, filled in (the same block ids, so the same reader parses it).
 * `offset` is the journal page it was opened from, shown again once it is saved.
 */
export function journalEditModal(entry: JournalItem, offset: number, readerZone: string, encrypted = false): ModalView {
  return {
    type: 'modal',
    callback_id: JournalModal.edit.callbackId,
    title: plain('Edit journal entry', 24),
    submit: plain('Save privately', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ entryId: entry.id, offset }),
    blocks: [
      { type: 'context', elements: [mrkdwn(`Written ${formatInZone(entry.createdAt, readerZone)}. ${privateNote(encrypted)}`)] },
      ...promptBlocks(entry),
      { type: 'context', elements: [mrkdwn('Answer at least one of the three prompts.')] },
    ],
  };
}

/** The three prompts, empty or with an entry's answers. */
function promptBlocks(filled?: JournalItem): KnownBlock[] {
  return JOURNAL_PROMPTS.map((prompt) => {
    const answer = filled?.[prompt.field];
    return {
      type: 'input',
      block_id: w.blocks[prompt.field],
      optional: true,
      label: plain(prompt.label),
      element: {
        type: 'plain_text_input',
        action_id: w.actions[prompt.field],
        multiline: true,
        max_length: PROMPT_MAX,
        placeholder: plain(prompt.placeholder),
        ...(answer ? { initial_value: answer } : {}),
      },
    };
  });
}

export function entryText(entry: JournalItem, max: number): { text: string; cut: boolean } {
  let cut = false;
  const parts: string[] = [];
  for (const prompt of JOURNAL_PROMPTS) {
    const answer = entry[prompt.field];
    if (!answer) continue;
    if (answer.length > max) cut = true;
    parts.push(`*${prompt.label}*\n${quoteTyped(answer, max)}`);
  }
  return { text: parts.join('\n'), cut };
}

/** Ephemeral, for the author only: their recent entries, newest first. */
export function journalListMessage(
  entries: readonly JournalItem[],
  readerZone: string,
  options: { saved?: boolean; pairId?: string; encrypted?: boolean } = {},
): Message {
  const blocks: KnownBlock[] = [];
  if (options.saved) blocks.push({ type: 'section', text: mrkdwn(':white_check_mark: Saved to your journal.') });
  const heading =
    entries.length === 0
      ? '*Your journal* is empty so far. Three prompts: what went well, what I learned, what I will try next.'
      : `*Your journal: the ${entries.length === 1 ? 'latest entry' : `latest ${entries.length} entries`}*`;
  blocks.push({ type: 'section', text: mrkdwn(heading) });
  for (const entry of entries) {
    const { text, cut } = entryText(entry, LIST_EXCERPT);
    blocks.push({ type: 'section', text: mrkdwn(`:spiral_note_pad: _${formatInZone(entry.createdAt, readerZone)}_\n${text}`) });
    if (cut)
      blocks.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: plain('Read the whole entry', 75),
            accessibility_label: accessibilityLabel(`Read the whole entry of ${formatInZone(entry.createdAt, readerZone)}`),
            action_id: JournalActions.openEntry,
            value: entry.id,
          },
        ],
      });
  }
  const write = { type: 'button' as const, text: plain('Write an entry', 75), action_id: OpenActions.writeJournal, value: options.pairId ?? '' };
  const browse = { type: 'button' as const, text: plain('All entries: read, edit, delete', 75), action_id: JournalActions.browse, value: '0' };
  blocks.push(
    { type: 'actions', elements: entries.length > 0 ? [write, browse] : [write] },
    { type: 'context', elements: [mrkdwn(privateNote(options.encrypted ?? false))] },
  );
  return { text: options.saved ? 'Saved to your journal.' : 'Your journal', blocks };
}

/** A read-only modal with one whole entry, for its author. Each answer gets its own section (3000 characters each). */
export function journalEntryModal(entry: JournalItem, readerZone: string, encrypted = false): ModalView {
  const answers = JOURNAL_PROMPTS.flatMap((prompt): KnownBlock[] => {
    const answer = entry[prompt.field];
    return answer ? [{ type: 'section', text: mrkdwn(`*${prompt.label}*\n${quoteTyped(answer, PROMPT_MAX)}`) }] : [];
  });
  return {
    type: 'modal',
    callback_id: JournalModal.entry.callbackId,
    title: plain('Journal entry', 24),
    close: plain('Close', 24),
    blocks: [
      { type: 'context', elements: [mrkdwn(`Written ${formatInZone(entry.createdAt, readerZone)}`)] },
      ...answers,
      { type: 'context', elements: [mrkdwn(privateNote(encrypted))] },
    ],
  };
}
