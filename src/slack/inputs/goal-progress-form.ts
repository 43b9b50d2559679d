import { z } from 'zod';
import type { ProgressInput } from '../../domain/goals/goal-progress.service';
import { GoalProgressModal } from '../ids';
import { type BlockErrors, readOptions, readText, ViewStateValues } from './view-state';

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
  const state = ViewStateValues.safeParse(values);
  const blockIds = new Set(state.success ? Object.keys(state.data) : []);
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
