import { z } from 'zod';
import type { ResourceField } from '../../domain/resources/resource-rules';
import { ResourceModal } from '../ids';
import { decodeMetadata } from './metadata';
import { RowId } from './origin';
import { readOption, readText, checkViewState } from './view-state';

const { add: a, explored: x } = ResourceModal;

export const RESOURCE_FIELD_BLOCKS: Record<ResourceField, string> = { title: a.blocks.title, url: a.blocks.url, kind: a.blocks.kind };

const AddForm = z.object({
  title: z.string().max(3000).nullable(),
  url: z.string().max(3000).nullable(),
  kind: z.string().max(75).nullable(),
  recommendedBy: z.enum(['me', 'other']).catch('me'),
});
export type ResourceAddForm = z.infer<typeof AddForm>;

export function readResourceAddForm(values: unknown): ResourceAddForm | null {
  const state = checkViewState(values);
  const parsed = AddForm.safeParse({
    title: readText(state, a.blocks.title, a.actions.title),
    url: readText(state, a.blocks.url, a.actions.url),
    kind: readOption(state, a.blocks.kind, a.actions.kind),
    recommendedBy: readOption(state, a.blocks.recommendedBy, a.actions.recommendedBy),
  });
  return parsed.success ? parsed.data : null;
}

export function readTakeaway(values: unknown): string | null {
  return z.string().max(3000).nullable().catch(null).parse(readText(values, x.blocks.takeaway, x.actions.takeaway));
}

const ExploredMetadata = z.object({ resourceId: RowId }).loose();

export function resourceIdOf(privateMetadata: string | undefined): string | null {
  return decodeMetadata(ExploredMetadata, privateMetadata)?.resourceId ?? null;
}

/** `/mentorship resources [add]`. */
export function parseResourcesWords(rest: string): { ok: true; action: 'list' | 'add' } | { ok: false; message: string } {
  const word = rest.trim().toLowerCase();
  if (word === '' || word === 'list') return { ok: true, action: 'list' };
  if (word === 'add') return { ok: true, action: 'add' };
  return { ok: false, message: '`/mentorship resources` lists your learning resources; `/mentorship resources add` adds one.' };
}
