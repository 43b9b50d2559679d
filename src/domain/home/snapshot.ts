import type { ExpectationsView } from '../expectations/expectation-rules';
import { localDateIn } from '../time/zoned';
import type { AgendaItemKind, Cadence, FeedbackStatus, GoalStatus, MeetingStatus, PairStatus, ProgressItemKind, ResourceKind } from '../../db/schema';

/**
 * Everything one person's dashboard shows, read from the database in one go and then rendered by
 * pure builders (App Home and `/mentorship status` share it). Lists are already cut to what a
 * dashboard can show; the `…Total` numbers say how much more there is.
 */
export interface HomeSnapshot {
  teamId: string;
  viewerId: string;
  /** The viewer's own IANA zone (people.time_zone); 'UTC' for someone the bot never met. */
  viewerZone: string;
  now: Date;
  /** Display names of everyone the dashboard mentions, by user id. */
  names: Record<string, string>;
  /** Ordered by next meeting (soonest first); pairs with nothing scheduled come last. */
  pairs: PairSnapshot[];
}

export interface PairInfo {
  id: string;
  mentorId: string;
  menteeId: string;
  status: PairStatus;
  cadence: Cadence;
  startedOn: string;
  plannedEndOn: string;
  createdAt: Date;
  /** Who set the pair up (the inviter of an invited pair). */
  createdBy: string;
  coordinatorId: string | null;
  resumeOn: string | null;
  endedAt: Date | null;
  invitationExpiresAt: Date | null;
}

export interface MeetingInfo {
  id: string;
  sequence: number;
  scheduledAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  takeaways: string | null;
  feedbackFocus: string | null;
  sharedHighlight: string | null;
  agendaSharedAt: Date | null;
}

/** What the agenda of one meeting holds so far, by kind (bodies are not needed on a dashboard). */
export type AgendaSummary = Partial<Record<AgendaItemKind, number>>;

export interface ProgressItemInfo {
  kind: ProgressItemKind;
  targetValue: number | null;
  currentValue: number;
  done: boolean;
}

export interface GoalInfo {
  id: string;
  title: string;
  status: GoalStatus;
  targetDate: string;
  progressItems: ProgressItemInfo[];
}

export interface ActionItemInfo {
  id: string;
  ownerId: string;
  body: string;
  dueOn: string | null;
}

export interface FeedbackInfo {
  /** The meeting it was asked for (a request made with the agenda's feedback focus, or near a meeting). */
  meetingId: string | null;
  requesterId: string;
  responderId: string;
  area: string;
  status: FeedbackStatus;
  answer: string | null;
  /** The concrete example the person who asked asked for, once given: shown with the answer. */
  example: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface ResourceInfo {
  title: string;
  url: string | null;
  kind: ResourceKind;
  exploredBy: string;
  exploredAt: Date;
  takeaway: string | null;
}

export interface AppreciationInfo {
  fromId: string;
  toId: string;
  createdAt: Date;
}

/**
 * Counts about the last held meeting that the checklist rules need; see checklist.ts for exactly
 * which rows each count takes. All zero when no meeting has been held.
 */
export interface LastMeetingFacts {
  actionItems: number;
  feedbackRequests: number;
  feedbackAreaItems: number;
  highlightItems: number;
  appreciations: number;
}

export interface PairSnapshot {
  pair: PairInfo;
  role: 'mentor' | 'mentee';
  otherId: string;
  /** The earliest scheduled meeting that has not ended yet (it may be in progress). */
  next: MeetingInfo | null;
  /**
   * Only when a running pair has no `next` row (its planning has not caught up): when its rhythm says
   * it meets next. Null when the rhythm plans no meeting before the planned end (or none is needed).
   */
  rhythmNext: Date | null;
  nextAgenda: AgendaSummary;
  /**
   * "The last meeting" of every checklist rule: the latest one that took place, held (notes recorded)
   * or over with its notes still due. Skipped and cancelled meetings never count.
   */
  lastHeld: MeetingInfo | null;
  lastHeldFacts: LastMeetingFacts;
  /** The latest meeting that has ended but is still 'scheduled' and has no takeaways: notes are due. */
  awaitingNotes: MeetingInfo | null;
  goals: GoalInfo[];
  goalCounts: Partial<Record<GoalStatus, number>>;
  openActionItems: ActionItemInfo[];
  openActionItemTotal: number;
  latestAsked: FeedbackInfo | null;
  latestGiven: FeedbackInfo | null;
  /** Start of "since the last meeting": the last held meeting's start, else the pair's creation. */
  since: Date;
  exploredSince: ResourceInfo[];
  exploredSinceTotal: number;
  latestAppreciation: AppreciationInfo | null;
  /** The pair's expectations and where they stand (state 'none' until one of them proposes them). */
  expectations: ExpectationsView;
}

/** The most any surface shows per pair (what the service loads); the builders show fewer when space is short. */
export const LIST_LIMITS = { goals: 5, actionItems: 5, resources: 3 } as const;

/** Soonest next meeting first; pairs without one last, oldest pair first among equals. */
export function comparePairs(a: PairSnapshot, b: PairSnapshot): number {
  const at = (p: PairSnapshot) => (p.next?.scheduledAt ?? p.rhythmNext)?.getTime() ?? Number.POSITIVE_INFINITY;
  if (at(a) !== at(b)) return at(a) < at(b) ? -1 : 1;
  return a.pair.createdAt.getTime() - b.pair.createdAt.getTime();
}

/** Whether the pair's planned end (a local date) is behind `now`, read in `zone`. */
export function plannedEndPassed(pair: Pick<PairInfo, 'plannedEndOn'>, now: Date, zone: string): boolean {
  return localDateIn(now, zone) > pair.plannedEndOn;
}

export const meetingEnd = (meeting: Pick<MeetingInfo, 'scheduledAt' | 'durationMinutes'>): Date =>
  new Date(meeting.scheduledAt.getTime() + meeting.durationMinutes * 60_000);
