import type { Kysely } from 'kysely';
import type { Database, Meeting, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import type { FieldErrors } from '../pairs/pair-rules';
import { findPair } from '../pairs/pairs.repository';
import { isMember, otherMember, pairOfMember } from '../pairs/membership';
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

export type RequestResult =
  | { ok: true; request: FeedbackRequest; pair: Pair; meeting: Meeting | null }
  | { ok: false; errors: FieldErrors<FeedbackRequestField> };
export type AnswerResult = { ok: true; request: FeedbackRequest; pair: Pair } | { ok: false; errors: FieldErrors<'answer'> };
export type ApplicationResult = { ok: true; request: FeedbackRequest; pair: Pair } | { ok: false; errors: FieldErrors<'application'> };

const INBOX_LIMIT = 10;
const NOT_FOUND = "I can't find that feedback request among yours.";

/**
 * Feedback on one specific area: the requester asks the other person in the pair, who answers; a
 * mentee who asked then says how they applied it and the mentor hears about it.
 */
export class FeedbackService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /** The feedback focus the pair's agenda names for its nearest meeting, to pre-fill the request. */
  async suggestedArea(teamId: string, pairId: string, userId: string): Promise<string | null> {
    await pairOfMember(this.db, teamId, pairId, userId);
    return (await findNearestScheduledMeeting(this.db, teamId, pairId, this.clock()))?.feedback_focus ?? null;
  }

  async request(input: { teamId: string; pairId: string; requesterId: string; area: string; question: string | null }): Promise<RequestResult> {
    const checked = checkFeedbackRequest(input);
    if (!checked.ok) return checked;
    const pair = await pairOfMember(this.db, input.teamId, input.pairId, input.requesterId);
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const meeting = (await findNearestScheduledMeeting(tx, input.teamId, pair.id, now)) ?? null;
      const request = await insertFeedbackRequest(tx, {
        team_id: input.teamId,
        pair_id: pair.id,
        meeting_id: meeting?.id ?? null,
        requester_id: input.requesterId,
        responder_id: otherMember(pair, input.requesterId),
        area: checked.area,
        question: checked.question,
        answer: null,
        answered_at: null,
        application: null,
        applied_at: null,
        created_at: now,
      });
      return { ok: true as const, request, pair, meeting };
    });
  }

  /** What waits on this person: requests to answer, and (for a mentee) answers to report on. */
  async inbox(teamId: string, userId: string): Promise<{ toAnswer: FeedbackRequest[]; toApply: FeedbackRequest[] }> {
    const [toAnswer, toApply] = await Promise.all([
      listAwaitingAnswer(this.db, teamId, userId, INBOX_LIMIT),
      listAwaitingApplication(this.db, teamId, userId, INBOX_LIMIT),
    ]);
    return { toAnswer, toApply };
  }

  /** A request this person may answer now; anyone else is told it does not exist. */
  async openForAnswer(teamId: string, requestId: string, userId: string): Promise<{ request: FeedbackRequest; pair: Pair }> {
    const found = await this.findAsMember(teamId, requestId, userId, (request) => request.responder_id === userId);
    if (found.request.status !== 'requested') throw new DomainError('conflict', 'You have already answered this feedback request.');
    return found;
  }

  async answer(input: { teamId: string; requestId: string; userId: string; answer: string | null }): Promise<AnswerResult> {
    const text = checkLongText(input.answer, ANSWER_MAX, 'Write your answer: one thing they could do differently, and why.');
    if (!text.ok) return { ok: false, errors: { answer: text.error } };
    const { pair } = await this.openForAnswer(input.teamId, input.requestId, input.userId);
    const request = await this.db.transaction().execute((tx) =>
      saveAnswer(tx, { teamId: input.teamId, id: input.requestId, responderId: input.userId, answer: text.text, at: this.clock() }),
    );
    if (!request) throw new DomainError('conflict', 'You have already answered this feedback request.');
    return { ok: true, request, pair };
  }

  /** An answered request the mentee who asked may now report on. */
  async openForApplication(teamId: string, requestId: string, userId: string): Promise<{ request: FeedbackRequest; pair: Pair }> {
    const found = await this.findAsMember(teamId, requestId, userId, (request, pair) => request.requester_id === userId && pair.mentee_id === userId);
    if (found.request.status === 'applied') throw new DomainError('conflict', 'You have already said how you applied this feedback.');
    if (found.request.status !== 'answered') throw new DomainError('conflict', 'This request has not been answered yet.');
    return found;
  }

  async reportApplication(input: { teamId: string; requestId: string; userId: string; application: string | null }): Promise<ApplicationResult> {
    const text = checkLongText(input.application, APPLICATION_MAX, 'Say what you tried and how it went.');
    if (!text.ok) return { ok: false, errors: { application: text.error } };
    const { pair } = await this.openForApplication(input.teamId, input.requestId, input.userId);
    const request = await this.db.transaction().execute((tx) =>
      saveApplication(tx, { teamId: input.teamId, id: input.requestId, requesterId: input.userId, application: text.text, at: this.clock() }),
    );
    if (!request) throw new DomainError('conflict', 'You have already said how you applied this feedback.');
    return { ok: true, request, pair };
  }

  /**
   * A request and its pair, when `allowed` says this person has a part in it and they still belong
   * to the pair. Everyone else gets the same not-found answer, so ids reveal nothing.
   */
  private async findAsMember(
    teamId: string,
    requestId: string,
    userId: string,
    allowed: (request: FeedbackRequest, pair: Pair) => boolean,
  ): Promise<{ request: FeedbackRequest; pair: Pair }> {
    const request = await findFeedbackRequest(this.db, teamId, requestId);
    const pair = request ? await findPair(this.db, teamId, request.pair_id) : undefined;
    if (!request || !pair || !isMember(pair, userId) || !allowed(request, pair)) throw new DomainError('not_found', NOT_FOUND);
    if (pair.status === 'ended') throw new DomainError('conflict', 'That mentorship has ended.');
    return { request, pair };
  }

}
