import { z } from 'zod';
import type { JournalDraft, JournalField } from '../../domain/journal/journal-rules';
import type { Parsed } from '../adapters/view';
import { JournalModal } from '../ids';
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
