import { z } from 'zod';
import type { ProgressInput } from '../../domain/goals/goal-progress.service';
import type { Parsed } from '../adapters/view';
import { GoalProgressModal } from '../ids';
import { outOfDate, ProgressMetadata } from './goal-values';
import { decodeMetadata } from './metadata';
import { type BlockErrors, CheckedViewState, readOptions, readText } from './view-state';

const Value = z.coerce
  .number({ error: 'Enter a number.' })
  .refine((n) => Number.isFinite(n), 'Enter a number.')
  .refine((n) => n >= 0, 'Enter 0 or more.')
  .refine((n) => n <= 1_000_000_000, 'That number is too large.');

/**
 * Reads the progress modal for the items it showed (from private_metadata; re-checked by the
 * service). A number field left empty keeps its value.
 */
export function parseProgressForm(values: unknown, shownItemIds: readonly string[]): { ok: true; input: ProgressInput } | { ok: false; errors: BlockErrors } {
  const blockIds = new Set(Object.keys(CheckedViewState.of(values).data ?? {}));
  const numbers: Record<string, number> = {};
  const errors: BlockErrors = {};
  for (const itemId of shownItemIds) {
    const block = GoalProgressModal.numericBlock(itemId);
    if (!blockIds.has(block)) continue;
    const text = readText(values, block, GoalProgressModal.numericAction);
    if (text === null) continue;
    const parsed = Value.safeParse(text.replace(',', '.'));
    if (parsed.success) numbers[itemId] = parsed.data;
    else errors[block] = parsed.error.issues[0]?.message ?? 'Enter a number.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const shown = new Set(shownItemIds);
  const ticked = [
    ...readOptions(values, GoalProgressModal.checks.block, GoalProgressModal.checks.action),
    ...readOptions(values, GoalProgressModal.milestones.block, GoalProgressModal.milestones.action),
  ].filter((id) => shown.has(id));
  return { ok: true, input: { shownItemIds, values: numbers, doneItemIds: ticked } };
}

/** The progress modal's first input: its blocks depend on the goal's items, and a refusal needs one to sit under. */
export const firstInputBlock = (view: { blocks: readonly { type?: string; block_id?: string }[] }): string =>
  view.blocks.find((block) => block.type === 'input' && block.block_id)?.block_id ?? GoalProgressModal.checks.block;

/** The progress modal, for the goal and the items it showed (both from its metadata: claims the service checks). */
export function readProgressForm(
  view: { private_metadata?: string; blocks: readonly { type?: string; block_id?: string }[] },
  values: unknown,
): Parsed<{ goalId: string; input: ProgressInput }> {
  const meta = decodeMetadata(ProgressMetadata, view.private_metadata);
  if (!meta) return outOfDate(firstInputBlock(view), 'Close it and press Update progress again.');
  const form = parseProgressForm(values, meta.shown);
  return form.ok ? { ok: true, value: { goalId: meta.goalId, input: form.input } } : form;
}
