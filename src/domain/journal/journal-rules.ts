import type { FieldErrors } from '../pairs/pair-rules';

export const PROMPT_MAX = 2000;
export const RECENT_ENTRIES = 5;
/** Entries per page of the whole journal (each takes two or three blocks of the modal's 100). */
export const PAGE_SIZE = 5;

export type JournalField = 'wentWell' | 'learned' | 'tryNext';

export interface JournalDraft {
  wentWell: string | null;
  learned: string | null;
  tryNext: string | null;
}

/** At least one prompt answered; unanswered prompts are stored as null, not as empty text. */
export function checkJournalDraft(draft: JournalDraft): { ok: true; entry: JournalDraft } | { ok: false; errors: FieldErrors<JournalField> } {
  const errors: FieldErrors<JournalField> = {};
  const entry: JournalDraft = { wentWell: null, learned: null, tryNext: null };
  for (const field of ['wentWell', 'learned', 'tryNext'] as const) {
    const text = draft[field]?.trim() ?? '';
    if (text.length > PROMPT_MAX) errors[field] = `Keep it under ${PROMPT_MAX} characters.`;
    entry[field] = text === '' ? null : text;
  }
  if (!entry.wentWell && !entry.learned && !entry.tryNext) errors.wentWell = 'Answer at least one of the three prompts.';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, entry };
}

/** The page that starts at `offset`, moved back to the last page when entries were deleted meanwhile. */
export function pageStart(offset: number, total: number, size: number): number {
  if (total === 0) return 0;
  const lastStart = Math.floor((total - 1) / size) * size;
  return Math.min(Math.max(0, Math.floor(offset / size) * size), lastStart);
}
