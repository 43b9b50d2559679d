import { resourceAddModal } from '../../blocks/resource-blocks';
import { pairModalAction } from './pair-button';

/** "Add resource" (value = pair id), from the resources list, the Home tab or a reminder. */
export const resourceOpen = pairModalAction('resource_open', async (membership, { actor }, deps) => {
  const names = await deps.services.people.displayNames(actor.teamId, [actor.userId, membership.otherId]);
  return resourceAddModal({ choices: [membership], names, pairId: membership.pair.id, channelId: actor.channelId });
});
