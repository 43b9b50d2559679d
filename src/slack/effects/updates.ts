import type { UpdateSent } from '../../domain/updates/events';
import { updateDm } from '../blocks/update-blocks';
import { dmTo, type EffectPlan } from './plan';

/** An update between meetings: the other person reads it by DM, after their quiet hours. */
export const updateSent = (event: UpdateSent): EffectPlan => ({
  pairId: event.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.toId),
      message: updateDm({ fromId: event.fromId, update: event.update, nextMeetingAt: event.nextMeetingAt, zone: event.readerZone, pairId: event.pairId }),
      timing: { zone: event.readerZone, isActor: false },
    },
  ],
  home: [],
});
