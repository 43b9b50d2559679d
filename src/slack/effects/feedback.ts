import type { FeedbackApplied, FeedbackAnswered, FeedbackExampleAsked, FeedbackExampleGiven, FeedbackRequested } from '../../domain/feedback/events';
import { feedbackAnsweredDm, feedbackAppliedDm, feedbackExampleAskedDm, feedbackExampleGivenDm, feedbackRequestedDm } from '../blocks/feedback-messages';
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
export const feedbackAnswered = (event: FeedbackAnswered): EffectPlan =>
  stepPlan(event, event.item.requesterId, feedbackAnsweredDm(event.item, event.readerZone, event.canReport), () =>
    feedbackRequestedDm(event.item, null, event.responderZone),
  );

/** The mentor hears how it was applied; the mentee's answer DM shows it reported, at once. */
export const feedbackApplied = (event: FeedbackApplied): EffectPlan =>
  stepPlan(event, event.mentorId, feedbackAppliedDm(event.item, event.readerZone), () => feedbackAnsweredDm(event.item, event.requesterZone, true));

/** The answerer is asked for an example of their answer. (The asker's answer DM is redrawn by the press's own reply.) */
export const feedbackExampleAsked = (event: FeedbackExampleAsked): EffectPlan =>
  stepPlan(event, event.item.responderId, feedbackExampleAskedDm(event.item, event.readerZone));

/** The person who asked gets the example; the answerer's DM that asked for it shows it given, at once. */
export const feedbackExampleGiven = (event: FeedbackExampleGiven): EffectPlan =>
  stepPlan(event, event.item.requesterId, feedbackExampleGivenDm(event.item, event.readerZone), () => feedbackExampleAskedDm(event.item, event.responderZone));

type StepEvent = FeedbackAnswered | FeedbackApplied | FeedbackExampleAsked | FeedbackExampleGiven;

/**
 * One step's plan: the DM to the other person (after their quiet hours), the chat.update of the DM whose
 * button led here when the service vouched for it (`redraw`), and both people's Home.
 */
function stepPlan(event: StepEvent, to: string, message: PlannedNotice['message'], redraw?: () => PlannedNotice['message']): EffectPlan {
  const source = 'source' in event ? event.source : null;
  return {
    pairId: event.item.pairId,
    notices: [
      { topic: event.type, target: dmTo(to), message, timing: { zone: event.readerZone, isActor: false } },
      ...(source && redraw ? [{ topic: `${event.type}:source`, target: updateOf(source), message: redraw() }] : []),
    ],
    home: [event.item.requesterId, event.item.responderId],
  };
}
