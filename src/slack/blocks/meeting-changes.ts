import type { Button } from '@slack/types';
import type { MeetingSlot, Rhythm } from '../../domain/meetings/views';
import { formatInZone, wallTimeIn } from '../../domain/time/zoned';
import { MeetingActions, OpenActions } from '../ids';
import type { Message } from './help';
import { meetingWhen, ruleLine } from './meeting-text';
import { accessibilityLabel, mention, mrkdwn, plain } from './text';

/**
 * What the other person of the pair is told, by DM, when one of them changes a meeting. `zone` is
 * the reader's own zone: every time is shown in it.
 */
export function meetingMovedMessage(input: { actorId: string; previousAt: Date; meeting: MeetingSlot; zone: string }): Message {
  const before = formatInZone(input.previousAt, input.zone);
  const text = `${mention(input.actorId)} moved your meeting of ${before} to ${formatInZone(input.meeting.at, input.zone)}.`;
  const moved = withAgendaButton(
    `:arrows_counterclockwise: ${mention(input.actorId)} moved your meeting of ${before}.\n*New time: ${meetingWhen(input.meeting, input.zone)}*`,
    text,
    input.meeting,
    input.zone,
  );
  // The new time may not suit the reader: they can propose another, and the mover is told.
  const notSuitable: Button = {
    type: 'button',
    action_id: MeetingActions.notSuitable,
    value: input.meeting.id,
    text: plain("Doesn't suit me", 75),
    accessibility_label: accessibilityLabel(`Propose another time for the meeting of ${formatInZone(input.meeting.at, input.zone)}`),
  };
  return { ...moved, blocks: [...moved.blocks, { type: 'actions', elements: [notSuitable] }] };
}

/** To the person who can move the meeting: the other proposes another time, shown in both zones. */
export function timeProposedMessage(input: { actorId: string; actorZone: string; meeting: MeetingSlot; proposedAt: Date; zone: string }): Message {
  const current = formatInZone(input.meeting.at, input.zone);
  const proposed = `${formatInZone(input.proposedAt, input.zone)} for you, ${formatInZone(input.proposedAt, input.actorZone)} for ${mention(input.actorId)}`;
  const text = `${mention(input.actorId)} proposes another time for your meeting of ${current}: ${formatInZone(input.proposedAt, input.zone)}.`;
  const move: Button = {
    type: 'button',
    action_id: MeetingActions.reschedule,
    value: input.meeting.id,
    style: 'primary',
    text: plain('Reschedule', 75),
    accessibility_label: accessibilityLabel(`Reschedule the meeting of ${current}`),
  };
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          `:speech_balloon: ${mention(input.actorId)} says the meeting of ${current} doesn't suit them, and proposes *${proposed}*. Nothing has moved: *Reschedule* moves it.`,
        ),
      },
      { type: 'actions', elements: [move] },
    ],
  };
}

export function meetingSkippedMessage(input: { actorId: string; skipped: MeetingSlot; next: MeetingSlot | null; zone: string }): Message {
  const skipped = formatInZone(input.skipped.at, input.zone);
  const next = input.next ? `Your next meeting: *${meetingWhen(input.next, input.zone)}*` : 'No further meeting is planned.';
  const text = `${mention(input.actorId)} skipped your meeting of ${skipped}.`;
  const body = `:fast_forward: ${text}\n${next}`;
  return input.next ? withAgendaButton(body, text, input.next, input.zone) : { text, blocks: [{ type: 'section', text: mrkdwn(body) }] };
}

/**
 * The new rhythm and the one it replaces, in the pair's zone (the rule's own); when the reader lives in
 * another zone, the new wall time in theirs too, read from the next meeting (the rule keeps the pair's
 * wall time across daylight-saving changes, so the reader's may shift by an hour later on).
 */
export function rhythmChangedMessage(input: { actorId: string; rhythm: Rhythm; previous: Rhythm; next: MeetingSlot | null; zone: string }): Message {
  const text = `${mention(input.actorId)} changed your meeting rhythm: ${ruleLine(input.rhythm)}.`;
  const next = input.next ? `Your next meeting: *${meetingWhen(input.next, input.zone)}*` : 'No further meeting is planned before the mentorship ends.';
  const yours = input.next && input.zone !== input.rhythm.zone ? ` (${wallTimeIn(input.next.at, input.zone)} in your zone, ${input.zone})` : '';
  const body = `:repeat: ${mention(input.actorId)} changed your meeting rhythm: you now meet ${ruleLine(input.rhythm)}${yours}. Before, you met ${ruleLine(input.previous)}.\n${next}`;
  return input.next ? withAgendaButton(body, text, input.next, input.zone) : { text, blocks: [{ type: 'section', text: mrkdwn(body) }] };
}

function withAgendaButton(body: string, text: string, meeting: MeetingSlot, zone: string): Message {
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(body),
        accessory: {
          type: 'button',
          action_id: OpenActions.prepareAgenda,
          value: meeting.id,
          text: plain('Agenda', 75),
          accessibility_label: accessibilityLabel(`Agenda of the meeting of ${formatInZone(meeting.at, zone)}`),
        },
      },
    ],
  };
}
