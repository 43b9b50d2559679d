import { resourceAddModal } from '../../blocks/resource-blocks';
import type { AppDeps } from '../../context';
import { pairModalButton } from './pair-button';

/** "Add resource" (value = pair id), from the resources list, the Home tab or a reminder. */
export function resourceOpen(deps: AppDeps) {
  return pairModalButton(deps, async ({ press, choice }) => {
    const names = await deps.services.people.displayNames(press.teamId, [press.userId, choice.otherId]);
    return resourceAddModal({ choices: [choice], names, pairId: choice.pair.id, channelId: press.channelId });
  });
}
