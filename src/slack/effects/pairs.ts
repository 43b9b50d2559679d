import type { CheckInNoteSent, InvitationClosed, PairChanged, PairCreated, PairEnded, PairInvited, PairPaused, PairResumed } from '../../domain/pairs/events';
import { checkInNoteMessage, closingPost, closingSummaryMessage, coordinatorEndNotice } from '../blocks/closing-messages';
import { invitationClosedMessage, invitationMessage, pairChangedMessage, pairPausedMessage, pairResumedMessage } from '../blocks/pair-life-messages';
import { channelIntroMessage, introFailedMessage, welcomeMessage } from '../blocks/pair-messages';
import { dmTo, type EffectPlan, type PlannedNotice, postIn } from './plan';

/**
 * Both people are welcomed, each with the first meeting in their own zone (the one who caused it at
 * once, the other after their quiet hours unless the first meeting comes first), and the pair is
 * introduced in its goals channel. If Slack refuses the introduction for good (a private channel the
 * bot is not in), the person who set the pair up is told instead.
 */
export function pairCreated(event: PairCreated): EffectPlan {
  const actorId = event.actorId ?? event.createdBy;
  const welcomes = [event.mentorId, event.menteeId].map((userId): PlannedNotice => {
    const zone = event.zones[userId] ?? 'UTC';
    return {
      topic: 'pair_welcome',
      target: dmTo(userId),
      message: welcomeMessage(event, { userId, timeZone: zone }),
      timing: { zone, isActor: userId === actorId, meetingAt: event.firstMeetingAt },
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

/** The invitation, to the invitee after their quiet hours. */
export function pairInvited(event: PairInvited): EffectPlan {
  return {
    pairId: event.pairId,
    notices: [
      {
        topic: 'pair_invitation',
        target: dmTo(event.inviteeId),
        message: invitationMessage(event),
        timing: { zone: event.inviteeZone, isActor: false },
      },
    ],
    home: [event.inviterId, event.inviteeId],
  };
}

/** The pair is gone, so its notice belongs to no pair (a pair's rows are removed with it). */
export function invitationClosed(event: InvitationClosed): EffectPlan {
  return {
    pairId: null,
    notices: [
      {
        topic: `invitation_${event.how}`,
        target: dmTo(event.readerId),
        message: invitationClosedMessage(event),
        timing: { zone: event.readerZone, isActor: false },
      },
    ],
    home: [event.inviterId, event.inviteeId],
  };
}

export function pairPaused(event: PairPaused): EffectPlan {
  return {
    pairId: event.pairId,
    notices: [
      {
        topic: event.cause === 'deactivated' ? 'pair_paused_partner_deactivated' : 'pair_paused',
        target: dmTo(event.readerId),
        message: pairPausedMessage(event),
        timing: { zone: event.readerZone, isActor: false },
      },
    ],
    home: [event.actorId, event.readerId],
  };
}

/** A member resuming tells the other; a pause ending on its date tells both. */
export function pairResumed(event: PairResumed): EffectPlan {
  const readers = event.memberIds.filter((userId) => userId !== event.actorId);
  return {
    pairId: event.pairId,
    notices: readers.map((userId) => {
      const zone = event.zones[userId] ?? 'UTC';
      return {
        topic: 'pair_resumed',
        target: dmTo(userId),
        message: pairResumedMessage(event, { userId, zone }),
        timing: { zone, isActor: false, meetingAt: event.nextMeetingAt },
      };
    }),
    home: [...event.memberIds],
  };
}

export function pairChanged(event: PairChanged): EffectPlan {
  const next = event.changes.find((change) => change.field === 'nextMeeting');
  const meetingAt = next?.field === 'nextMeeting' ? (next.to ?? null) : null;
  return {
    pairId: event.pairId,
    notices: [
      {
        topic: 'pair_changed',
        target: dmTo(event.readerId),
        message: pairChangedMessage(event),
        timing: { zone: event.readerZone, isActor: false, meetingAt },
      },
    ],
    home: [event.actorId, event.readerId],
  };
}

/**
 * The closing summary to both (the one who ended it at once), a short closing post in the goals
 * channel, and, when a member stepped out of a coordinator's pair, a word to that coordinator.
 */
export function pairEnded(event: PairEnded): EffectPlan {
  const summaries = [event.mentorId, event.menteeId].map((userId): PlannedNotice => {
    const zone = event.zones[userId] ?? 'UTC';
    return {
      topic: 'pair_closing_summary',
      target: dmTo(userId),
      message: closingSummaryMessage(event, userId),
      timing: { zone, isActor: userId === event.endedBy },
    };
  });
  const post: PlannedNotice = { topic: 'pair_closing_post', target: postIn(event.goalsChannelId), message: closingPost(event) };
  const coordinator: PlannedNotice[] =
    event.coordinatorId && event.endedBy
      ? [{ topic: 'pair_ended_coordinator', target: dmTo(event.coordinatorId), message: coordinatorEndNotice(event), timing: { zone: 'UTC', isActor: false } }]
      : [];
  return { pairId: event.pairId, notices: [...summaries, post, ...coordinator], home: [event.mentorId, event.menteeId] };
}

export function checkInNoteSent(event: CheckInNoteSent): EffectPlan {
  return {
    pairId: event.pairId,
    notices: [{ topic: 'check_in_note', target: dmTo(event.toId), message: checkInNoteMessage(event), timing: { zone: event.toZone, isActor: false } }],
    home: [],
  };
}

/** Every pair event's planner, for the registry. */
export const PAIR_PLANNERS = {
  pair_created: pairCreated,
  pair_invited: pairInvited,
  invitation_closed: invitationClosed,
  pair_paused: pairPaused,
  pair_resumed: pairResumed,
  pair_changed: pairChanged,
  pair_ended: pairEnded,
  check_in_note_sent: checkInNoteSent,
} as const;
