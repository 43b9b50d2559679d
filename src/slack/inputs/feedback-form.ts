import { z } from 'zod';
import { AREA_MAX, type FeedbackRequestField } from '../../domain/feedback/feedback-rules';
import { FeedbackModal } from '../ids';
import { decodeMetadata } from './metadata';
import { RowId } from './origin';
import { readText } from './view-state';

const { request: r, answer: an, apply: ap } = FeedbackModal;

export const FEEDBACK_REQUEST_BLOCKS: Record<FeedbackRequestField, string> = { area: r.blocks.area, question: r.blocks.question };

/** Slack caps typed text at the inputs' max_length; these bounds hold whatever the client sent. */
const Typed = (max: number) => z.string().max(max).nullable();

const RequestForm = z.object({ area: Typed(3000), question: Typed(3000) });

/** The request modal's fields; the domain decides what is acceptable. Null when the shape is wrong. */
export function readFeedbackRequestForm(values: unknown): { area: string | null; question: string | null } | null {
  const parsed = RequestForm.safeParse({ area: readText(values, r.blocks.area, r.actions.area), question: readText(values, r.blocks.question, r.actions.question) });
  return parsed.success ? parsed.data : null;
}

const ItemMetadata = z.object({ requestId: RowId }).loose();

/** The request an answer or application modal is about (a claim: the service checks who may act on it). */
export function feedbackRequestIdOf(privateMetadata: string | undefined): string | null {
  return decodeMetadata(ItemMetadata, privateMetadata)?.requestId ?? null;
}


export function readFeedbackAnswer(values: unknown): string | null {
  return Typed(3000).catch(null).parse(readText(values, an.blocks.answer, an.actions.answer));
}

export function readFeedbackApplication(values: unknown): string | null {
  return Typed(3000).catch(null).parse(readText(values, ap.blocks.application, ap.actions.application));
}

/** `/mentorship feedback [area…]`: the words, if any, name the area to ask about. */
export function parseFeedbackWords(rest: string): { ok: true; area: string | null } | { ok: false; message: string } {
  const area = rest.replace(/\s+/g, ' ').trim();
  if (area === '') return { ok: true, area: null };
  if (area.length > AREA_MAX) {
    return { ok: false, message: `Name one specific area in a few words (at most ${AREA_MAX} characters), e.g. \`/mentorship feedback running meetings\`.` };
  }
  return { ok: true, area };
}
