import { parseUuid } from '../../../domain/ids';
import { RESOURCE_NOT_FOUND } from '../../../domain/resources/resources.service';
import { onAction } from '../../adapters/action';
import { resourceExploredModal } from '../../blocks/resource-blocks';
import { modalSource } from '../../inputs/origin';

/** "Mark explored" (value = resource id): either person of the resource's pair, once. */
export const resourceExploredOpen = onAction({
  name: 'resource_explored_open',
  parse: ({ value }) => parseUuid(value),
  malformed: RESOURCE_NOT_FOUND,
  run: (resourceId, { actor }, deps) => deps.services.resources.openForExplore(actor, resourceId),
  reply: (resource, press) => ({ kind: 'open', view: resourceExploredModal(resource, modalSource(press)) }),
});
