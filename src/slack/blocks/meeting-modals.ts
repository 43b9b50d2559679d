import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import { FAIR_HOURS } from '../../domain/meetings/meeting-rules';
import type { MeetingSlot, OutsideHours, RescheduleDraft, Rhythm, RhythmDraft } from '../../domain/meetings/views';
import { formatInZone } from '../../domain/time/zoned';
import { ProposeTimeModal, RescheduleModal, RuleModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { CADENCE_LABELS, meetingWhen, ruleLine } from './meeting-text';
import { mention, mrkdwn, plain } from './text';

const LENGTHS = [30, 45, 60, 90] as const;

const option = (value: string, label: string): PlainTextOption => ({ text: plain(label, 75), value });

function local(instant: Date, zone: string): { date: string; time: string } {
  const at = DateTime.fromJSDate(instant, { zone });
  return { date: at.toISODate() ?? '', time: at.toFormat('HH:mm') };
}

/** A modal with a form: its metadata says what it is about, Cancel closes it. */
function formModal(callbackId: string, metadata: Record<string, unknown>, labels: { title: string; submit: string }, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: encodeMetadata(metadata),
    title: plain(labels.title, 24),
    submit: plain(labels.submit, 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** A time as each of the two people reads it: "10:00 (Europe/Berlin) for you, 04:00 (America/New_York) for @Theo". */
export function bothZones(at: Date, viewerZone: string, otherId: string, otherZone: string): string {
  return `${formatInZone(at, viewerZone)} for you, ${formatInZone(at, otherZone)} for ${mention(otherId)}`;
}

/** The pickers of a meeting time, read in the pair's zone (named in the hint). */
function timePickers(
  ids: { blocks: { date: string; time: string }; actions: { date: string; time: string } },
  initial: { date: string; time: string },
  pairZone: string,
) {
  return [
    {
      type: 'input',
      block_id: ids.blocks.date,
      label: plain('New date'),
      element: { type: 'datepicker', action_id: ids.actions.date, initial_date: initial.date },
    },
    {
      type: 'input',
      block_id: ids.blocks.time,
      label: plain('New time'),
      element: { type: 'timepicker', action_id: ids.actions.time, initial_time: initial.time },
      hint: plain(`Read in the meeting's time zone, ${pairZone}.`),
    },
  ] satisfies KnownBlock[];
}

/**
 * Date and time pickers for one meeting, with its time in both people's zones. With `outside`, the
 * time asked for starts outside 08:00-20:00 for the other person: the modal shows it in both zones
 * and submitting that same time again moves it anyway (a warning, not a refusal).
 */
export function rescheduleModal(draft: RescheduleDraft, outside?: OutsideHours): ModalView {
  const { meeting, pairZone } = draft;
  const both = (at: Date) => bothZones(at, draft.viewerZone, draft.otherId, draft.otherZone);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`Move your meeting with ${mention(draft.otherId)} of *${meetingWhen(meeting, draft.viewerZone)}*. They will be told.`) },
    { type: 'context', elements: [mrkdwn(`Now: ${both(meeting.at)}.`)] },
  ];
  if (outside) {
    blocks.push({
      type: 'section',
      text: mrkdwn(
        `:warning: *${both(outside.at)}*: that is outside ${FAIR_HOURS.from}-${FAIR_HOURS.to} for ${mention(draft.otherId)}. Press *Move it anyway* to keep it, or pick another time.`,
      ),
    });
  }
  blocks.push(...timePickers(RescheduleModal, outside ?? local(meeting.at, pairZone), pairZone));
  const metadata = { meetingId: meeting.id, ...(outside ? { anyHour: { date: outside.date, time: outside.time } } : {}) };
  return formModal(RescheduleModal.callbackId, metadata, { title: 'Reschedule meeting', submit: outside ? 'Move it anyway' : 'Move it' }, blocks);
}

/** "Doesn't suit me": another time to propose, with the meeting's current time in both zones. Nothing moves. */
export function proposeTimeModal(draft: RescheduleDraft): ModalView {
  const { meeting, pairZone } = draft;
  const intro = `The meeting with ${mention(draft.otherId)} is now *${bothZones(meeting.at, draft.viewerZone, draft.otherId, draft.otherZone)}*. Pick a time that suits you; I'll tell ${mention(draft.otherId)}, who can move it.`;
  return formModal(ProposeTimeModal.callbackId, { meetingId: meeting.id }, { title: 'Propose another time', submit: 'Propose it' }, [
    { type: 'section', text: mrkdwn(intro) },
    ...timePickers(ProposeTimeModal, local(meeting.at, pairZone), pairZone),
  ]);
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
  return formModal(RuleModal.callbackId, { pairId: draft.pairId }, { title: 'Change meeting rhythm', submit: 'Save' }, blocks);
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

export function notesAmendedView(): ModalView {
  return meetingChangedView('Notes amended', ':white_check_mark: Saved. The amended summary is on its way to you both by DM.');
}

export function meetingMovedView(outcome: Outcome & { meeting: MeetingSlot; otherZone: string }): ModalView {
  const both = bothZones(outcome.meeting.at, outcome.viewerZone, outcome.otherId, outcome.otherZone);
  return meetingChangedView('Meeting moved', `:white_check_mark: Moved to *${both}*. ${mention(outcome.otherId)} will be told by DM.`);
}

/** After a proposal: who was told what. */
export function timeProposedView(outcome: Outcome & { proposedAt: Date; otherZone: string }): ModalView {
  const both = bothZones(outcome.proposedAt, outcome.viewerZone, outcome.otherId, outcome.otherZone);
  return meetingChangedView(
    'Time proposed',
    `:white_check_mark: I told ${mention(outcome.otherId)} you propose *${both}*. The meeting stays where it is until one of you moves it.`,
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
