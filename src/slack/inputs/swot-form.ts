import type { SwotFields } from '../../domain/goals/swot.repository';
import { SWOT_TEXT_MAX } from '../blocks/swot-modal';
import { SwotModal } from '../ids';
import { type BlockErrors, readText } from './view-state';

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
