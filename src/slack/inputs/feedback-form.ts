import { z } from 'zod';
import { AREA_MAX, type FeedbackRequestField } from '../../domain/feedback/feedback-rules';
import { Uuid } from '../../domain/ids';
import type { MessageRef } from '../../domain/notices/source';
import type { Parsed } from '../adapters/view';
import { FeedbackModal } from '../ids';
import { requirePairId } from '../pair-resolver';
import { decodeMetadata } from './metadata';
import { sourceMessageOf } from './origin';
import { readText } from './view-state';

const { request: r, answer: an, apply: ap, example: ex } = FeedbackModal;

export const FEEDBACK_REQUEST_BLOCKS: Record<FeedbackRequestField, string> = { area: r.blocks.area, question: r.blocks.question };

/** Slack caps typed text at the inputs' max_length; these bounds hold whatever the client sent. */
const Typed = z.string().max(3000).nullable().catch(null);

type ViewLike = { private_metadata?: string; blocks: readonly { block_id?: string }[] };

/** The request modal: the pair (picked, or the one it was opened for), the area and the question (checked by the service). */
export function readFeedbackRequestForm(view: ViewLike, values: unknown): Parsed<{ pairId: string; area: string | null; question: string | null }> {
  const pair = requirePairId(view, values, r.blocks.area);
  if (!pair.ok) return pair;
  const area = Typed.parse(readText(values, r.blocks.area, r.actions.area));
  return { ok: true, value: { pairId: pair.pairId, area, question: Typed.parse(readText(values, r.blocks.question, r.actions.question)) } };
}

const ItemMetadata = z.object({ requestId: Uuid }).loose();

export interface FeedbackStepForm {
  /** A claim: the service checks who may act on it. */
  requestId: string;
  text: string | null;
  /** The DM whose button opened the modal (a claim too). */
  source: MessageRef | null;
}

/** Each step's modal: where its text is typed, and what to open again when the form has expired. */
const STEPS = {
  answer: { block: an.blocks.answer, action: an.actions.answer, reopen: 'request' },
  apply: { block: ap.blocks.application, action: ap.actions.application, reopen: 'answer' },
  example: { block: ex.blocks.example, action: ex.actions.example, reopen: 'request for an example' },
} as const;

/** The answer modal, the "how I applied it" modal or the example modal: the request it is about and the text typed. */
export function readFeedbackStepForm(step: keyof typeof STEPS, metadata: string | undefined, values: unknown): Parsed<FeedbackStepForm> {
  const { block, action, reopen } = STEPS[step];
  const requestId = decodeMetadata(ItemMetadata, metadata)?.requestId;
  if (!requestId) return { ok: false, errors: { [block]: `This form has expired; open the ${reopen} again.` } };
  const text = Typed.parse(readText(values, block, action));
  return { ok: true, value: { requestId, text, source: sourceMessageOf(metadata) } };
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
