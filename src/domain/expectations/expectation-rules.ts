import type { PairExpectations } from '../../db/schema';
import type { FieldErrors } from '../pairs/pair-rules';

/** Each answer's limit (the modal's max_length and the column's check say the same). */
export const EXPECTATION_MAX = 1000;

/** The terms both people agree to. */
export interface Terms {
  /** How and how often to talk between meetings. */
  betweenMeetings: string | null;
  feedbackStyle: string | null;
  /** Boundaries and confidentiality. */
  boundaries: string | null;
}

/** What one person submits: the shared terms and their own hope. */
export interface ExpectationsForm extends Terms {
  myHope: string | null;
}

export type ExpectationField = keyof ExpectationsForm;

/** A form with nothing in it, or an answer over the limit, is refused under the field to change. */
export function validateExpectations(form: ExpectationsForm): FieldErrors<ExpectationField> {
  const errors: FieldErrors<ExpectationField> = {};
  for (const field of ['betweenMeetings', 'feedbackStyle', 'boundaries', 'myHope'] as const) {
    const value = form[field];
    if (value !== null && value.length > EXPECTATION_MAX) errors[field] = `Keep it under ${EXPECTATION_MAX} characters (it has ${value.length}).`;
  }
  if (Object.values(form).every((value) => value === null)) errors.betweenMeetings = 'Write at least one expectation (or close the form).';
  return errors;
}

/** Where the expectations stand, as every surface words it. */
export type ExpectationsState = { kind: 'none' } | { kind: 'proposed'; by: string; waitingFor: string } | { kind: 'agreed'; on: Date; by: string };

/** A pair's expectations as the screens show them, for one reader. */
export interface ExpectationsView extends Terms {
  pairId: string;
  mentorId: string;
  menteeId: string;
  mentorHope: string | null;
  menteeHope: string | null;
  version: number;
  state: ExpectationsState;
}

export function expectationsView(pair: { id: string; mentor_id: string; mentee_id: string }, row: PairExpectations | undefined): ExpectationsView {
  const other = (userId: string) => (userId === pair.mentor_id ? pair.mentee_id : pair.mentor_id);
  const state: ExpectationsState = !row
    ? { kind: 'none' }
    : row.agreed_at
      ? { kind: 'agreed', on: row.agreed_at, by: row.proposed_by }
      : { kind: 'proposed', by: row.proposed_by, waitingFor: other(row.proposed_by) };
  return {
    pairId: pair.id,
    mentorId: pair.mentor_id,
    menteeId: pair.mentee_id,
    betweenMeetings: row?.between_meetings ?? null,
    feedbackStyle: row?.feedback_style ?? null,
    boundaries: row?.boundaries ?? null,
    mentorHope: row?.mentor_hope ?? null,
    menteeHope: row?.mentee_hope ?? null,
    version: row?.version ?? 0,
    state,
  };
}
