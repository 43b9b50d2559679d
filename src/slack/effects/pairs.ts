import type { PairCreated } from '../../domain/pairs/events';
import { channelIntroMessage, introFailedMessage, welcomeMessage } from '../blocks/pair-messages';
import { dmTo, type EffectPlan, type PlannedNotice, postIn } from './plan';

/**
 * Both people are welcomed, each with the first meeting in their own zone (the one who set the pair up
 * at once, the other after their quiet hours unless the first meeting comes first), and the pair is
 * introduced in its goals channel. If Slack refuses the introduction for good (a private channel the
 * bot is not in), the person who set the pair up is told instead.
 */
export function pairCreated(event: PairCreated): EffectPlan {
  const welcomes = [event.mentorId, event.menteeId].map((userId): PlannedNotice => {
    const zone = event.zones[userId] ?? 'UTC';
    return {
      topic: 'pair_welcome',
      target: dmTo(userId),
      message: welcomeMessage(event, { userId, timeZone: zone }),
      timing: { zone, isActor: userId === event.createdBy, meetingAt: event.firstMeetingAt },
    };
  });
  const introduction: PlannedNotice = {
    topic: 'pair_introduction',
    target: postIn(event.goalsChannelId),
    message: channelIntroMessage(event),
    fallback: { topic: 'pair_introduction_failed', target: dmTo(event.createdBy), message: introFailedMessage(event.goalsChannelId) },
  };
  return { pairId: event.pairId, notices: [...welcomes, introduction], home: [event.mentorId, event.menteeId] };
}
