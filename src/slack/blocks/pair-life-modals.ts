import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Pair, PairReflection } from '../../db/schema';
import { formatLocalDate } from '../../domain/time/zoned';
import { CheckInNoteModal, PairChangeModal, PairDeclineModal, PairEndModal, PairPauseModal, PairReflectionModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { channelLink, mention, mrkdwn, plain } from './text';

/** The modals of a pair's life. Each carries the pair id (and where it was opened) in its metadata; the service checks both again. */

const modal = (callbackId: string, metadata: Record<string, string>, title: string, submit: string, blocks: KnownBlock[]): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  private_metadata: encodeMetadata(metadata),
  title: plain(title, 24),
  submit: plain(submit, 24),
  close: plain('Cancel', 24),
  blocks,
});

const textInput = (
  blockId: string,
  actionId: string,
  label: string,
  options: { multiline?: boolean; max?: number; initial?: string | null; optional?: boolean; hint?: string } = {},
): KnownBlock => ({
  type: 'input',
  block_id: blockId,
  optional: options.optional ?? true,
  label: plain(label, 2000),
  element: {
    type: 'plain_text_input',
    action_id: actionId,
    multiline: options.multiline ?? true,
    max_length: options.max ?? 1000,
    ...(options.initial ? { initial_value: options.initial } : {}),
  },
  ...(options.hint ? { hint: plain(options.hint, 2000) } : {}),
});

export function declineModal(pairId: string, inviterId: string, source: Record<string, string>): ModalView {
  const { blocks: b, actions: a } = PairDeclineModal;
  return modal(PairDeclineModal.callbackId, { pairId, ...source }, 'Decline invitation', 'Decline', [
    { type: 'section', text: mrkdwn(`${mention(inviterId)} will be told, kindly. Nothing is set up.`) },
    textInput(b.reason, a.reason, 'Anything you would like them to know? (optional)', { max: 1000 }),
  ]);
}

export function pauseModal(pair: Pair, otherId: string, source: Record<string, string>): ModalView {
  const { blocks: b, actions: a } = PairPauseModal;
  return modal(PairPauseModal.callbackId, { pairId: pair.id, ...source }, 'Pause mentorship', 'Pause', [
    {
      type: 'section',
      text: mrkdwn(
        `While paused there are no meetings and no reminders. ${mention(otherId)} will be told. Your own vacation pause stays in your reminder settings.`,
      ),
    },
    {
      type: 'input',
      block_id: b.resumeOn,
      optional: true,
      label: plain('Resume by itself on'),
      element: { type: 'datepicker', action_id: a.resumeOn },
      hint: plain(`Leave empty to resume by hand. Read in the meeting's time zone, ${pair.time_zone}; planned end ${formatLocalDate(pair.planned_end_on)}.`),
    },
  ]);
}

export function endModal(pairId: string, otherId: string, source: Record<string, string>, coordinated: boolean): ModalView {
  const { blocks: b, actions: a } = PairEndModal;
  const privacy = coordinated ? 'Only you and the coordinator who set the pair up will see it.' : 'Only you will see it.';
  return modal(PairEndModal.callbackId, { pairId, ...source }, 'End mentorship', 'End it', [
    {
      type: 'section',
      text: mrkdwn(
        `Ending stops the meetings and reminders. You both get a closing summary and a reflection to write; ${mention(otherId)} will be told. This cannot be undone (you can start a new pair later).`,
      ),
    },
    textInput(b.reason, a.reason, 'Why are you ending it? (optional)', { max: 3000, hint: privacy }),
  ]);
}

export function changeModal(pair: Pair, source: Record<string, string>): ModalView {
  const { blocks: b, actions: a } = PairChangeModal;
  return modal(PairChangeModal.callbackId, { pairId: pair.id, ...source }, 'Change set-up', 'Save', [
    {
      type: 'section',
      text: mrkdwn(
        `The goals channel is ${channelLink(pair.goals_channel_id)}. The rhythm (how often, when, how long) is changed with \`/mentorship meeting\`.`,
      ),
    },
    {
      type: 'input',
      block_id: b.channel,
      label: plain('Goals channel'),
      element: {
        type: 'conversations_select',
        action_id: a.channel,
        initial_conversation: pair.goals_channel_id,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
    },
    {
      type: 'input',
      block_id: b.timeZone,
      label: plain('Meeting time zone'),
      element: { type: 'plain_text_input', action_id: a.timeZone, initial_value: pair.time_zone, max_length: 64 },
      hint: plain('Meetings keep their local time in the new zone, e.g. Europe/Berlin.'),
    },
    {
      type: 'input',
      block_id: b.plannedEnd,
      label: plain('Planned end'),
      element: { type: 'datepicker', action_id: a.plannedEnd, initial_date: pair.planned_end_on },
      hint: plain('Extend or shorten the mentorship.'),
    },
  ]);
}

const WOULD_MENTOR: PlainTextOption[] = [
  { text: plain('Yes'), value: 'yes' },
  { text: plain('Maybe later'), value: 'maybe' },
  { text: plain('Not for now'), value: 'no' },
];

export function reflectionModal(pairId: string, otherId: string, reflection: PairReflection | undefined): ModalView {
  const { blocks: b, actions: a } = PairReflectionModal;
  const wouldMentor = WOULD_MENTOR.find((option) => option.value === reflection?.would_mentor);
  const checkInsOption = { text: plain('Check in with me 1, 3 and 6 months from now'), value: PairReflectionModal.checkInsValue };
  return modal(PairReflectionModal.callbackId, { pairId }, 'Closing reflection', 'Save', [
    { type: 'section', text: mrkdwn(`Looking back on your mentorship with ${mention(otherId)}. Private to you.`) },
    textInput(b.learned, a.learned, 'What I learned', { initial: reflection?.learned, max: 3000 }),
    textInput(b.nextSteps, a.nextSteps, "What I'll do next", { initial: reflection?.next_steps, max: 3000 }),
    textInput(b.longTermGoals, a.longTermGoals, 'My long-term goals', {
      initial: reflection?.long_term_goals,
      max: 3000,
      hint: 'Check-ins remind you of them.',
    }),
    textInput(b.stayInTouch, a.stayInTouch, "How we'll stay in touch", { initial: reflection?.stay_in_touch, max: 3000 }),
    {
      type: 'input',
      block_id: b.wouldMentor,
      optional: true,
      label: plain('Would you mentor someone yourself?'),
      element: { type: 'radio_buttons', action_id: a.wouldMentor, options: WOULD_MENTOR, ...(wouldMentor ? { initial_option: wouldMentor } : {}) },
    },
    {
      type: 'input',
      block_id: b.checkIns,
      optional: true,
      label: plain('Staying in touch'),
      element: {
        type: 'checkboxes',
        action_id: a.checkIns,
        options: [checkInsOption],
        ...(reflection?.check_ins === false ? {} : { initial_options: [checkInsOption] }),
      },
    },
  ]);
}

export function checkInNoteModal(pairId: string, otherId: string): ModalView {
  const { blocks: b, actions: a } = CheckInNoteModal;
  return modal(CheckInNoteModal.callbackId, { pairId }, 'Stay in touch', 'Send', [
    { type: 'section', text: mrkdwn(`A note to ${mention(otherId)}: how you are doing, a thank-you, a question.`) },
    textInput(b.note, a.note, 'Your note', { optional: false, max: 1000 }),
  ]);
}
