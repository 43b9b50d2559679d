import { z } from 'zod';
import { parseUuid, Uuid } from '../domain/ids';
import { asChoice, type PairChoice } from '../domain/pairs/pair-choices';
import type { AppDeps } from './context';
import { PairPicker } from './ids';
import { decodeMetadata } from './inputs/metadata';
import { readOption } from './inputs/view-state';

/** The pairs a person belongs to, with display names of everyone involved (for pickers and text). */
export async function pairChoicesFor(deps: AppDeps, teamId: string, userId: string): Promise<{ choices: PairChoice[]; names: Record<string, string> }> {
  const { pairs, names: known } = await deps.services.pairs.listWithNamesFor(teamId, userId);
  const choices = pairs.map((pair) => asChoice(pair, userId));
  // Someone the bot has not met yet is named by their id (Slack shows <@id> mentions by name anyway).
  const names: Record<string, string> = Object.fromEntries([userId, ...choices.map((c) => c.otherId)].map((id) => [id, id]));
  return { choices, names: { ...names, ...known } };
}

const PairMetadata = z.object({ pairId: Uuid }).loose();

/**
 * The pair a modal submission is about: the picker's choice when the modal had one, else the pair id
 * the modal was opened with. Either way it is only a claim; services check membership again.
 */
export function submittedPairId(view: { private_metadata?: string; state: { values: unknown } }): string | null {
  const picked = readOption(view.state.values, PairPicker.blockId, PairPicker.actionId);
  // A forged option value that is not even an id is no claim at all (and must never reach SQL).
  if (picked !== null) return parseUuid(picked);
  return decodeMetadata(PairMetadata, view.private_metadata)?.pairId ?? null;
}

/**
 * The pair a submission is about, or the error that asks for one: under the picker when the modal
 * has one, else under `field`.
 */
export function requirePairId(
  view: { private_metadata?: string; blocks: readonly { block_id?: string }[] },
  values: unknown,
  field: string,
): { ok: true; pairId: string } | { ok: false; errors: Record<string, string> } {
  const pairId = submittedPairId({ private_metadata: view.private_metadata, state: { values } });
  if (pairId) return { ok: true, pairId };
  const block = view.blocks.some((b) => b.block_id === PairPicker.blockId) ? PairPicker.blockId : field;
  return { ok: false, errors: { [block]: 'Pick the mentorship this is for.' } };
}
