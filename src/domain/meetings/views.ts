import type { ActionItem, AgendaItem, AgendaItemKind, Cadence, Meeting, Pair, PairStatus } from '../../db/schema';
import type { Role } from '../pairs/access';
import type { WrapUpKey } from './wrap-up';

/**
 * What the meeting screens and messages show, as plain data: the services and the effects planners
 * map rows to these, and the Block Kit builders read nothing else. Times are instants; each builder
 * writes them in its reader's zone.
 */

/** A meeting as every screen names it: when, and for how long. */
export interface MeetingSlot {
  id: string;
  at: Date;
  minutes: number;
}

/** The pair's rhythm: a wall time in the pair's zone, kept across daylight-saving changes. */
export interface Rhythm {
  cadence: Cadence;
  time: string;
  zone: string;
  minutes: number;
}

export interface ActionItemView {
  id: string;
  ownerId: string;
  body: string;
  dueOn: string | null;
  doneAt: Date | null;
  doneBy: string | null;
}

export interface AgendaEntry {
  id: string;
  kind: AgendaItemKind;
  body: string;
  url: string | null;
  /** Set on a carried-over action item: the item itself, with its own Done button. */
  actionItemId: string | null;
}

/** The two people of a pair (whoever reads, the other one is named). */
export interface PairMembers {
  pairId: string;
  mentorId: string;
  menteeId: string;
}

/** The readable agenda of one meeting. */
export interface AgendaView extends PairMembers {
  meeting: MeetingSlot;
  feedbackFocus: string | null;
  highlight: string | null;
  items: AgendaEntry[];
  /** The action items that carried-over entries stand for, by id, as they were when it was shown. */
  actionItems: Record<string, ActionItemView>;
}

/** What the agenda modal opens with, for one of the pair. */
export interface AgendaDraft extends AgendaView {
  viewerId: string;
  viewerZone: string;
  role: Role;
  /** False until the agenda is first shared: the modal then says "Share" rather than "Add". */
  shared: boolean;
  plannedEndOn: string;
  /** Display names of both people, for the owners of action items. */
  names: Record<string, string>;
  /** Open action items not yet on this agenda: offered pre-ticked. */
  carryActionItems: ActionItemView[];
  /** Topics and questions the last meeting did not get to, not yet on this agenda: offered pre-ticked. */
  carryFollowUps: Array<{ id: string; body: string }>;
  /** Wrap-up topics not yet on this agenda (only near the planned end). */
  wrapUp: WrapUpKey[];
  /** The pair's first meeting: the modal also offers the expectations form. */
  firstMeeting: boolean;
}

/** What the notes modal opens with. */
export interface NotesDraft extends PairMembers {
  viewerId: string;
  viewerZone: string;
  meeting: MeetingSlot;
  feedbackFocus: string | null;
  names: Record<string, string>;
  /** Agenda entries to tick as covered; the ones left unticked carry over to the next agenda. */
  coverable: Array<{ id: string; body: string }>;
  /** Amending saved notes: what was saved, to fill the form with (the action items as lines from the viewer's side). */
  saved?: { takeaways: string; actionItems: string; feedbackReceived: string | null; feedbackApplication: string | null };
}

/** The notes summary both people get: the same content, each with times in their own zone. */
export interface NotesView extends PairMembers {
  meeting: MeetingSlot;
  recordedBy: string | null;
  takeaways: string;
  feedbackReceived: string | null;
  feedbackApplication: string | null;
  actionItems: ActionItemView[];
  /** Items whose line named no owner, so they are the writer's (absent in summaries queued before it existed). */
  unnamedOwnerItemIds?: string[];
  /** Agenda entries the meeting did not get to: they are offered on the next agenda. */
  notCovered: string[];
  next: MeetingSlot | null;
}

/** One pair on `/mentorship meeting`. */
export interface PairMeetings {
  pairId: string;
  otherId: string;
  status: PairStatus;
  plannedEndOn: string;
  rhythm: Rhythm;
  /** Null when the rule plans nothing more before the planned end, or the pair is paused or ended. */
  next: (MeetingSlot & { movedFrom: Date | null }) | null;
  agendaItemCount: number;
  /** Whether the next meeting is one of the last ones before the planned end (wrap-up time). */
  nearEnd: boolean;
  /** The meeting that started last, while it has no notes yet. */
  notesPending: MeetingSlot | null;
}

export interface MeetingsOverview {
  viewerZone: string;
  pairs: PairMeetings[];
}

/** The reschedule modal: one meeting, its date and time read in the pair's zone. */
export interface RescheduleDraft {
  meeting: MeetingSlot;
  otherId: string;
  viewerZone: string;
  /** The other person's zone: the modal shows every time in both. */
  otherZone: string;
  pairZone: string;
}

/** A time asked for that starts outside 08:00-20:00 for the other person: the modal asks to confirm it. */
export interface OutsideHours {
  at: Date;
  /** As picked, in the pair's zone. */
  date: string;
  time: string;
  otherId: string;
  otherZone: string;
  viewerZone: string;
}

/** The rhythm modal, pre-filled with the current rule. */
export interface RhythmDraft {
  pairId: string;
  otherId: string;
  viewerZone: string;
  rhythm: Rhythm;
  next: MeetingSlot | null;
  /** Today in the pair's zone: where the new rhythm starts when no meeting is planned. */
  today: string;
}

export const slotOf = (meeting: Pick<Meeting, 'id' | 'scheduled_at' | 'duration_minutes'>): MeetingSlot => ({
  id: meeting.id,
  at: meeting.scheduled_at,
  minutes: meeting.duration_minutes,
});

export const rhythmOf = (pair: Pick<Pair, 'cadence' | 'meeting_time' | 'time_zone' | 'meeting_minutes'>): Rhythm => ({
  cadence: pair.cadence,
  time: pair.meeting_time,
  zone: pair.time_zone,
  minutes: pair.meeting_minutes,
});

export const membersOf = (pair: Pick<Pair, 'id' | 'mentor_id' | 'mentee_id'>): PairMembers => ({
  pairId: pair.id,
  mentorId: pair.mentor_id,
  menteeId: pair.mentee_id,
});

export const otherOf = (members: Pick<PairMembers, 'mentorId' | 'menteeId'>, userId: string): string =>
  members.mentorId === userId ? members.menteeId : members.mentorId;

export const actionItemView = (item: ActionItem): ActionItemView => ({
  id: item.id,
  ownerId: item.owner_id,
  body: item.body,
  dueOn: item.due_on,
  doneAt: item.done_at,
  doneBy: item.done_by,
});

const agendaEntry = (item: AgendaItem): AgendaEntry => ({ id: item.id, kind: item.kind, body: item.body, url: item.url, actionItemId: item.action_item_id });

/** The agenda of a meeting as read: its entries, and the action items carried over into it. */
export function agendaViewOf(meeting: Meeting, pair: Pair, items: readonly AgendaItem[], actionItems: readonly ActionItem[]): AgendaView {
  return {
    ...membersOf(pair),
    meeting: slotOf(meeting),
    feedbackFocus: meeting.feedback_focus,
    highlight: meeting.shared_highlight,
    items: items.map(agendaEntry),
    actionItems: Object.fromEntries(actionItems.map((item) => [item.id, actionItemView(item)])),
  };
}

/**
 * The soonest of some meeting times that is still ahead: the one a notice about them must not wait
 * past (a move from tomorrow 07:00 matters before the reader's morning, whatever the new time).
 */
export function soonestAhead(now: Date, times: ReadonlyArray<Date | null | undefined>): Date | null {
  const ahead = times.filter((time): time is Date => time instanceof Date && time.getTime() > now.getTime());
  return ahead.length === 0 ? null : new Date(Math.min(...ahead.map((time) => time.getTime())));
}
