import type { ActionItemView, AgendaView, MeetingSlot, NotesView, Rhythm } from './views';

/**
 * What the meetings feature tells the other person (and, for notes, both). Each event carries what
 * its messages show, so the effects planners render them without a read. `meetingAt` is the
 * upcoming meeting the message concerns: quiet hours do not hold it back past that meeting.
 */

/** Someone shared the agenda, or added to it: the other person gets it by DM. */
export interface AgendaShared {
  type: 'agenda_shared';
  pairId: string;
  meetingId: string;
  authorId: string;
  readerId: string;
  readerZone: string;
  agenda: AgendaView;
  /** Null the first time (the whole agenda is news); else the bodies this submission added. */
  added: string[] | null;
}

/** Notes were recorded and the meeting is held: both people get the same summary. */
export interface NotesRecorded {
  /** `notes_amended`: saved notes were changed; the summary says so. */
  type: 'notes_recorded' | 'notes_amended';
  pairId: string;
  meetingId: string;
  notes: NotesView;
  /** Who recorded them (their copy goes at once) and each person's zone. */
  recordedBy: string;
  zones: Record<string, string>;
}

export interface MeetingRescheduled {
  type: 'meeting_rescheduled';
  pairId: string;
  actorId: string;
  readerId: string;
  readerZone: string;
  previousAt: Date;
  meeting: MeetingSlot;
  meetingAt: Date | null;
}

/** The other person says a moved meeting's new time does not suit them, and proposes another (nothing is moved). */
export interface MeetingTimeProposed {
  type: 'meeting_time_proposed';
  pairId: string;
  actorId: string;
  actorZone: string;
  readerId: string;
  readerZone: string;
  meeting: MeetingSlot;
  proposedAt: Date;
  meetingAt: Date | null;
}

export interface MeetingSkipped {
  type: 'meeting_skipped';
  pairId: string;
  actorId: string;
  readerId: string;
  readerZone: string;
  skipped: MeetingSlot;
  next: MeetingSlot | null;
  meetingAt: Date | null;
}

export interface MeetingRhythmChanged {
  type: 'meeting_rhythm_changed';
  pairId: string;
  actorId: string;
  readerId: string;
  readerZone: string;
  rhythm: Rhythm;
  /** The rhythm before the change: the reader is told what changed, not only what it is now. */
  previous: Rhythm;
  next: MeetingSlot | null;
  meetingAt: Date | null;
}

/** An action item was ticked done, or opened again ("Not done yet"): no message, but both Home tabs show it. */
export interface ActionItemTicked {
  type: 'action_item_ticked' | 'action_item_reopened';
  pairId: string;
  actionItemId: string;
  byId: string;
  memberIds: [string, string];
}

/** An action item was deleted by one of the pair: the other is told by DM; both Home tabs drop it. */
export interface ActionItemDeleted {
  type: 'action_item_deleted';
  pairId: string;
  body: string;
  ownerId: string;
  byId: string;
  otherId: string;
  otherZone: string;
}

/** An action item's text was rewritten by one of the pair: the other is told the old and the new text. */
export interface ActionItemEdited {
  type: 'action_item_edited';
  pairId: string;
  previousBody: string;
  item: ActionItemView;
  byId: string;
  otherId: string;
  otherZone: string;
}

/** The scheduler found an action item overdue: its owner gets one gentle nudge by DM. */
export interface ActionItemOverdue {
  type: 'action_item_overdue';
  pairId: string;
  item: ActionItemView;
  ownerZone: string;
  /** The other person of the pair (named in the nudge: tell them if plans changed). */
  otherId: string;
  reason: { kind: 'due'; dueOn: string } | { kind: 'next_meeting'; endedAt: Date };
}

export type MeetingEvent =
  | ActionItemDeleted
  | ActionItemEdited
  | ActionItemOverdue
  | AgendaShared
  | NotesRecorded
  | MeetingRescheduled
  | MeetingTimeProposed
  | MeetingSkipped
  | MeetingRhythmChanged
  | ActionItemTicked;
