import { DomainError } from '../../../errors';
import { asChoice } from '../../../domain/pairs/pair-choices';
import { resourceAddModal } from '../../blocks/resource-blocks';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parsePairValue } from '../../inputs/origin';

/** "Add resource" (value = pair id), from the resources list, the Home tab or a reminder. */
export function resourceOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const value = parsePairValue(press.value, false);
    if (!value.ok || !value.pairId) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    const pair = await deps.services.pairs.getForMember(press.teamId, value.pairId, press.userId);
    const choice = asChoice(pair, press.userId);
    const names = await deps.services.people.displayNames(press.teamId, [press.userId, choice.otherId]);
    await press.client.views.open({
      trigger_id: press.triggerId,
      view: resourceAddModal({ choices: [choice], names, pairId: pair.id, channelId: press.channelId }),
    });
  });
}
