import type { ResourceAdded, ResourceExplored } from '../../domain/resources/events';
import { resourceAddedDm, resourceDoneDm } from '../blocks/resource-blocks';
import { dmTo, type EffectPlan, updateOf } from './plan';

/** The other person hears of the new resource, with "Mark explored", after their quiet hours. */
export const resourceAdded = (event: ResourceAdded): EffectPlan => ({
  pairId: event.resource.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.otherId),
      message: resourceAddedDm(event.resource, event.addedBy),
      timing: { zone: event.readerZone, isActor: false },
      unfurl: event.resource.url !== null,
    },
  ],
  home: [event.addedBy, event.otherId],
});

/** No one is told; the DM whose button led here shows the resource done (who, when, the takeaway). */
export const resourceExplored = (event: ResourceExplored): EffectPlan => ({
  pairId: event.resource.pairId,
  notices: event.source ? [{ topic: event.type, target: updateOf(event.source), message: resourceDoneDm(event.resource, event.readerZone) }] : [],
  home: [event.exploredBy, event.otherId],
});
