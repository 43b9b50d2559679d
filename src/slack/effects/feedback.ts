import type { FeedbackApplied, FeedbackAnswered, FeedbackRequested } from '../../domain/feedback/events';
import { feedbackAnsweredDm, feedbackAppliedDm, feedbackRequestedDm } from '../blocks/feedback-messages';
import { dmTo, type EffectPlan, type PlannedNotice, updateOf } from './plan';

/** The person asked gets the question, timed for their quiet hours unless the meeting it is for comes first. */
export const feedbackRequested = (event: FeedbackRequested): EffectPlan => ({
  pairId: event.item.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.item.responderId),
      message: feedbackRequestedDm(event.item, event.meetingAt, event.readerZone),
      timing: { zone: event.readerZone, isActor: false, meetingAt: event.meetingAt },
      meetingId: event.item.meetingId,
    },
  ],
  home: [event.item.requesterId, event.item.responderId],
});

/** The requester gets the answer; the responder's request DM shows it answered, at once. */
export const feedbackAnswered = (event: FeedbackAnswered): EffectPlan => ({
  pairId: event.item.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.item.requesterId),
      message: feedbackAnsweredDm(event.item, event.readerZone, event.canReport),
      timing: { zone: event.readerZone, isActor: false },
    },
    ...sourceUpdate(event, () => feedbackRequestedDm(event.item, null, event.responderZone)),
  ],
  home: [event.item.requesterId, event.item.responderId],
});

/** The mentor hears how it was applied; the mentee's answer DM shows it reported, at once. */
export const feedbackApplied = (event: FeedbackApplied): EffectPlan => ({
  pairId: event.item.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.mentorId),
      message: feedbackAppliedDm(event.item, event.readerZone),
      timing: { zone: event.readerZone, isActor: false },
    },
    ...sourceUpdate(event, () => feedbackAnsweredDm(event.item, event.requesterZone, true)),
  ],
  home: [event.item.requesterId, event.item.responderId],
});

/** The chat.update of the DM whose button opened the modal, when the service vouched for it. */
function sourceUpdate(event: FeedbackAnswered | FeedbackApplied, render: () => PlannedNotice['message']): PlannedNotice[] {
  return event.source ? [{ topic: `${event.type}:source`, target: updateOf(event.source), message: render() }] : [];
}
