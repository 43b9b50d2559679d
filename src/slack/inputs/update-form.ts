import { z } from 'zod';
import type { UpdatePart } from '../../domain/updates/update-rules';
import type { Parsed } from '../adapters/view';
import { UpdateModal } from '../ids';
import { requirePairId } from '../pair-resolver';
import { readText } from './view-state';

// Slack enforces the inputs' max_length; the service checks lengths again, so anything else is only "none".
const Part = z.string().max(3000).nullable().catch(null);

/** The update modal: which pair (picked, or the one it was opened for) and its three parts (checked by the service). */
export function readUpdateForm(
  view: { private_metadata?: string; blocks: readonly { block_id?: string }[] },
  values: unknown,
): Parsed<{ pairId: string } & Record<UpdatePart, string | null>> {
  const pair = requirePairId(view, values, UpdateModal.blocks.doneSince);
  if (!pair.ok) return pair;
  const part = (name: UpdatePart) => Part.parse(readText(values, UpdateModal.blocks[name], UpdateModal.actions[name]));
  return { ok: true, value: { pairId: pair.pairId, doneSince: part('doneSince'), win: part('win'), blocker: part('blocker') } };
}
