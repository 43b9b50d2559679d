import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../db/schema';
import { listPairsOf } from '../pairs/pairs.repository';
import { findPeople } from '../people/people.repository';
import { sinceLastMeeting } from './checklist';
import * as repo from './home.repository';
import { comparePairs, type AgendaSummary, type HomeSnapshot, type MeetingInfo, meetingEnd, type PairSnapshot } from './snapshot';

/** The most any surface shows per pair; the builders show fewer when space is short. */
export const LIST_LIMITS = { goals: 5, actionItems: 5, resources: 3 } as const;

type MeetingRow = Awaited<ReturnType<typeof repo.nextMeetings>>[number];

/**
 * Builds one person's dashboard snapshot from the database. Read-only: it never changes a row, and
 * it only ever reads the pairs the viewer belongs to (journal entries are not read at all).
 */
export class HomeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  async snapshot(teamId: string, viewerId: string): Promise<HomeSnapshot> {
    const now = this.clock();
    const pairs = await listPairsOf(this.db, teamId, viewerId);
    const ids = pairs.map((pair) => pair.id);
    const [people, next, lastHeld, awaiting] = await Promise.all([
      findPeople(this.db, teamId, [...new Set([viewerId, ...pairs.flatMap((p) => [p.mentor_id, p.mentee_id])])]),
      repo.nextMeetings(this.db, ids, now),
      repo.lastHeldMeetings(this.db, ids),
      repo.meetingsAwaitingNotes(this.db, ids, now),
    ]);
    const byPair = <T extends { pair_id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.pair_id, row]));
    const nextOf = byPair(next);
    const lastOf = byPair(lastHeld);
    const refs = lastHeld.map((m) => ({ pairId: m.pair_id, meetingId: m.id, start: m.scheduled_at, end: meetingEnd(meetingInfo(m)) }));
    const since = pairs.map((p) => ({ pairId: p.id, since: sinceLastMeeting(lastOf.has(p.id) ? { scheduledAt: lastOf.get(p.id)!.scheduled_at } : null, p.created_at) }));

    const [agenda, goalCounts, goals, items, actionCounts, feedbackCounts, thanksCounts, asked, given, explored, appreciations] = await Promise.all([
      repo.agendaCounts(this.db, [...next, ...lastHeld].map((m) => m.id)),
      repo.goalCounts(this.db, ids),
      repo.goalsToShow(this.db, ids, LIST_LIMITS.goals),
      repo.openActionItems(this.db, ids, LIST_LIMITS.actionItems),
      repo.actionItemsOfLastMeetings(this.db, refs),
      repo.feedbackOfLastMeetings(this.db, refs),
      repo.appreciationsOfLastMeetings(this.db, refs),
      repo.latestFeedbackAsked(this.db, ids),
      repo.latestFeedbackGiven(this.db, ids),
      repo.resourcesExploredSince(this.db, since, LIST_LIMITS.resources),
      repo.latestAppreciations(this.db, ids),
    ]);
    const progress = await repo.progressItems(this.db, goals.map((g) => g.id));

    const agendaOf = (meetingId: string | undefined): AgendaSummary => {
      const summary: AgendaSummary = {};
      for (const row of agenda) if (row.meeting_id === meetingId) summary[row.kind] = row.n;
      return summary;
    };
    const count = (rows: ReadonlyArray<{ pair_id: string; n: number }>, pairId: string) => rows.find((r) => r.pair_id === pairId)?.n ?? 0;
    const askedOf = byPair(asked);
    const givenOf = byPair(given);
    const thanksOf = byPair(appreciations);
    const awaitingOf = byPair(awaiting);

    const snapshots = pairs.map((pair): PairSnapshot => {
      const last = lastOf.get(pair.id);
      const pairItems = items.filter((i) => i.pair_id === pair.id);
      const pairExplored = explored.filter((r) => r.pair_id === pair.id);
      const thanks = thanksOf.get(pair.id);
      const lastAgenda = agendaOf(last?.id);
      return {
        pair: pairInfo(pair),
        role: pair.mentor_id === viewerId ? 'mentor' : 'mentee',
        otherId: pair.mentor_id === viewerId ? pair.mentee_id : pair.mentor_id,
        next: optionalMeeting(nextOf.get(pair.id)),
        nextAgenda: agendaOf(nextOf.get(pair.id)?.id),
        lastHeld: optionalMeeting(last),
        lastHeldFacts: {
          actionItems: count(actionCounts, pair.id),
          feedbackRequests: count(feedbackCounts, pair.id),
          feedbackAreaItems: lastAgenda.feedback_area ?? 0,
          highlightItems: lastAgenda.highlight ?? 0,
          appreciations: count(thanksCounts, pair.id),
        },
        awaitingNotes: optionalMeeting(awaitingOf.get(pair.id)),
        goals: goals
          .filter((g) => g.pair_id === pair.id)
          .map((g) => ({
            id: g.id,
            title: g.title,
            status: g.status,
            targetDate: g.target_date,
            progressItems: progress
              .filter((p) => p.goal_id === g.id)
              .map((p) => ({ kind: p.kind, targetValue: p.target_value, currentValue: p.current_value, done: p.done })),
          })),
        goalCounts: Object.fromEntries(goalCounts.filter((c) => c.pair_id === pair.id).map((c) => [c.status, c.n])),
        openActionItems: pairItems.map((i) => ({ id: i.id, ownerId: i.owner_id, body: i.body, dueOn: i.due_on })),
        openActionItemTotal: pairItems[0]?.total ?? 0,
        latestAsked: feedbackInfo(askedOf.get(pair.id)),
        latestGiven: feedbackInfo(givenOf.get(pair.id)),
        since: since.find((s) => s.pairId === pair.id)!.since,
        exploredSince: pairExplored.map((r) => ({
          title: r.title,
          url: r.url,
          kind: r.kind,
          exploredBy: r.explored_by ?? '',
          exploredAt: r.explored_at ?? now,
          takeaway: r.takeaway,
        })),
        exploredSinceTotal: pairExplored[0]?.total ?? 0,
        latestAppreciation: thanks ? { fromId: thanks.from_id, toId: thanks.to_id, createdAt: thanks.created_at } : null,
      };
    });

    const names: Record<string, string> = {};
    for (const person of people) names[person.user_id] = person.display_name;
    return {
      teamId,
      viewerId,
      viewerZone: people.find((p) => p.user_id === viewerId)?.time_zone ?? 'UTC',
      now,
      names,
      pairs: snapshots.sort(comparePairs),
    };
  }
}

function pairInfo(pair: Pair): PairSnapshot['pair'] {
  return {
    id: pair.id,
    mentorId: pair.mentor_id,
    menteeId: pair.mentee_id,
    status: pair.status,
    cadence: pair.cadence,
    startedOn: pair.started_on,
    plannedEndOn: pair.planned_end_on,
    createdAt: pair.created_at,
  };
}

function meetingInfo(row: MeetingRow): MeetingInfo {
  return {
    id: row.id,
    sequence: row.sequence,
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    status: row.status,
    takeaways: row.takeaways,
    feedbackFocus: row.feedback_focus,
    sharedHighlight: row.shared_highlight,
    agendaSharedAt: row.agenda_shared_at,
  };
}

const optionalMeeting = (row: MeetingRow | undefined): MeetingInfo | null => (row ? meetingInfo(row) : null);

function feedbackInfo(row: Awaited<ReturnType<typeof repo.latestFeedbackAsked>>[number] | undefined): PairSnapshot['latestAsked'] {
  if (!row) return null;
  return {
    requesterId: row.requester_id,
    responderId: row.responder_id,
    area: row.area,
    status: row.status,
    answer: row.answer,
    createdAt: row.created_at,
    answeredAt: row.answered_at,
  };
}
