import { z } from 'zod';
import { MESSAGE_MAX, noteFromWords } from '../../domain/appreciation/appreciation-rules';
import type { Parsed } from '../adapters/view';
import { ThanksModal } from '../ids';
import { requirePairId } from '../pair-resolver';
import { readText } from './view-state';

const Message = z.string().max(3000).nullable().catch(null);

/** The thank-you modal: which pair (picked, or the one it was opened for) and the note (checked by the service). */
export function readThanksForm(
  view: { private_metadata?: string; blocks: readonly { block_id?: string }[] },
  values: unknown,
): Parsed<{ pairId: string; message: string | null }> {
  const pair = requirePairId(view, values, ThanksModal.blocks.message);
  if (!pair.ok) return pair;
  return { ok: true, value: { pairId: pair.pairId, message: Message.parse(readText(values, ThanksModal.blocks.message, ThanksModal.actions.message)) } };
}

/** `/mentorship thanks [words…]`: the words start the note ("for the tip" becomes "Thank you for the tip"). */
export function parseThanksWords(rest: string): { ok: true; message: string | null } | { ok: false; message: string } {
  const message = rest.trim();
  if (message === '') return { ok: true, message: null };
  if (message.length > MESSAGE_MAX)
    return { ok: false, message: `A thank-you note can be at most ${MESSAGE_MAX} characters; the modal lets you write it comfortably.` };
  return { ok: true, message: noteFromWords(message) };
}
