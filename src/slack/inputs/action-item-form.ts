import { z } from 'zod';
import { Uuid } from '../../domain/ids';
import type { Parsed } from '../adapters/view';
import { ActionItemModal } from '../ids';
import { decodeMetadata } from './metadata';
import { checkViewState, readText } from './view-state';

const { blocks: b, actions: a } = ActionItemModal;

export const ACTION_ITEM_FIELD_BLOCKS = { body: b.body } as const;

/** The edit form: the new text (checked by the service) and the item from the metadata (a claim the service checks). */
export function readActionItemEdit(view: { private_metadata?: string }, values: unknown): Parsed<{ itemId: string | null; text: string }> {
  const text = readText(checkViewState(values), b.body, a.body);
  if (!text) return { ok: false, errors: { [b.body]: 'Say what is to be done.' } };
  return { ok: true, value: { itemId: decodeMetadata(z.object({ itemId: Uuid }), view.private_metadata)?.itemId ?? null, text } };
}
