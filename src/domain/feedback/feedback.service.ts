import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Executor } from '../../db/types';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { isUuid } from '../ids';
import { type MessageRef, ownDmMessage } from '../notices/source';
import { checkMembership, type Membership, pairOfMember } from '../pairs/access';
import type { FieldErrors } from '../pairs/pair-rules';
import { findPair } from '../pairs/pairs.repository';
import { zonesOf } from '../people/people.repository';
import { type FeedbackItem, feedbackItem } from './events';
import { ANSWER_MAX, APPLICATION_MAX, checkFeedbackRequest, checkLongText, type FeedbackRequestField } from './feedback-rules';
import {
  type FeedbackRequest,
  findFeedbackRequest,
  findNearestScheduledMeeting,
  insertFeedbackRequest,
  listAwaitingAnswer,
  listAwaitingApplication,
  saveAnswer,
  saveApplication,
} from './feedback.repository';

export type RequestResult = WithEffects<{ ok: true; item: FeedbackItem }> | { ok: false; errors: FieldErrors<FeedbackRequestField> };
export type AnswerResult = WithEffects<{ ok: true; item: FeedbackItem }> | { ok: false; errors: FieldErrors<'answer'> };
export type ApplicationResult = WithEffects<{ ok: true; item: FeedbackItem; mentorId: string }> | { ok: false; errors: FieldErrors<'application'> };

const INBOX_LIMIT = 10;
export const FEEDBACK_NOT_FOUND = "I can't find that feedback request among yours.";
const ALREADY_ANSWERED = 'You have already answered this feedback request.';
const ALREADY_APPLIED = 'You have already said how you applied this feedback.';

/**
 * Feedback on one specific area: the requester asks the other person in the pair, who answers; a
 * mentee who asked then says how they applied it and the mentor hears about it. Each step's message
 * to the other person is an event, written to the outbox with the step.
 */
export class FeedbackService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
  ) {}

  /** The feedback focus the pair's agenda names for its nearest meeting, to pre-fill the request. */
  async suggestedArea(actor: Actor, pairId: string): Promise<string | null> {
    const { pair } = await pairOfMember(this.db, actor, pairId);
    return (await findNearestScheduledMeeting(this.db, actor.teamId, pair.id, this.clock()))?.feedback_focus ?? null;
  }

  /** Stores the request, tied to the pair's nearest meeting; the other person is asked by DM (`feedback_requested`). */
  async request(actor: Actor, input: { pairId: string; area: string | null; question: string | null }): Promise<RequestResult> {
    const checked = checkFeedbackRequest({ area: input.area ?? '', question: input.question });
    if (!checked.ok) return checked;
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { pair, otherId } = await pairOfMember(tx, actor, input.pairId);
      const meeting = (await findNearestScheduledMeeting(tx, actor.teamId, pair.id, now)) ?? null;
      const row = await insertFeedbackRequest(tx, {
        team_id: actor.teamId,
        pair_id: pair.id,
        meeting_id: meeting?.id ?? null,
        requester_id: actor.userId,
        responder_id: otherId,
        area: checked.area,
        question: checked.question,
        answer: null,
        answered_at: null,
        application: null,
        applied_at: null,
        created_at: now,
      });
      const item = feedbackItem(row);
      const zones = await zonesOf(tx, actor.teamId, [otherId]);
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'feedback_requested', item, meetingAt: meeting?.scheduled_at ?? null, readerZone: zones[otherId]! },
      ]);
      return { ok: true as const, item, effects };
    });
  }

  /** What waits on this person: requests to answer, and (for a mentee) answers to report on. */
  async inbox(actor: Actor): Promise<{ toAnswer: FeedbackItem[]; toApply: FeedbackItem[] }> {
    const [toAnswer, toApply] = await Promise.all([
      listAwaitingAnswer(this.db, actor.teamId, actor.userId, INBOX_LIMIT),
      listAwaitingApplication(this.db, actor.teamId, actor.userId, INBOX_LIMIT),
    ]);
    return { toAnswer: toAnswer.map(feedbackItem), toApply: toApply.map(feedbackItem) };
  }

  /** A request this person may answer now; anyone else is told it does not exist. */
  async openForAnswer(actor: Actor, requestId: string): Promise<FeedbackItem> {
    const { request } = await findAsMember(this.db, actor, requestId, 'responder');
    if (request.status !== 'requested') throw new DomainError('conflict', ALREADY_ANSWERED);
    return feedbackItem(request);
  }

  /**
   * Stores the answer (once: the update is guarded on the status it moves from, so a double submit
   * stores one); the requester gets it by DM, and the DM it was given from loses its button.
   */
  async answer(actor: Actor, input: { requestId: string; answer: string | null; source: MessageRef | null }): Promise<AnswerResult> {
    const text = checkLongText(input.answer, ANSWER_MAX, 'Write your answer: one thing they could do differently, and why.');
    if (!text.ok) return { ok: false, errors: { answer: text.error } };
    return this.db.transaction().execute(async (tx) => {
      const { request, membership } = await findAsMember(tx, actor, input.requestId, 'responder');
      if (request.status !== 'requested') throw new DomainError('conflict', ALREADY_ANSWERED);
      const saved = await saveAnswer(tx, { teamId: actor.teamId, id: request.id, responderId: actor.userId, answer: text.text, at: this.clock() });
      if (!saved) throw new DomainError('conflict', ALREADY_ANSWERED);
      const item = feedbackItem(saved);
      const zones = await zonesOf(tx, actor.teamId, [item.requesterId, actor.userId]);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'feedback_answered',
          item,
          canReport: item.requesterId === membership.pair.mentee_id,
          readerZone: zones[item.requesterId]!,
          responderZone: zones[actor.userId]!,
          source: await ownDmMessage(tx, actor, input.source),
        },
      ]);
      return { ok: true as const, item, effects };
    });
  }

  /** An answered request the mentee who asked may now report on. */
  async openForApplication(actor: Actor, requestId: string): Promise<FeedbackItem> {
    const { request } = await findAsMember(this.db, actor, requestId, 'requester');
    checkApplicable(request);
    return feedbackItem(request);
  }

  /** Stores how the mentee applied the answer (once); the mentor hears it by DM, and the answer DM loses its button. */
  async reportApplication(actor: Actor, input: { requestId: string; application: string | null; source: MessageRef | null }): Promise<ApplicationResult> {
    const text = checkLongText(input.application, APPLICATION_MAX, 'Say what you tried and how it went.');
    if (!text.ok) return { ok: false, errors: { application: text.error } };
    return this.db.transaction().execute(async (tx) => {
      const { request, membership } = await findAsMember(tx, actor, input.requestId, 'requester');
      checkApplicable(request);
      const saved = await saveApplication(tx, { teamId: actor.teamId, id: request.id, requesterId: actor.userId, application: text.text, at: this.clock() });
      if (!saved) throw new DomainError('conflict', ALREADY_APPLIED);
      const item = feedbackItem(saved);
      const mentorId = membership.otherId;
      const zones = await zonesOf(tx, actor.teamId, [mentorId, actor.userId]);
      const source = await ownDmMessage(tx, actor, input.source);
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'feedback_applied', item, mentorId, readerZone: zones[mentorId]!, requesterZone: zones[actor.userId]!, source },
      ]);
      return { ok: true as const, item, mentorId, effects };
    });
  }
}

function checkApplicable(request: FeedbackRequest): void {
  if (request.status === 'applied') throw new DomainError('conflict', ALREADY_APPLIED);
  if (request.status !== 'answered') throw new DomainError('conflict', 'This request has not been answered yet.');
}

/**
 * A request and its pair, for the person on `side` of it, who must still belong to a live pair; only
 * the mentee who asked reports how they applied it. Everyone else gets the same not-found answer,
 * so a request id reveals nothing.
 */
async function findAsMember(
  db: Executor,
  actor: Actor,
  requestId: string,
  side: 'requester' | 'responder',
): Promise<{ request: FeedbackRequest; membership: Membership }> {
  const request = isUuid(requestId) ? await findFeedbackRequest(db, actor.teamId, requestId) : undefined;
  const onSide = request && (side === 'requester' ? request.requester_id : request.responder_id) === actor.userId;
  if (!request || !onSide) throw new DomainError('not_found', FEEDBACK_NOT_FOUND);
  const membership = checkMembership(await findPair(db, actor.teamId, request.pair_id), actor, {
    role: side === 'requester' ? 'mentee' : undefined,
    refusals: { notMember: FEEDBACK_NOT_FOUND, role: FEEDBACK_NOT_FOUND },
  });
  return { request, membership };
}
