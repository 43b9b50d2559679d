import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import type { WithEffects } from '../effects/effects';
import { isUuid } from '../ids';
import type { MessageRef } from '../notices/source';
import { checkMembership, type Membership } from '../pairs/access';
import type { FieldErrors } from '../pairs/pair-rules';
import { type FeedbackItem, feedbackItem } from './events';
import { ANSWER_MAX, APPLICATION_MAX, checkFeedbackRequest, EXAMPLE_MAX, checkLongText, type FeedbackRequestField } from './feedback-rules';
import type { FeedbackRequest } from './feedback.repository';
import type { FeedbackReads, FeedbackStore } from './feedback.store';

export type RequestResult = WithEffects<{ ok: true; item: FeedbackItem }> | { ok: false; errors: FieldErrors<FeedbackRequestField> };
export type AnswerResult = WithEffects<{ ok: true; item: FeedbackItem }> | { ok: false; errors: FieldErrors<'answer'> };
export type ApplicationResult = WithEffects<{ ok: true; item: FeedbackItem; mentorId: string }> | { ok: false; errors: FieldErrors<'application'> };

export type ExampleGivenResult = WithEffects<{ ok: true; item: FeedbackItem }> | { ok: false; errors: FieldErrors<'example'> };

/** The answer DM as the person who asked sees it: enough to draw it again after their press. */
export interface AnswerView {
  item: FeedbackItem;
  readerZone: string;
  canReport: boolean;
}
/** "Ask for an example": asked now, or already asked (a stale button: nothing changes, the DM is redrawn). */
export type ExampleAskResult = WithEffects<{ kind: 'asked'; view: AnswerView }> | { kind: 'stale'; view: AnswerView };
/** "Give an example": the modal to open, or already given (the DM asking for it is redrawn). */
export type ExampleOpenResult = { kind: 'open'; item: FeedbackItem } | { kind: 'stale'; item: FeedbackItem; readerZone: string };

const INBOX_LIMIT = 10;
export const FEEDBACK_NOT_FOUND = "I can't find that feedback request among yours.";
const ALREADY_ANSWERED = 'You have already answered this feedback request.';
const ALREADY_APPLIED = 'You have already said how you applied this feedback.';
export const ALREADY_ASKED_EXAMPLE = 'You have already asked for an example of this answer.';
export const ALREADY_GAVE_EXAMPLE = 'You have already given an example for this answer.';
const NO_EXAMPLE_ASKED = 'No example was asked for on this answer.';

/**
 * Feedback on one specific area: the requester asks the other person in the pair, who answers; a
 * mentee who asked then says how they applied it and the mentor hears about it. Each step's message
 * to the other person is an event, written to the outbox with the step.
 */
export class FeedbackService {
  constructor(
    private readonly store: FeedbackStore,
    private readonly clock: () => Date,
  ) {}

  /** The feedback focus the pair's agenda names for its nearest meeting, to pre-fill the request. */
  async suggestedArea(actor: Actor, pairId: string): Promise<string | null> {
    const { pair } = await this.store.pairOfMember(actor, pairId);
    return (await this.store.nearestScheduledMeeting(actor.teamId, pair.id, this.clock()))?.feedback_focus ?? null;
  }

  /**
   * Stores the request, tied to the pair's nearest meeting; the other person is asked by DM (`feedback_requested`).
   * The mentee's request for a meeting still ahead fills that agenda's empty feedback focus: one thing, shown in both.
   */
  async request(actor: Actor, input: { pairId: string; area: string | null; question: string | null }): Promise<RequestResult> {
    const checked = checkFeedbackRequest({ area: input.area ?? '', question: input.question });
    if (!checked.ok) return checked;
    const now = this.clock();
    return this.store.transaction(async (tx) => {
      const { pair, otherId } = await tx.pairOfMember(actor, input.pairId);
      const meeting = (await tx.nearestScheduledMeeting(actor.teamId, pair.id, now)) ?? null;
      const row = await tx.insertRequest({
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
      // A mentee's request for the meeting ahead is its agenda's feedback focus when the agenda names none.
      if (meeting && meeting.scheduled_at > now && actor.userId === pair.mentee_id && !meeting.feedback_focus)
        await tx.fillEmptyFeedbackFocus(meeting.id, checked.area);
      const item = feedbackItem(row);
      const zones = await tx.zones(actor.teamId, [otherId]);
      const effects = await tx.record(actor.teamId, [
        { type: 'feedback_requested', item, meetingAt: meeting?.scheduled_at ?? null, readerZone: zones[otherId]! },
      ]);
      return { ok: true as const, item, effects };
    });
  }

  /** What waits on this person: requests to answer, and (for a mentee) answers to report on. */
  async inbox(actor: Actor): Promise<{ toAnswer: FeedbackItem[]; toApply: FeedbackItem[] }> {
    const [toAnswer, toApply] = await Promise.all([
      this.store.awaitingAnswer(actor.teamId, actor.userId, INBOX_LIMIT),
      this.store.awaitingApplication(actor.teamId, actor.userId, INBOX_LIMIT),
    ]);
    return { toAnswer: toAnswer.map(feedbackItem), toApply: toApply.map(feedbackItem) };
  }

  /** A request this person may answer now; anyone else is told it does not exist. */
  async openForAnswer(actor: Actor, requestId: string): Promise<FeedbackItem> {
    const { request } = await findAsMember(this.store, actor, requestId, 'responder');
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
    return this.store.transaction(async (tx) => {
      const { request, membership } = await findAsMember(tx, actor, input.requestId, 'responder');
      if (request.status !== 'requested') throw new DomainError('conflict', ALREADY_ANSWERED);
      const saved = await tx.saveAnswer({ teamId: actor.teamId, id: request.id, responderId: actor.userId, answer: text.text, at: this.clock() });
      if (!saved) throw new DomainError('conflict', ALREADY_ANSWERED);
      const item = feedbackItem(saved);
      const zones = await tx.zones(actor.teamId, [item.requesterId, actor.userId]);
      const effects = await tx.record(actor.teamId, [
        {
          type: 'feedback_answered',
          item,
          canReport: item.requesterId === membership.pair.mentee_id,
          readerZone: zones[item.requesterId]!,
          responderZone: zones[actor.userId]!,
          source: await tx.ownDmMessage(actor, input.source),
        },
      ]);
      return { ok: true as const, item, effects };
    });
  }

  /** An answered request the mentee who asked may now report on. */
  async openForApplication(actor: Actor, requestId: string): Promise<FeedbackItem> {
    const { request } = await findAsMember(this.store, actor, requestId, 'requester', 'mentee');
    checkApplicable(request);
    return feedbackItem(request);
  }

  /** Stores how the mentee applied the answer (once); the mentor hears it by DM, and the answer DM loses its button. */
  async reportApplication(actor: Actor, input: { requestId: string; application: string | null; source: MessageRef | null }): Promise<ApplicationResult> {
    const text = checkLongText(input.application, APPLICATION_MAX, 'Say what you tried and how it went.');
    if (!text.ok) return { ok: false, errors: { application: text.error } };
    return this.store.transaction(async (tx) => {
      const { request, membership } = await findAsMember(tx, actor, input.requestId, 'requester', 'mentee');
      checkApplicable(request);
      const saved = await tx.saveApplication({ teamId: actor.teamId, id: request.id, requesterId: actor.userId, application: text.text, at: this.clock() });
      if (!saved) throw new DomainError('conflict', ALREADY_APPLIED);
      const item = feedbackItem(saved);
      const mentorId = membership.otherId;
      const zones = await tx.zones(actor.teamId, [mentorId, actor.userId]);
      const source = await tx.ownDmMessage(actor, input.source);
      const effects = await tx.record(actor.teamId, [
        { type: 'feedback_applied', item, mentorId, readerZone: zones[mentorId]!, requesterZone: zones[actor.userId]!, source },
      ]);
      return { ok: true as const, item, mentorId, effects };
    });
  }

  /**
   * The person who asked (mentor or mentee) asks the answerer for a concrete example, once: the
   * answerer gets a DM quoting their answer with a button to give it (`feedback_example_asked`).
   * A second press (a double click, an old copy of the DM) changes nothing and says so.
   */
  async askForExample(actor: Actor, requestId: string): Promise<ExampleAskResult> {
    return this.store.transaction(async (tx) => {
      const { request, membership } = await findAsMember(tx, actor, requestId, 'requester');
      if (request.answer === null) throw new DomainError('conflict', 'This request has not been answered yet.');
      const zones = await tx.zones(actor.teamId, [actor.userId, request.responder_id]);
      const view = (row: FeedbackRequest): AnswerView => ({
        item: feedbackItem(row),
        readerZone: zones[actor.userId]!,
        canReport: row.requester_id === membership.pair.mentee_id,
      });
      const saved = request.example_asked_at
        ? undefined
        : await tx.saveExampleAsked({ teamId: actor.teamId, id: request.id, requesterId: actor.userId, at: this.clock() });
      if (!saved) return { kind: 'stale' as const, view: view((await tx.findRequest(actor.teamId, request.id)) ?? request) };
      const item = feedbackItem(saved);
      const effects = await tx.record(actor.teamId, [{ type: 'feedback_example_asked', item, readerZone: zones[item.responderId]! }]);
      return { kind: 'asked' as const, view: view(saved), effects };
    });
  }

  /** The example modal, for the person who answered, once an example was asked for and until it is given. */
  async openForExample(actor: Actor, requestId: string): Promise<ExampleOpenResult> {
    const { request } = await findAsMember(this.store, actor, requestId, 'responder');
    if (!request.example_asked_at) throw new DomainError('conflict', NO_EXAMPLE_ASKED);
    if (!request.example_given_at) return { kind: 'open', item: feedbackItem(request) };
    const zones = await this.store.zones(actor.teamId, [actor.userId]);
    return { kind: 'stale', item: feedbackItem(request), readerZone: zones[actor.userId]! };
  }

  /** Stores the example (once); the person who asked gets it by DM, and the DM asking for it loses its button. */
  async giveExample(actor: Actor, input: { requestId: string; example: string | null; source: MessageRef | null }): Promise<ExampleGivenResult> {
    const text = checkLongText(input.example, EXAMPLE_MAX, 'Describe one concrete moment: what happened, and what could have gone differently.');
    if (!text.ok) return { ok: false, errors: { example: text.error } };
    return this.store.transaction(async (tx) => {
      const { request } = await findAsMember(tx, actor, input.requestId, 'responder');
      if (!request.example_asked_at) throw new DomainError('conflict', NO_EXAMPLE_ASKED);
      if (request.example_given_at) throw new DomainError('conflict', ALREADY_GAVE_EXAMPLE);
      const saved = await tx.saveExample({ teamId: actor.teamId, id: request.id, responderId: actor.userId, example: text.text, at: this.clock() });
      if (!saved) throw new DomainError('conflict', ALREADY_GAVE_EXAMPLE);
      const item = feedbackItem(saved);
      const zones = await tx.zones(actor.teamId, [item.requesterId, actor.userId]);
      const source = await tx.ownDmMessage(actor, input.source);
      const effects = await tx.record(actor.teamId, [
        { type: 'feedback_example_given', item, readerZone: zones[item.requesterId]!, responderZone: zones[actor.userId]!, source },
      ]);
      return { ok: true as const, item, effects };
    });
  }
}

function checkApplicable(request: FeedbackRequest): void {
  if (request.status === 'applied') throw new DomainError('conflict', ALREADY_APPLIED);
  if (request.status !== 'answered') throw new DomainError('conflict', 'This request has not been answered yet.');
}

/**
 * A request and its pair, for the person on `side` of it (in `role`, when given), who must still
 * belong to a live pair; only the mentee who asked reports how they applied it. Everyone else gets the same not-found answer,
 * so a request id reveals nothing.
 */
async function findAsMember(
  store: FeedbackReads,
  actor: Actor,
  requestId: string,
  side: 'requester' | 'responder',
  role?: 'mentee',
): Promise<{ request: FeedbackRequest; membership: Membership }> {
  const request = isUuid(requestId) ? await store.findRequest(actor.teamId, requestId) : undefined;
  const onSide = request && (side === 'requester' ? request.requester_id : request.responder_id) === actor.userId;
  if (!request || !onSide) throw new DomainError('not_found', FEEDBACK_NOT_FOUND);
  const membership = checkMembership(await store.findPair(actor.teamId, request.pair_id), actor, {
    role,
    refusals: { notMember: FEEDBACK_NOT_FOUND, role: FEEDBACK_NOT_FOUND },
  });
  return { request, membership };
}
