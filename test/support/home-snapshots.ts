import { expectationsView } from '../../src/domain/expectations/expectation-rules';
import type { HomeSnapshot, MeetingInfo, PairSnapshot } from '../../src/domain/home/snapshot';

/** In-memory dashboard snapshots for the pure tests (checklist rules, block builders). */
export const NOW = new Date('2026-11-23T12:00:00Z');
export const MENTOR = 'UMENTOR';
export const MENTEE = 'UMENTEE';
const DAY = 86_400_000;

let ids = 0;
const id = (prefix: string) => `${prefix}-${String((ids += 1)).padStart(4, '0')}`;

export function meeting(extra: Partial<MeetingInfo> & { daysFromNow: number }): MeetingInfo {
  const { daysFromNow, ...rest } = extra;
  return {
    id: id('meeting'),
    sequence: 0,
    scheduledAt: new Date(NOW.getTime() + daysFromNow * DAY),
    durationMinutes: 45,
    status: daysFromNow < 0 ? 'held' : 'scheduled',
    takeaways: null,
    feedbackFocus: null,
    sharedHighlight: null,
    agendaSharedAt: null,
    ...rest,
  };
}

/** A pair as a brand-new one looks: first meeting in a week, nothing recorded yet. */
export function pairSnapshot(
  extra: Partial<PairSnapshot> = {},
  viewer: 'mentor' | 'mentee' = 'mentor',
  ids2?: { mentorId?: string; menteeId?: string },
): PairSnapshot {
  const mentorId = ids2?.mentorId ?? MENTOR;
  const menteeId = ids2?.menteeId ?? MENTEE;
  const pairId = id('pair');
  return {
    pair: {
      id: pairId,
      mentorId,
      menteeId,
      status: 'active',
      cadence: 'biweekly',
      startedOn: '2026-11-20',
      plannedEndOn: '2027-05-20',
      createdAt: new Date(NOW.getTime() - 3 * DAY),
      createdBy: mentorId,
      coordinatorId: null,
      resumeOn: null,
      endedAt: null,
      invitationExpiresAt: null,
    },
    role: viewer,
    otherId: viewer === 'mentor' ? menteeId : mentorId,
    next: meeting({ daysFromNow: 7 }),
    rhythmNext: null,
    nextAgenda: {},
    lastHeld: null,
    lastHeldFacts: { actionItems: 0, feedbackRequests: 0, feedbackAreaItems: 0, highlightItems: 0, appreciations: 0 },
    awaitingNotes: null,
    goals: [],
    goalCounts: {},
    openActionItems: [],
    openActionItemTotal: 0,
    latestAsked: null,
    latestGiven: null,
    since: new Date(NOW.getTime() - 3 * DAY),
    exploredSince: [],
    exploredSinceTotal: 0,
    latestAppreciation: null,
    expectations: expectationsView({ id: pairId, mentor_id: mentorId, mentee_id: menteeId }, undefined),
    ...extra,
  };
}

export function homeSnapshot(pairs: PairSnapshot[], extra: Partial<HomeSnapshot> = {}): HomeSnapshot {
  const names: Record<string, string> = { [MENTOR]: 'Maria', [MENTEE]: 'Theo' };
  for (const pair of pairs) {
    names[pair.pair.mentorId] ??= `Mentor ${pair.pair.mentorId}`;
    names[pair.pair.menteeId] ??= `Mentee ${pair.pair.menteeId}`;
  }
  return { teamId: 'T1', viewerId: MENTOR, viewerZone: 'Europe/Berlin', now: NOW, names, pairs, ...extra };
}

/** A pair with a long history: everything a dashboard could list, many times over. */
export function busyPair(mentorId: string, menteeId: string, daysToNext: number): PairSnapshot {
  const last = meeting({ daysFromNow: -7, takeaways: 'lots', sequence: 40 });
  return pairSnapshot(
    {
      next: meeting({ daysFromNow: daysToNext, sequence: 41, agendaSharedAt: NOW }),
      nextAgenda: { topic: 12, highlight: 1 },
      lastHeld: last,
      awaitingNotes: meeting({ daysFromNow: -0.5, status: 'scheduled' }),
      lastHeldFacts: { actionItems: 30, feedbackRequests: 2, feedbackAreaItems: 1, highlightItems: 1, appreciations: 4 },
      goals: Array.from({ length: 5 }, (_, i) => ({
        id: id('goal'),
        title: `Goal ${i} `.repeat(30),
        status: 'approved' as const,
        targetDate: '2027-03-01',
        progressItems: [{ kind: 'key_result' as const, targetValue: 10, currentValue: i, done: false }],
      })),
      goalCounts: { approved: 150, achieved: 60, dropped: 10 },
      openActionItems: Array.from({ length: 5 }, (_, i) => ({
        id: id('item'),
        ownerId: i % 2 ? mentorId : menteeId,
        body: 'Do the thing '.repeat(100),
        dueOn: '2026-11-30',
      })),
      openActionItemTotal: 300,
      latestAsked: {
        meetingId: null,
        requesterId: menteeId,
        responderId: mentorId,
        area: 'area '.repeat(100),
        status: 'requested',
        answer: null,
        example: null,
        createdAt: NOW,
        answeredAt: null,
      },
      latestGiven: {
        meetingId: null,
        requesterId: menteeId,
        responderId: mentorId,
        area: 'x',
        status: 'answered',
        answer: 'long answer '.repeat(400),
        example: 'long example '.repeat(150),
        createdAt: NOW,
        answeredAt: NOW,
      },
      since: last.scheduledAt,
      exploredSince: Array.from({ length: 3 }, () => ({
        title: 'Book '.repeat(60),
        url: 'https://example.com/book',
        kind: 'book' as const,
        exploredBy: menteeId,
        exploredAt: NOW,
        takeaway: 'so much '.repeat(200),
      })),
      exploredSinceTotal: 80,
      latestAppreciation: { fromId: menteeId, toId: mentorId, createdAt: NOW },
    },
    'mentor',
    { mentorId, menteeId },
  );
}
