import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import type { EffectsRecorder } from '../effects/effects';
import { ownDmMessage } from '../notices/source';
import { pairOfMember } from '../pairs/access';
import { findPair } from '../pairs/pairs.repository';
import { zonesOf } from '../people/people.repository';
import {
  findFeedbackRequest,
  findNearestScheduledMeeting,
  insertFeedbackRequest,
  listAwaitingAnswer,
  listAwaitingApplication,
  saveAnswer,
  saveApplication,
  saveExample,
  saveExampleAsked,
  fillEmptyFeedbackFocus,
} from './feedback.repository';
import type { FeedbackReads, FeedbackStore, FeedbackWrites } from './feedback.store';

/** The feedback store on the database: each method is one repository call, in the pool or in the transaction. */
export function feedbackStoreOn(db: Kysely<Database>, effects: EffectsRecorder): FeedbackStore {
  return {
    ...readsOn(db),
    transaction: (work) => db.transaction().execute((tx) => work(writesOn(tx, effects))),
  };
}

function readsOn(db: Executor): FeedbackReads {
  return {
    pairOfMember: (actor, pairId, options) => pairOfMember(db, actor, pairId, { ...options, lock: false }),
    findPair: (teamId, pairId) => findPair(db, teamId, pairId),
    findRequest: (teamId, id) => findFeedbackRequest(db, teamId, id),
    nearestScheduledMeeting: (teamId, pairId, now) => findNearestScheduledMeeting(db, teamId, pairId, now),
    awaitingAnswer: (teamId, userId, limit) => listAwaitingAnswer(db, teamId, userId, limit),
    awaitingApplication: (teamId, userId, limit) => listAwaitingApplication(db, teamId, userId, limit),
    zones: (teamId, userIds) => zonesOf(db, teamId, userIds),
    ownDmMessage: (actor, claim) => ownDmMessage(db, actor, claim),
  };
}

function writesOn(tx: Tx, effects: EffectsRecorder): FeedbackWrites {
  return {
    ...readsOn(tx),
    insertRequest: (row) => insertFeedbackRequest(tx, row),
    fillEmptyFeedbackFocus: (meetingId, area) => fillEmptyFeedbackFocus(tx, meetingId, area),
    saveAnswer: (input) => saveAnswer(tx, input),
    saveApplication: (input) => saveApplication(tx, input),
    saveExampleAsked: (input) => saveExampleAsked(tx, input),
    saveExample: (input) => saveExample(tx, input),
    record: (teamId, events) => effects.record(tx, teamId, events),
  };
}
