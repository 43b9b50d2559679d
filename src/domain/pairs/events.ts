import type { Cadence } from '../../db/schema';

/**
 * A pair was set up: both people are welcomed by DM (each sees the first meeting in their own zone)
 * and the pair is introduced in its goals channel. When the bot may not post there (a private
 * channel it was not invited to), the person who set it up is told by DM instead. For a pair set up
 * by one of its two people this happens when the other accepts (`actorId` is then the one accepting).
 */
export interface PairCreated {
  type: 'pair_created';
  pairId: string;
  createdBy: string;
  /** Who caused the welcomes now (their own arrives at once; the other's after their quiet hours); default `createdBy`. */
  actorId?: string;
  mentorId: string;
  menteeId: string;
  goalsChannelId: string;
  cadence: Cadence;
  meetingMinutes: number;
  /** 'YYYY-MM-DD' */
  plannedEndOn: string;
  firstMeetingAt: Date;
  /** Each person's zone, by user id. */
  zones: Record<string, string>;
}

/** One of the two set the pair up: the other is invited by DM, with Accept and Decline. */
export interface PairInvited {
  type: 'pair_invited';
  pairId: string;
  inviterId: string;
  inviteeId: string;
  /** The role the invitee would have. */
  inviteeRole: 'mentor' | 'mentee';
  cadence: Cadence;
  meetingMinutes: number;
  plannedEndOn: string;
  firstMeetingAt: Date;
  expiresAt: Date;
  inviteeZone: string;
}

/**
 * An invitation ended without a pair: declined by the invitee (with an optional reason, for the
 * inviter), withdrawn by the inviter, or left unanswered until it expired. The pair is removed, so
 * its notices belong to no pair.
 */
export interface InvitationClosed {
  type: 'invitation_closed';
  how: 'declined' | 'withdrawn' | 'expired';
  inviterId: string;
  inviteeId: string;
  /** Who is told, in their zone: the inviter, or the invitee for a withdrawal. */
  readerId: string;
  readerZone: string;
  reason: string | null;
  /** Who closed it; null when it expired. */
  actorId: string | null;
}

/** The pair was paused: by a member (the other is told), or because a member's account was deactivated. */
export interface PairPaused {
  type: 'pair_paused';
  pairId: string;
  cause: 'member' | 'deactivated';
  /** The member who paused it, or whose account was deactivated. */
  actorId: string;
  readerId: string;
  readerZone: string;
  resumeOn: string | null;
}

/** The pair runs again: by a member, or by itself on its resume date. */
export interface PairResumed {
  type: 'pair_resumed';
  pairId: string;
  /** null when it resumed by itself (both are told). */
  actorId: string | null;
  memberIds: [string, string];
  zones: Record<string, string>;
  nextMeetingAt: Date | null;
}

/** A set-up detail that changed: a channel id, an IANA zone, a local date, or the next meeting's instant. */
export type ChangedDetail =
  { field: 'channel' | 'timeZone' | 'plannedEnd'; from: string; to: string } | { field: 'nextMeeting'; from: Date | null; to: Date | null };

export interface PairChanged {
  type: 'pair_changed';
  pairId: string;
  actorId: string;
  readerId: string;
  readerZone: string;
  changes: ChangedDetail[];
}

/** What the closing summary shows; counts and short lists, read when the pair ended. */
export interface ClosingSummary {
  startedOn: string;
  endedOn: string;
  meetingsHeld: number;
  goalsAchieved: Array<{ title: string; reflection: string | null }>;
  goalsOpen: string[];
  openActionItems: { total: number; shown: string[] };
  resourcesExplored: { total: number; shown: string[] };
  feedback: { asked: number; applied: number };
}

/**
 * The pair ended, early by a member or by itself after its planned end. Both get the closing summary
 * with the reflection form; the goals channel gets a short closing post; a coordinator who set the
 * pair up hears when a member stepped out. The reason stays with the one who ended it (and that coordinator).
 */
export interface PairEnded {
  type: 'pair_ended';
  pairId: string;
  mentorId: string;
  menteeId: string;
  /** null: it ended by itself. */
  endedBy: string | null;
  reason: string | null;
  coordinatorId: string | null;
  goalsChannelId: string;
  zones: Record<string, string>;
  summary: ClosingSummary;
}

/** A stay-in-touch note from one to the other, after the end. */
export interface CheckInNoteSent {
  type: 'check_in_note_sent';
  pairId: string;
  fromId: string;
  toId: string;
  toZone: string;
  note: string;
}

export type PairEvent = PairCreated | PairInvited | InvitationClosed | PairPaused | PairResumed | PairChanged | PairEnded | CheckInNoteSent;
