import type {
  ActionItemDeleted,
  ActionItemEdited,
  ActionItemOverdue,
  ActionItemTicked,
  AgendaShared,
  MeetingRescheduled,
  MeetingRhythmChanged,
  MeetingSkipped,
  MeetingTimeProposed,
  NotesRecorded,
} from '../../domain/meetings/events';
import { actionItemDeletedMessage, actionItemEditedMessage, actionItemOverdueMessage } from '../blocks/action-item-blocks';
import { agendaMessage } from '../blocks/agenda-message';
import { meetingMovedMessage, meetingSkippedMessage, rhythmChangedMessage, timeProposedMessage } from '../blocks/meeting-changes';
import { notesSummaryMessage } from '../blocks/notes-summary';
import type { Message } from '../blocks/help';
import { dmTo, type EffectPlan } from './plan';

/**
 * The agenda carries the person's links (materials to look at): they unfurl when they are news, the
 * first time the agenda is shared or when this submission added one. An update that only added a topic
 * does not unfold the same previews again. Summaries and reminders never unfurl.
 */
export function agendaLinksAreNews(event: Pick<AgendaShared, 'agenda' | 'added'>): boolean {
  const linked = event.agenda.items.filter((item) => item.url !== null);
  return event.added === null ? linked.length > 0 : linked.some((item) => event.added!.includes(item.body));
}

/** The agenda, to the other person before the meeting: all of it the first time, then what was added. */
export const agendaShared = (event: AgendaShared): EffectPlan => ({
  pairId: event.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.readerId),
      message: agendaMessage(
        event.agenda,
        { userId: event.readerId, zone: event.readerZone },
        event.added ? { authorId: event.authorId, added: event.added } : undefined,
      ),
      timing: { zone: event.readerZone, isActor: false, meetingAt: event.agenda.meeting.at },
      meetingId: event.meetingId,
      ...(agendaLinksAreNews(event) ? { unfurl: true } : {}),
    },
  ],
  home: [event.agenda.mentorId, event.agenda.menteeId],
});

/** The same summary to both (amended notes too, marked so): at once to whoever wrote it, after their night to the other. */
export const notesRecorded = (event: NotesRecorded): EffectPlan => ({
  pairId: event.pairId,
  notices: [event.notes.menteeId, event.notes.mentorId].map((userId) => {
    const zone = event.zones[userId] ?? 'UTC';
    return {
      topic: event.type,
      target: dmTo(userId),
      message: notesSummaryMessage(event.notes, { userId, zone }, event.type === 'notes_amended' ? { amendedBy: event.recordedBy } : {}),
      timing: { zone, isActor: userId === event.recordedBy },
      meetingId: event.meetingId,
    };
  }),
  home: [event.notes.mentorId, event.notes.menteeId],
});

/** A move, a skip or a new rhythm, told to the other person before the meeting it concerns. */
const toReader = (event: MeetingRescheduled | MeetingTimeProposed | MeetingSkipped | MeetingRhythmChanged, message: Message): EffectPlan => ({
  pairId: event.pairId,
  notices: [{ topic: event.type, target: dmTo(event.readerId), message, timing: { zone: event.readerZone, isActor: false, meetingAt: event.meetingAt } }],
  home: [event.actorId, event.readerId],
});

export const meetingRescheduled = (event: MeetingRescheduled): EffectPlan =>
  toReader(event, meetingMovedMessage({ actorId: event.actorId, previousAt: event.previousAt, meeting: event.meeting, zone: event.readerZone }));

/** "Doesn't suit me": the proposal, to the other person (who can move the meeting), before the meeting. */
export const meetingTimeProposed = (event: MeetingTimeProposed): EffectPlan =>
  toReader(
    event,
    timeProposedMessage({ actorId: event.actorId, actorZone: event.actorZone, meeting: event.meeting, proposedAt: event.proposedAt, zone: event.readerZone }),
  );

export const meetingSkipped = (event: MeetingSkipped): EffectPlan =>
  toReader(event, meetingSkippedMessage({ actorId: event.actorId, skipped: event.skipped, next: event.next, zone: event.readerZone }));

export const meetingRhythmChanged = (event: MeetingRhythmChanged): EffectPlan =>
  toReader(event, rhythmChangedMessage({ actorId: event.actorId, rhythm: event.rhythm, previous: event.previous, next: event.next, zone: event.readerZone }));

/** The other person is told what went (after their quiet hours); both Home tabs drop it. */
export const actionItemDeleted = (event: ActionItemDeleted): EffectPlan => ({
  pairId: event.pairId,
  notices: [{ topic: event.type, target: dmTo(event.otherId), message: actionItemDeletedMessage(event), timing: { zone: event.otherZone, isActor: false } }],
  home: [event.byId, event.otherId],
});

/** The other person is told the old and the new text (after their quiet hours); both Home tabs show the new one. */
export const actionItemEdited = (event: ActionItemEdited): EffectPlan => ({
  pairId: event.pairId,
  notices: [{ topic: event.type, target: dmTo(event.otherId), message: actionItemEditedMessage(event), timing: { zone: event.otherZone, isActor: false } }],
  home: [event.byId, event.otherId],
});

/** The scheduler's one nudge about an overdue item, to its owner after their quiet hours; Home is unchanged. */
export const actionItemOverdue = (event: ActionItemOverdue): EffectPlan => ({
  pairId: event.pairId,
  notices: [
    {
      topic: event.type,
      target: dmTo(event.item.ownerId),
      message: actionItemOverdueMessage(event),
      timing: { zone: event.ownerZone, isActor: false },
    },
  ],
  home: [],
});

/** No message (the presser sees the tick, or its undoing, in place); both Home tabs list open action items. */
export const actionItemTicked = (event: ActionItemTicked): EffectPlan => ({ pairId: event.pairId, notices: [], home: [...event.memberIds] });
