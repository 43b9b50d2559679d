import { z } from 'zod';
import type { JournalDraft, JournalField } from '../../domain/journal/journal-rules';
import { ENTRY_NOT_FOUND } from '../../domain/journal/journal.service';
import type { Parsed } from '../adapters/view';
import { JournalModal } from '../ids';
import { decodeMetadata } from './metadata';
import { submittedPairId } from '../pair-resolver';
import { checkViewState, readText } from './view-state';

const { write: w } = JournalModal;

export const JOURNAL_FIELD_BLOCKS: Record<JournalField, string> = { wentWell: w.blocks.wentWell, learned: w.blocks.learned, tryNext: w.blocks.tryNext };

const Prompt = z.string().max(3000).nullable();
const JournalForm = z.object({ wentWell: Prompt, learned: Prompt, tryNext: Prompt });

/**
 * The three prompts, and the pair the entry is about: the picker's choice or the one the modal was
 * opened for, or none (an entry need not be about a pair; a picked value that is not an id is none).
 */
export function readJournalForm(
  view: { private_metadata?: string; state: { values: unknown } },
  values: unknown,
): Parsed<JournalDraft & { pairId: string | null }> {
  const state = checkViewState(values);
  const parsed = JournalForm.safeParse({
    wentWell: readText(state, w.blocks.wentWell, w.actions.wentWell),
    learned: readText(state, w.blocks.learned, w.actions.learned),
    tryNext: readText(state, w.blocks.tryNext, w.actions.tryNext),
  });
  if (!parsed.success) return { ok: false, errors: { [w.blocks.wentWell]: 'Keep each answer under 2000 characters.' } };
  return { ok: true, value: { ...parsed.data, pairId: submittedPairId(view) } };
}

/** `/mentorship journal [list]`: `list` only shows the recent entries, without opening the modal. */
export function parseJournalWords(rest: string): { ok: true; action: 'write' | 'list' } | { ok: false; message: string } {
  const word = rest.trim().toLowerCase();
  if (word === '' || word === 'write') return { ok: true, action: 'write' };
  if (word === 'list') return { ok: true, action: 'list' };
  return { ok: false, message: '`/mentorship journal` writes a private entry and shows your recent ones; `/mentorship journal list` only shows them.' };
}

/** The most entries the bot pages through; a larger offset is a forged value, not a page. */
const MAX_OFFSET = 100_000;
const Offset = z.number().int().min(0).max(MAX_OFFSET);

/** A page's offset, from a Newer / Older button's value; null for anything else. */
export function parseOffset(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return null;
  return Number(value) <= MAX_OFFSET ? Number(value) : null;
}

/** The page of the journal modal a button was pressed in (its metadata), or the first. */
export const offsetOf = (metadata: string | undefined): number => decodeMetadata(z.object({ offset: Offset }), metadata)?.offset ?? 0;

const EditMetadata = z.object({ entryId: z.uuid(), offset: Offset });

/** The edit form: the three prompts, and the entry and page from its metadata (untrusted: the service checks the author). */
export function readJournalEdit(
  view: { private_metadata?: string; state: { values: unknown } },
  values: unknown,
): Parsed<JournalDraft & { entryId: string; offset: number }> {
  const form = readJournalForm(view, values);
  if (!form.ok) return form;
  const meta = decodeMetadata(EditMetadata, view.private_metadata);
  if (!meta) return { ok: false, errors: { [w.blocks.wentWell]: ENTRY_NOT_FOUND } };
  const { wentWell, learned, tryNext } = form.value;
  return { ok: true, value: { wentWell, learned, tryNext, entryId: meta.entryId, offset: meta.offset } };
}
