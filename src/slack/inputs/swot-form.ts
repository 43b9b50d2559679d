import { z } from 'zod';
import type { SwotFields } from '../../domain/goals/swot-fields';
import { Uuid } from '../../domain/ids';
import type { Parsed } from '../adapters/view';
import { SWOT_TEXT_MAX } from '../blocks/swot-modal';
import { SwotModal } from '../ids';
import { outOfDate } from './goal-values';
import { decodeMetadata } from './metadata';
import { type BlockErrors, readText } from './view-state';

const SwotMetadata = z.object({ pairId: Uuid });

/** Reads the SWOT modal; every part is optional, none may exceed the limit the input sets. */
export function parseSwotForm(values: unknown): { ok: true; fields: SwotFields } | { ok: false; errors: BlockErrors } {
  const keys = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
  const fields = {} as SwotFields;
  const errors: BlockErrors = {};
  for (const key of keys) {
    const text = readText(values, SwotModal.blocks[key], SwotModal.actions[key]);
    if (text !== null && text.length > SWOT_TEXT_MAX) errors[SwotModal.blocks[key]] = `Keep it under ${SWOT_TEXT_MAX} characters.`;
    fields[key] = text;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, fields };
}

/** The SWOT modal with the pair it was opened for (a claim the service checks). */
export function readSwotForm(metadata: string | undefined, values: unknown): Parsed<{ pairId: string; fields: SwotFields }> {
  const form = parseSwotForm(values);
  if (!form.ok) return form;
  const meta = decodeMetadata(SwotMetadata, metadata);
  if (!meta) return outOfDate(SwotModal.blocks.strengths, 'Close it and open the SWOT again.');
  return { ok: true, value: { pairId: meta.pairId, fields: form.fields } };
}
