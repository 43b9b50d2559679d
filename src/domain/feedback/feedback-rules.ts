import type { FieldErrors } from '../pairs/pair-rules';

export const AREA_MAX = 150;
export const QUESTION_MAX = 500;
export const ANSWER_MAX = 2000;
export const APPLICATION_MAX = 2000;
export const EXAMPLE_MAX = 2000;

export type FeedbackRequestField = 'area' | 'question';

/**
 * The form the bot suggests: one thing, in one area. Asking for "one thing" gets an answer the
 * person can act on before the next meeting, where "any feedback?" mostly gets "all good".
 */
export function suggestedQuestion(area: string): string {
  return `What is one thing I could improve in ${area}?`;
}

/** One line, no trailing punctuation: the area is read inside the suggested question. */
export function normalizeArea(area: string): string {
  return area
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?.!:;,\s]+$/, '');
}

export interface FeedbackRequestDraft {
  area: string;
  /** Null or empty: the suggested question for the area. */
  question: string | null;
}

/** The area and the question to store, or the problems, each on the field to change. */
export function checkFeedbackRequest(
  draft: FeedbackRequestDraft,
): { ok: true; area: string; question: string } | { ok: false; errors: FieldErrors<FeedbackRequestField> } {
  const errors: FieldErrors<FeedbackRequestField> = {};
  const area = normalizeArea(draft.area);
  if (area === '') errors.area = 'Name the one area you want feedback on, for example "presenting to the team".';
  else if (area.length > AREA_MAX) errors.area = `Keep the area to one specific thing (at most ${AREA_MAX} characters).`;
  const question = draft.question?.trim() || (area ? suggestedQuestion(area) : '');
  if (question.length > QUESTION_MAX) errors.question = `Keep the question under ${QUESTION_MAX} characters.`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, area, question };
}

/** An answer or an account of how feedback was applied: some words, not a novel. */
export function checkLongText(text: string | null, max: number, emptyMessage: string): { ok: true; text: string } | { ok: false; error: string } {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return { ok: false, error: emptyMessage };
  if (trimmed.length > max) return { ok: false, error: `Keep it under ${max} characters.` };
  return { ok: true, text: trimmed };
}
