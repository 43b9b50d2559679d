import type { View } from '@slack/types';
import { type PairChoice, asChoice } from '../../../domain/pairs/pair-choices';
import { DomainError } from '../../../errors';
import type { AppDeps } from '../../context';
import { buttonHandler, type ButtonPress } from '../../interaction-replies';
import { parsePairValue } from '../../inputs/origin';

export interface PairPress {
  press: ButtonPress;
  choice: PairChoice;
}

/**
 * A button whose value names a pair and that opens a modal about it ("Add resource", "Say thanks",
 * "Ask for feedback"), from any surface. The value is untrusted: the presser must belong to the pair.
 */
export function pairModalButton(deps: AppDeps, modalFor: (pressed: PairPress) => Promise<View>) {
  return buttonHandler(deps, async (press) => {
    const value = parsePairValue(press.value, false);
    if (!value.ok || !value.pairId) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    const pair = await deps.services.pairs.getForMember(press.teamId, value.pairId, press.userId);
    const view = await modalFor({ press, choice: asChoice(pair, press.userId) });
    await press.client.views.open({ trigger_id: press.triggerId, view });
  });
}
