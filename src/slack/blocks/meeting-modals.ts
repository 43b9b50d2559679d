import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import type { Meeting, Pair } from '../../db/schema';
import { otherMember } from '../../domain/pairs/membership';
import { formatInZone } from '../../domain/time/zoned';
import { RescheduleModal, RuleModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { CADENCE_LABELS, meetingWhen, ruleLine } from './meeting-text';
import { mention, mrkdwn, plain } from './text';

const LENGTHS = [30, 45, 60, 90] as const;

const option = (value: string, label: string): PlainTextOption => ({ text: plain(label, 75), value });

function local(instant: Date, zone: string): { date: string; time: string } {
  const at = DateTime.fromJSDate(instant, { zone });
  return { date: at.toISODate() ?? '', time: at.toFormat('HH:mm') };
}

/** Date and time pickers for one meeting, read in the pair's zone (named in the hint). */
export function rescheduleModal(meeting: Meeting, pair: Pair, viewer: { userId: string; timeZone: string }): ModalView {
  const { blocks: b, actions: a } = RescheduleModal;
  const current = local(meeting.scheduled_at, pair.time_zone);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(`Move your meeting with ${mention(otherMember(pair, viewer.userId))} of *${meetingWhen(meeting, viewer.timeZone)}*. They will be told.`),
    },
    { type: 'input', block_id: b.date, label: plain('New date'), element: { type: 'datepicker', action_id: a.date, initial_date: current.date } },
    {
      type: 'input',
      block_id: b.time,
      label: plain('New time'),
      element: { type: 'timepicker', action_id: a.time, initial_time: current.time },
      hint: plain(`Read in the meeting's time zone, ${pair.time_zone}.`),
    },
  ];
  return {
    type: 'modal',
    callback_id: RescheduleModal.callbackId,
    private_metadata: encodeMetadata({ meetingId: meeting.id }),
    title: plain('Reschedule meeting', 24),
    submit: plain('Move it', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** Cadence, wall time, length and the date the new rhythm starts from, pre-filled with the current rule. */
export function ruleModal(pair: Pair, next: Meeting | null, viewer: { userId: string; timeZone: string }, today: string): ModalView {
  const { blocks: b, actions: a } = RuleModal;
  const cadences = (['weekly', 'biweekly', 'monthly'] as const).map((cadence) => option(cadence, capitalise(CADENCE_LABELS[cadence])));
  const lengths = [...new Set([...LENGTHS, pair.meeting_minutes])].sort((x, y) => x - y).map((minutes) => option(String(minutes), `${minutes} minutes`));
  const fromDate = next ? local(next.scheduled_at, pair.time_zone).date : today;
  const current = next ? `Your next meeting is *${formatInZone(next.scheduled_at, viewer.timeZone)}*. ` : '';
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`${current}You meet ${ruleLine(pair)}. The new rhythm starts with the date below; ${mention(otherMember(pair, viewer.userId))} will be told.`) },
    {
      type: 'input',
      block_id: b.cadence,
      label: plain('How often you meet'),
      element: { type: 'static_select', action_id: a.cadence, options: cadences, initial_option: cadences.find((c) => c.value === pair.cadence) },
    },
    {
      type: 'input',
      block_id: b.time,
      label: plain('Time'),
      element: { type: 'timepicker', action_id: a.time, initial_time: pair.meeting_time },
      hint: plain(`Read in the meeting's time zone, ${pair.time_zone}; meetings keep this local time across daylight-saving changes.`),
    },
    {
      type: 'input',
      block_id: b.duration,
      label: plain('Meeting length'),
      element: { type: 'static_select', action_id: a.duration, options: lengths, initial_option: lengths.find((l) => l.value === String(pair.meeting_minutes)) },
    },
    {
      type: 'input',
      block_id: b.fromDate,
      label: plain('First meeting in the new rhythm'),
      element: { type: 'datepicker', action_id: a.fromDate, initial_date: fromDate },
    },
  ];
  return {
    type: 'modal',
    callback_id: RuleModal.callbackId,
    private_metadata: encodeMetadata({ pairId: pair.id }),
    title: plain('Change meeting rhythm', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** What the modal turns into once a change is saved: the outcome, in the viewer's zone. */
export function meetingChangedView(title: string, text: string): ModalView {
  return { type: 'modal', title: plain(title, 24), close: plain('Done', 24), blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

export function agendaSharedView(otherId: string, meeting: Meeting, viewerZone: string): ModalView {
  return meetingChangedView('Agenda shared', `:white_check_mark: ${mention(otherId)} has the agenda for your meeting of *${meetingWhen(meeting, viewerZone)}*. Either of you can add to it until the meeting starts.`);
}

export function meetingMovedView(otherId: string, meeting: Meeting, viewerZone: string): ModalView {
  return meetingChangedView('Meeting moved', `:white_check_mark: Moved to *${meetingWhen(meeting, viewerZone)}*. ${mention(otherId)} has been told.`);
}

export function ruleChangedView(pair: Pair, next: Meeting | null, otherId: string, viewerZone: string): ModalView {
  const nextLine = next ? ` Your next meeting: *${meetingWhen(next, viewerZone)}*.` : '';
  return meetingChangedView('Rhythm changed', `:white_check_mark: You now meet ${ruleLine(pair)}.${nextLine} ${mention(otherId)} has been told.`);
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
