import type { Meeting, Pair } from '../../db/schema';
import type { Actor } from '../actor';
import type { Recorded } from '../effects/effects';
import type { DomainEvent } from '../effects/events';
import type { MessageRef } from '../notices/source';
import type { AccessOptions, Membership } from '../pairs/access';
import type { FeedbackRequest, NewFeedbackRequest } from './feedback.repository';

/**
 * What the feedback service reads and writes, in its own words. On the database it is
 * `feedbackStoreOn` (the repositories); the fast test tier gives it an in-memory one, so the rules of
 * the request → answer → applied flow are proved in milliseconds as well as on PostgreSQL.
 */
export interface FeedbackReads {
  /** The access check (`pairs/access.ts`): the pair of a member, in an allowed state and role. */
  pairOfMember(actor: Actor, pairId: unknown, options?: AccessOptions): Promise<Membership>;
  findPair(teamId: string, pairId: string): Promise<Pair | undefined>;
  findRequest(teamId: string, id: string): Promise<FeedbackRequest | undefined>;
  nearestScheduledMeeting(teamId: string, pairId: string, now: Date): Promise<Meeting | undefined>;
  awaitingAnswer(teamId: string, userId: string, limit: number): Promise<FeedbackRequest[]>;
  awaitingApplication(teamId: string, userId: string, limit: number): Promise<FeedbackRequest[]>;
  /** Each person's zone (UTC when unknown). */
  zones(teamId: string, userIds: string[]): Promise<Record<string, string>>;
  /** The claimed source message, if it is in the actor's own DM with the bot (`notices/source.ts`). */
  ownDmMessage(actor: Actor, claim: MessageRef | null): Promise<MessageRef | null>;
}

export interface FeedbackWrites extends FeedbackReads {
  insertRequest(row: NewFeedbackRequest): Promise<FeedbackRequest>;
  /** The meeting's agenda feedback focus, set to `area` only while it has none. */
  fillEmptyFeedbackFocus(meetingId: string, area: string): Promise<void>;
  /** Guarded on the status it moves from: undefined when another submission got there first. */
  saveAnswer(input: { teamId: string; id: string; responderId: string; answer: string; at: Date }): Promise<FeedbackRequest | undefined>;
  saveApplication(input: { teamId: string; id: string; requesterId: string; application: string; at: Date }): Promise<FeedbackRequest | undefined>;
  saveExampleAsked(input: { teamId: string; id: string; requesterId: string; at: Date }): Promise<FeedbackRequest | undefined>;
  saveExample(input: { teamId: string; id: string; responderId: string; example: string; at: Date }): Promise<FeedbackRequest | undefined>;
  /** The events of this change, written with it (`effects/effects.ts`). */
  record(teamId: string, events: readonly DomainEvent[]): Promise<Recorded>;
}

export interface FeedbackStore extends FeedbackReads {
  /** One transaction: the writes and the notices their events cause commit together, or not at all. */
  transaction<T>(work: (tx: FeedbackWrites) => Promise<T>): Promise<T>;
}
