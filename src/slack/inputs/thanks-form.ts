import { z } from 'zod';
import { MESSAGE_MAX, noteFromWords } from '../../domain/appreciation/appreciation-rules';
import { ThanksModal } from '../ids';
import { readText } from './view-state';

export function readThanksMessage(values: unknown): string | null {
  return z.string().max(3000).nullable().catch(null).parse(readText(values, ThanksModal.blocks.message, ThanksModal.actions.message));
}

/** `/mentorship thanks [words…]`: the words start the note ("for the tip" becomes "Thank you for the tip"). */
export function parseThanksWords(rest: string): { ok: true; message: string | null } | { ok: false; message: string } {
  const message = rest.trim();
  if (message === '') return { ok: true, message: null };
  if (message.length > MESSAGE_MAX) return { ok: false, message: `A thank-you note can be at most ${MESSAGE_MAX} characters; the modal lets you write it comfortably.` };
  return { ok: true, message: noteFromWords(message) };
}
