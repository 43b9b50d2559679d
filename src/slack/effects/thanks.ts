import type { ThanksSent } from '../../domain/appreciation/events';
import { thanksDm } from '../blocks/thanks-blocks';
import { dmTo, type EffectPlan } from './plan';

export const thanksSent = (event: ThanksSent): EffectPlan => ({
  pairId: event.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.toId),
      message: thanksDm({ fromId: event.fromId, message: event.message, meetingAt: event.meetingAt, zone: event.readerZone }),
      timing: { zone: event.readerZone, isActor: false },
    },
  ],
  home: [event.fromId, event.toId],
});
