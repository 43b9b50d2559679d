import type { Pair, PairExpectations } from '../../db/schema';
import { expectationsView } from '../expectations/expectation-rules';
import type * as repo from './home.repository';
import type { AgendaSummary, FeedbackInfo, MeetingInfo, PairSnapshot } from './snapshot';
import { otherMember } from '../pairs/membership';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;
type MeetingRow = Rows<typeof repo.nextMeetings>[number];
type FeedbackRow = Rows<typeof repo.latestFeedbackAsked>[number];
type CountRow = { pair_id: string; n: number };

/** Everything the repository returned for one person's pairs, before it is sorted into pairs. */
export interface LoadedRows {
  next: MeetingRow[];
  /** For the running pairs with no next row yet: when their rhythm has them meet next (null: no more before the end). */
  rhythmNext: Map<string, Date | null>;
  /** "The last meeting" of each pair: the latest that took place (see home.repository.ts `lastMeetings`). */
  lastHeld: MeetingRow[];
  awaitingNotes: MeetingRow[];
  since: Array<{ pairId: string; since: Date }>;
  agenda: Rows<typeof repo.agendaCounts>;
  goalCounts: Rows<typeof repo.goalCounts>;
  goals: Rows<typeof repo.goalsToShow>;
  progress: Rows<typeof repo.progressItems>;
  actionItems: Rows<typeof repo.openActionItems>;
  lastMeetingActionItems: CountRow[];
  lastMeetingFeedback: CountRow[];
  lastMeetingThanks: CountRow[];
  asked: FeedbackRow[];
  given: FeedbackRow[];
  explored: Rows<typeof repo.resourcesExploredSince>;
  appreciations: Rows<typeof repo.latestAppreciations>;
  expectations: PairExpectations[];
}

/** One pair's snapshot from the rows loaded for all of the viewer's pairs. Pure. */
export function assemblePair(pair: Pair, viewerId: string, rows: LoadedRows): PairSnapshot {
  const mine = <T extends { pair_id: string }>(list: readonly T[]): T[] => list.filter((row) => row.pair_id === pair.id);
  const count = (list: readonly CountRow[]) => mine(list)[0]?.n ?? 0;
  // Only a running pair has a next meeting: an invited, paused or ended one plans none.
  const running = pair.status === 'active';
  const next = running ? mine(rows.next)[0] : undefined;
  const last = mine(rows.lastHeld)[0];
  const lastAgenda = agendaOf(rows, last?.id);
  const items = mine(rows.actionItems);
  const explored = mine(rows.explored);
  const thanks = mine(rows.appreciations)[0];
  const goals = mine(rows.goals);
  return {
    pair: {
      id: pair.id,
      mentorId: pair.mentor_id,
      menteeId: pair.mentee_id,
      status: pair.status,
      cadence: pair.cadence,
      startedOn: pair.started_on,
      plannedEndOn: pair.planned_end_on,
      createdAt: pair.created_at,
      createdBy: pair.created_by,
      coordinatorId: pair.coordinator_id,
      resumeOn: pair.resume_on,
      endedAt: pair.ended_at,
      invitationExpiresAt: pair.invitation_expires_at,
    },
    role: pair.mentor_id === viewerId ? 'mentor' : 'mentee',
    otherId: otherMember(pair, viewerId),
    next: meetingInfo(next),
    rhythmNext: running && !next ? (rows.rhythmNext.get(pair.id) ?? null) : null,
    nextAgenda: agendaOf(rows, next?.id),
    lastHeld: meetingInfo(last),
    lastHeldFacts: {
      actionItems: count(rows.lastMeetingActionItems),
      feedbackRequests: count(rows.lastMeetingFeedback),
      feedbackAreaItems: lastAgenda.feedback_area ?? 0,
      highlightItems: lastAgenda.highlight ?? 0,
      appreciations: count(rows.lastMeetingThanks),
    },
    awaitingNotes: running ? meetingInfo(mine(rows.awaitingNotes)[0]) : null,
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      status: g.status,
      targetDate: g.target_date,
      progressItems: rows.progress
        .filter((p) => p.goal_id === g.id)
        .map((p) => ({ kind: p.kind, targetValue: p.target_value, currentValue: p.current_value, done: p.done })),
    })),
    goalCounts: Object.fromEntries(mine(rows.goalCounts).map((c) => [c.status, c.n])),
    openActionItems: items.map((i) => ({ id: i.id, ownerId: i.owner_id, body: i.body, dueOn: i.due_on })),
    openActionItemTotal: items[0]?.total ?? 0,
    latestAsked: feedbackInfo(mine(rows.asked)[0]),
    latestGiven: feedbackInfo(mine(rows.given)[0]),
    since: rows.since.find((s) => s.pairId === pair.id)?.since ?? pair.created_at,
    exploredSince: explored.map((r) => ({
      title: r.title,
      url: r.url,
      kind: r.kind,
      exploredBy: r.explored_by ?? '',
      exploredAt: r.explored_at ?? pair.created_at,
      takeaway: r.takeaway,
    })),
    exploredSinceTotal: explored[0]?.total ?? 0,
    latestAppreciation: thanks ? { fromId: thanks.from_id, toId: thanks.to_id, createdAt: thanks.created_at } : null,
    expectations: expectationsView(pair, mine(rows.expectations)[0]),
  };
}

function agendaOf(rows: LoadedRows, meetingId: string | undefined): AgendaSummary {
  const summary: AgendaSummary = {};
  for (const row of rows.agenda) if (row.meeting_id === meetingId) summary[row.kind] = row.n;
  return summary;
}

function meetingInfo(row: MeetingRow | undefined): MeetingInfo | null {
  if (!row) return null;
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

function feedbackInfo(row: FeedbackRow | undefined): FeedbackInfo | null {
  if (!row) return null;
  return {
    meetingId: row.meeting_id,
    requesterId: row.requester_id,
    responderId: row.responder_id,
    area: row.area,
    status: row.status,
    answer: row.answer,
    example: row.example,
    createdAt: row.created_at,
    answeredAt: row.answered_at,
  };
}
