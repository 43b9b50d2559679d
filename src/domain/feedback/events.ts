import type { MessageRef } from '../notices/source';
import type { FeedbackRequest } from './feedback.repository';

/** A feedback request as the screens show it: its words, who asked whom, and when each step happened. */
export interface FeedbackItem {
  id: string;
  pairId: string;
  meetingId: string | null;
  requesterId: string;
  responderId: string;
  area: string;
  question: string;
  answer: string | null;
  application: string | null;
  askedAt: Date;
  answeredAt: Date | null;
  appliedAt: Date | null;
  /** The person who asked asked for a concrete example of the answer; the answerer gave it. */
  exampleAskedAt: Date | null;
  example: string | null;
  exampleGivenAt: Date | null;
}

export const feedbackItem = (row: FeedbackRequest): FeedbackItem => ({
  id: row.id,
  pairId: row.pair_id,
  meetingId: row.meeting_id,
  requesterId: row.requester_id,
  responderId: row.responder_id,
  area: row.area,
  question: row.question,
  answer: row.answer,
  application: row.application,
  askedAt: row.created_at,
  answeredAt: row.answered_at,
  appliedAt: row.applied_at,
  exampleAskedAt: row.example_asked_at,
  example: row.example,
  exampleGivenAt: row.example_given_at,
});

/** The person asked hears it by DM, with a button to answer. */
export interface FeedbackRequested {
  type: 'feedback_requested';
  item: FeedbackItem;
  /** The meeting the request belongs to, if any (shown, and it may bring the DM forward past quiet hours). */
  meetingAt: Date | null;
  /** The responder's zone. */
  readerZone: string;
}

/** The person who asked gets the answer by DM; the request DM the answer was given from loses its button. */
export interface FeedbackAnswered {
  type: 'feedback_answered';
  item: FeedbackItem;
  /** A mentee who asked may report how they applied it. */
  canReport: boolean;
  /** The requester's zone. */
  readerZone: string;
  responderZone: string;
  /** The responder's DM that carried the Answer button, to update in place. */
  source: MessageRef | null;
}

/** The mentor hears how the mentee applied the answer; the answer DM loses its button. */
export interface FeedbackApplied {
  type: 'feedback_applied';
  item: FeedbackItem;
  mentorId: string;
  /** The mentor's zone. */
  readerZone: string;
  requesterZone: string;
  source: MessageRef | null;
}

/** The answerer is asked, by DM, for a concrete example of their answer, with a button to give it. */
export interface FeedbackExampleAsked {
  type: 'feedback_example_asked';
  item: FeedbackItem;
  /** The answerer's zone. */
  readerZone: string;
}

/** The person who asked gets the example by DM; the DM that asked for it loses its button. */
export interface FeedbackExampleGiven {
  type: 'feedback_example_given';
  item: FeedbackItem;
  /** The requester's zone. */
  readerZone: string;
  responderZone: string;
  /** The answerer's DM that carried the "Give an example" button, to update in place. */
  source: MessageRef | null;
}

export type FeedbackEvent = FeedbackRequested | FeedbackAnswered | FeedbackApplied | FeedbackExampleAsked | FeedbackExampleGiven;
