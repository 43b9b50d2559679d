import { z } from 'zod';
import type { Parsed } from '../adapters/view';
import { MyDataDeleteModal } from '../ids';
import { decodeMetadata } from './metadata';
import { readOptions } from './view-state';

/** What a press or a submission claims for someone else's data is refused with this (nothing changed). */
export const NOT_YOURS = 'That was meant for someone else: your data is only ever your own. Nothing was changed.';

/** A mydata button acts only for the person it was shown to (its value); anyone else's press is refused. */
export const ownPress = (press: { value: string | undefined; actor: { userId: string } }): true | null => (press.value === press.actor.userId ? true : null);

const Metadata = z.object({ userId: z.string() });

/** The confirmation must be the submitter's own, and the box ticked. */
export function readDeleteConfirmation(view: { private_metadata?: string }, values: unknown, userId: string): Parsed<true> {
  const block = MyDataDeleteModal.blocks.confirm;
  if (decodeMetadata(Metadata, view.private_metadata)?.userId !== userId) return { ok: false, errors: { [block]: NOT_YOURS } };
  if (!readOptions(values, block, MyDataDeleteModal.actions.confirm).includes(MyDataDeleteModal.confirmValue)) {
    return { ok: false, errors: { [block]: 'Tick the box to confirm, or close this to keep your data.' } };
  }
  return { ok: true, value: true };
}
