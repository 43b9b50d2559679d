import { DomainError } from '../../../errors';
import { asChoice } from '../../../domain/pairs/pair-choices';
import { thanksModal } from '../../blocks/thanks-blocks';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parsePairValue } from '../../inputs/origin';

/** "Say thank you" (value = pair id), from a reminder DM, the Home tab or an ephemeral reply. */
export function thanksOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const value = parsePairValue(press.value, false);
    if (!value.ok || !value.pairId) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    const pair = await deps.services.pairs.getForMember(press.teamId, value.pairId, press.userId);
    const choice = asChoice(pair, press.userId);
    const names = await deps.services.people.displayNames(press.teamId, [press.userId, choice.otherId]);
    await press.client.views.open({
      trigger_id: press.triggerId,
      view: thanksModal({ choices: [choice], names, pairId: pair.id, channelId: press.channelId }),
    });
  });
}
