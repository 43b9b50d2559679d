import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import type { MeetingSlot, RescheduleDraft, Rhythm, RhythmDraft } from '../../domain/meetings/views';
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
export function rescheduleModal(draft: RescheduleDraft): ModalView {
  const { blocks: b, actions: a } = RescheduleModal;
  const { meeting, pairZone } = draft;
  const current = local(meeting.at, pairZone);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(`Move your meeting with ${mention(draft.otherId)} of *${meetingWhen(meeting, draft.viewerZone)}*. They will be told.`),
    },
    { type: 'input', block_id: b.date, label: plain('New date'), element: { type: 'datepicker', action_id: a.date, initial_date: current.date } },
    {
      type: 'input',
      block_id: b.time,
      label: plain('New time'),
      element: { type: 'timepicker', action_id: a.time, initial_time: current.time },
      hint: plain(`Read in the meeting's time zone, ${pairZone}.`),
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
export function ruleModal(draft: RhythmDraft): ModalView {
  const { blocks: b, actions: a } = RuleModal;
  const { rhythm, next } = draft;
  const cadences = (['weekly', 'biweekly', 'monthly'] as const).map((cadence) => option(cadence, capitalise(CADENCE_LABELS[cadence])));
  const lengths = [...new Set([...LENGTHS, rhythm.minutes])].sort((x, y) => x - y).map((minutes) => option(String(minutes), `${minutes} minutes`));
  const fromDate = next ? local(next.at, rhythm.zone).date : draft.today;
  const current = next ? `Your next meeting is *${formatInZone(next.at, draft.viewerZone)}*. ` : '';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(`${current}You meet ${ruleLine(rhythm)}. The new rhythm starts with the date below; ${mention(draft.otherId)} will be told.`),
    },
    {
      type: 'input',
      block_id: b.cadence,
      label: plain('How often you meet'),
      element: { type: 'static_select', action_id: a.cadence, options: cadences, initial_option: cadences.find((c) => c.value === rhythm.cadence) },
    },
    {
      type: 'input',
      block_id: b.time,
      label: plain('Time'),
      element: { type: 'timepicker', action_id: a.time, initial_time: rhythm.time },
      hint: plain(`Read in the meeting's time zone, ${rhythm.zone}; meetings keep this local time across daylight-saving changes.`),
    },
    {
      type: 'input',
      block_id: b.duration,
      label: plain('Meeting length'),
      element: { type: 'static_select', action_id: a.duration, options: lengths, initial_option: lengths.find((l) => l.value === String(rhythm.minutes)) },
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
    private_metadata: encodeMetadata({ pairId: draft.pairId }),
    title: plain('Change meeting rhythm', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/**
 * What the modal turns into once a change is saved: the outcome, in the viewer's zone. The other
 * person's DM is in the outbox by then: sent at once, or when their night is over.
 */
function meetingChangedView(title: string, text: string): ModalView {
  return { type: 'modal', title: plain(title, 24), close: plain('Done', 24), blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

/** Who did it, to whom the news goes, and the zone the viewer reads times in. */
interface Outcome {
  otherId: string;
  viewerZone: string;
}

export function agendaSharedView(outcome: Outcome & { meeting: MeetingSlot }): ModalView {
  return meetingChangedView(
    'Agenda shared',
    `:white_check_mark: The agenda for your meeting of *${meetingWhen(outcome.meeting, outcome.viewerZone)}* is on its way to ${mention(outcome.otherId)} by DM. Either of you can add to it until the meeting starts.`,
  );
}

export function notesSavedView(): ModalView {
  return meetingChangedView('Notes saved', ':white_check_mark: Saved. The summary is on its way to you both by DM, with a Done button on each action item.');
}

export function meetingMovedView(outcome: Outcome & { meeting: MeetingSlot }): ModalView {
  return meetingChangedView(
    'Meeting moved',
    `:white_check_mark: Moved to *${meetingWhen(outcome.meeting, outcome.viewerZone)}*. ${mention(outcome.otherId)} will be told by DM.`,
  );
}

export function ruleChangedView(outcome: Outcome & { rhythm: Rhythm; next: MeetingSlot | null }): ModalView {
  const nextLine = outcome.next ? ` Your next meeting: *${meetingWhen(outcome.next, outcome.viewerZone)}*.` : '';
  return meetingChangedView(
    'Rhythm changed',
    `:white_check_mark: You now meet ${ruleLine(outcome.rhythm)}.${nextLine} ${mention(outcome.otherId)} will be told by DM.`,
  );
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
