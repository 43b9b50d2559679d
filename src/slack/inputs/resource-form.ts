import { z } from 'zod';
import { Uuid } from '../../domain/ids';
import type { MessageRef } from '../../domain/notices/source';
import type { ResourceField } from '../../domain/resources/resource-rules';
import type { Parsed } from '../adapters/view';
import { ResourceModal } from '../ids';
import { requirePairId } from '../pair-resolver';
import { decodeMetadata } from './metadata';
import { sourceMessageOf } from './origin';
import { checkViewState, readOption, readText } from './view-state';

const { add: a, explored: x } = ResourceModal;

export const RESOURCE_FIELD_BLOCKS: Record<ResourceField, string> = { title: a.blocks.title, url: a.blocks.url, kind: a.blocks.kind };

const Typed = (max: number) => z.string().max(max).nullable().catch(null);
const AddForm = z.object({
  title: Typed(3000),
  url: Typed(3000),
  kind: Typed(75),
  // "Recommended by" starts with "I did" chosen; a missing or forged answer means the same.
  recommendedBy: z.enum(['me', 'other']).catch('me'),
});
export type ResourceAddForm = z.infer<typeof AddForm> & { pairId: string };

/** The add modal: the pair (picked, or the one it was opened for) and the fields (checked by the service). */
export function readResourceAddForm(view: { private_metadata?: string; blocks: readonly { block_id?: string }[] }, values: unknown): Parsed<ResourceAddForm> {
  const pair = requirePairId(view, values, a.blocks.title);
  if (!pair.ok) return pair;
  const state = checkViewState(values);
  const form = AddForm.parse({
    title: readText(state, a.blocks.title, a.actions.title),
    url: readText(state, a.blocks.url, a.actions.url),
    kind: readOption(state, a.blocks.kind, a.actions.kind),
    recommendedBy: readOption(state, a.blocks.recommendedBy, a.actions.recommendedBy),
  });
  return { ok: true, value: { ...form, pairId: pair.pairId } };
}

const ExploredMetadata = z.object({ resourceId: Uuid }).loose();

/** The "mark explored" modal: the resource (a claim), the takeaway, and the DM whose button opened it. */
export function readExploredForm(
  metadata: string | undefined,
  values: unknown,
): Parsed<{ resourceId: string; takeaway: string | null; source: MessageRef | null }> {
  const resourceId = decodeMetadata(ExploredMetadata, metadata)?.resourceId;
  if (!resourceId) return { ok: false, errors: { [x.blocks.takeaway]: 'This form has expired; open the resource again.' } };
  return {
    ok: true,
    value: { resourceId, takeaway: Typed(3000).parse(readText(values, x.blocks.takeaway, x.actions.takeaway)), source: sourceMessageOf(metadata) },
  };
}

/** `/mentorship resources [add]`. */
export function parseResourcesWords(rest: string): { ok: true; action: 'list' | 'add' } | { ok: false; message: string } {
  const word = rest.trim().toLowerCase();
  if (word === '' || word === 'list') return { ok: true, action: 'list' };
  if (word === 'add') return { ok: true, action: 'add' };
  return { ok: false, message: '`/mentorship resources` lists your learning resources; `/mentorship resources add` adds one.' };
}
