import type { Meeting, Pair } from '../../db/schema';
import { formatInZone } from '../../domain/time/zoned';
import { OpenActions } from '../ids';
import type { Message } from './help';
import { meetingWhen, ruleLine } from './meeting-text';
import { mention, mrkdwn, plain } from './text';

/**
 * What the other person of the pair is told, by DM, when one of them changes a meeting. `viewerZone`
 * is the reader's own zone: every time is shown in it.
 */
export function meetingMovedMessage(input: { actorId: string; previousAt: Date; meeting: Meeting; viewerZone: string }): Message {
  const before = formatInZone(input.previousAt, input.viewerZone);
  const text = `${mention(input.actorId)} moved your meeting of ${before} to ${formatInZone(input.meeting.scheduled_at, input.viewerZone)}.`;
  return withAgendaButton(`:arrows_counterclockwise: ${mention(input.actorId)} moved your meeting of ${before}.\n*New time: ${meetingWhen(input.meeting, input.viewerZone)}*`, text, input.meeting);
}

export function meetingSkippedMessage(input: { actorId: string; skipped: Meeting; next: Meeting | null; viewerZone: string }): Message {
  const skipped = formatInZone(input.skipped.scheduled_at, input.viewerZone);
  const next = input.next ? `Your next meeting: *${meetingWhen(input.next, input.viewerZone)}*` : 'No further meeting is planned.';
  const text = `${mention(input.actorId)} skipped your meeting of ${skipped}.`;
  const body = `:fast_forward: ${text}\n${next}`;
  return input.next ? withAgendaButton(body, text, input.next) : { text, blocks: [{ type: 'section', text: mrkdwn(body) }] };
}

export function ruleChangedMessage(input: { actorId: string; pair: Pair; next: Meeting | null; viewerZone: string }): Message {
  const text = `${mention(input.actorId)} changed your meeting rhythm: ${ruleLine(input.pair)}.`;
  const next = input.next ? `Your next meeting: *${meetingWhen(input.next, input.viewerZone)}*` : 'No further meeting is planned before the mentorship ends.';
  const body = `:repeat: ${mention(input.actorId)} changed your meeting rhythm: you now meet ${ruleLine(input.pair)}.\n${next}`;
  return input.next ? withAgendaButton(body, text, input.next) : { text, blocks: [{ type: 'section', text: mrkdwn(body) }] };
}

function withAgendaButton(body: string, text: string, meeting: Meeting): Message {
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(body),
        accessory: { type: 'button', action_id: OpenActions.prepareAgenda, value: meeting.id, text: plain('Agenda', 75) },
      },
    ],
  };
}
