import { DomainError } from '../../../errors';
import { resourceExploredModal } from '../../blocks/resource-blocks';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parseRowId } from '../../inputs/origin';

/** "Mark explored" (value = resource id): either person of the resource's pair, once. */
export function resourceExploredOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const resourceId = parseRowId(press.value);
    if (!resourceId) throw new DomainError('not_found', "I can't find that resource in your mentorship.");
    const { resource } = await deps.services.resources.openForExplore(press.teamId, resourceId, press.userId);
    await press.client.views.open({ trigger_id: press.triggerId, view: resourceExploredModal(resource, press) });
  });
}
