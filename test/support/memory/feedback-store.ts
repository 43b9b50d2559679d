import { randomUUID } from 'node:crypto';
import type { FeedbackRequest } from '../../../src/domain/feedback/feedback.repository';
import type { FeedbackReads, FeedbackStore, FeedbackWrites } from '../../../src/domain/feedback/feedback.store';
import { isUuid } from '../../../src/domain/ids';
import { checkMembership } from '../../../src/domain/pairs/access';
import type { MemoryWorld } from './world';

/** The feedback store in memory: the same answers as `feedback.repository.ts`'s queries, over the world's rows. */
export function memoryFeedbackStore(world: MemoryWorld): FeedbackStore {
  const requests = () => world.tables.feedbackRequests;
  const livePair = (request: FeedbackRequest) => world.findPair(request.team_id, request.pair_id)?.status !== 'ended';
  const reads: FeedbackReads = {
    pairOfMember: async (actor, pairId, options) => checkMembership(isUuid(pairId) ? world.findPair(actor.teamId, pairId) : undefined, actor, options),
    findPair: async (teamId, pairId) => world.findPair(teamId, pairId),
    findRequest: async (teamId, id) => requests().find((row) => row.team_id === teamId && row.id === id),
    nearestScheduledMeeting: async (teamId, pairId, now) =>
      world.tables.meetings
        .filter((row) => row.team_id === teamId && row.pair_id === pairId && row.status === 'scheduled')
        .sort(
          (a, b) =>
            Math.abs(a.scheduled_at.getTime() - now.getTime()) - Math.abs(b.scheduled_at.getTime() - now.getTime()) ||
            a.scheduled_at.getTime() - b.scheduled_at.getTime(),
        )[0],
    awaitingAnswer: async (teamId, userId, limit) =>
      requests()
        .filter((row) => row.team_id === teamId && row.responder_id === userId && row.status === 'requested' && livePair(row))
        .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
        .slice(0, limit),
    awaitingApplication: async (teamId, userId, limit) =>
      requests()
        .filter(
          (row) =>
            row.team_id === teamId &&
            row.requester_id === userId &&
            world.findPair(teamId, row.pair_id)?.mentee_id === userId &&
            row.status === 'answered' &&
            livePair(row),
        )
        .sort((a, b) => a.answered_at!.getTime() - b.answered_at!.getTime())
        .slice(0, limit),
    zones: async (teamId, userIds) => world.zones(teamId, userIds),
    ownDmMessage: async (actor, claim) => (claim && world.findPerson(actor.teamId, actor.userId)?.dm_channel_id === claim.channelId ? claim : null),
  };
  /** The guarded update of the repository: only from `from`, only by `by`; undefined when another got there first. */
  const move = (teamId: string, id: string, matches: (row: FeedbackRequest) => boolean, change: Partial<FeedbackRequest>) => {
    const row = requests().find((candidate) => candidate.team_id === teamId && candidate.id === id && matches(candidate));
    if (row) Object.assign(row, change);
    return Promise.resolve(row ? { ...row } : undefined);
  };
  const writes: FeedbackWrites = {
    ...reads,
    insertRequest: async (row) => {
      const stored: FeedbackRequest = {
        id: randomUUID(),
        status: 'requested',
        created_at: new Date(),
        meeting_id: null,
        answer: null,
        answered_at: null,
        application: null,
        applied_at: null,
        example_asked_at: null,
        example: null,
        example_given_at: null,
        ...row,
      } as FeedbackRequest;
      requests().push(stored);
      return { ...stored };
    },
    fillEmptyFeedbackFocus: async (meetingId, area) => {
      const meeting = world.tables.meetings.find((row) => row.id === meetingId);
      if (meeting && meeting.feedback_focus === null) meeting.feedback_focus = area;
    },
    saveAnswer: (input) =>
      move(input.teamId, input.id, (row) => row.responder_id === input.responderId && row.status === 'requested', {
        status: 'answered',
        answer: input.answer,
        answered_at: input.at,
      }),
    saveApplication: (input) =>
      move(input.teamId, input.id, (row) => row.requester_id === input.requesterId && row.status === 'answered', {
        status: 'applied',
        application: input.application,
        applied_at: input.at,
      }),
    saveExampleAsked: (input) =>
      move(input.teamId, input.id, (row) => row.requester_id === input.requesterId && row.answer !== null && row.example_asked_at === null, {
        example_asked_at: input.at,
      }),
    saveExample: (input) =>
      move(input.teamId, input.id, (row) => row.responder_id === input.responderId && row.example_asked_at !== null && row.example_given_at === null, {
        example: input.example,
        example_given_at: input.at,
      }),
    record: (teamId, events) => world.record(teamId, events),
  };
  return { ...reads, transaction: (work) => world.transaction(() => work(writes)) };
}
