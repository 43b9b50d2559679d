import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import { PairModal } from '../ids';
import { mrkdwn, plain } from './text';

export const CADENCE_OPTIONS = [
  { value: 'weekly', label: 'Every week' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Every month' },
] as const;
export const DURATION_OPTIONS = [30, 45, 60, 90] as const;
export const PROGRAM_MONTHS_OPTIONS = [3, 6, 9, 12] as const;

export interface PairModalDefaults {
  mentorId?: string;
  menteeId?: string;
  timeZone: string;
  /** 'YYYY-MM-DD', a week from today in the invoker's zone. */
  firstDate: string;
}

/** A week from now, in the given zone: a sensible first meeting to start from. */
export function defaultFirstDate(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).plus({ weeks: 1 }).toISODate() ?? DateTime.fromJSDate(now).toISODate() ?? '';
}

const option = (value: string, label: string): PlainTextOption => ({ text: plain(label), value });

export function pairModal(defaults: PairModalDefaults): ModalView {
  const { blocks: b, actions: a } = PairModal;
  const cadenceOptions = CADENCE_OPTIONS.map((c) => option(c.value, c.label));
  const durationOptions = DURATION_OPTIONS.map((m) => option(String(m), `${m} minutes`));
  const lengthOptions = PROGRAM_MONTHS_OPTIONS.map((m) => option(String(m), `${m} months`));
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        'Set up a mentorship pair. I will welcome you both, introduce you in the goals channel, and help you keep the habits that make mentoring work.',
      ),
    },
    {
      type: 'input',
      block_id: b.mentor,
      label: plain('Mentor'),
      element: { type: 'users_select', action_id: a.mentor, ...(defaults.mentorId ? { initial_user: defaults.mentorId } : {}) },
    },
    {
      type: 'input',
      block_id: b.mentee,
      label: plain('Mentee'),
      dispatch_action: true,
      element: { type: 'users_select', action_id: a.mentee, ...(defaults.menteeId ? { initial_user: defaults.menteeId } : {}) },
      hint: plain("The meeting time zone below follows the mentee's Slack time zone."),
    },
    {
      type: 'input',
      block_id: b.channel,
      label: plain('Goals channel'),
      element: {
        type: 'conversations_select',
        action_id: a.channel,
        filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
      },
      hint: plain('Goals are shared and approved here. For a private channel, invite the bot first.'),
    },
    {
      type: 'input',
      block_id: b.cadence,
      label: plain('How often you meet'),
      element: { type: 'static_select', action_id: a.cadence, options: cadenceOptions, initial_option: cadenceOptions[0] },
    },
    {
      type: 'input',
      block_id: b.firstDate,
      label: plain('First meeting date'),
      element: { type: 'datepicker', action_id: a.firstDate, initial_date: defaults.firstDate },
    },
    {
      type: 'input',
      block_id: b.firstTime,
      label: plain('First meeting time'),
      element: { type: 'timepicker', action_id: a.firstTime, initial_time: '10:00' },
      hint: plain('Read in the meeting time zone below; later meetings keep this local time.'),
    },
    {
      type: 'input',
      block_id: b.duration,
      label: plain('Meeting length'),
      element: { type: 'static_select', action_id: a.duration, options: durationOptions, initial_option: durationOptions[2] },
    },
    {
      type: 'input',
      block_id: b.timeZone,
      label: plain('Meeting time zone'),
      element: {
        type: 'plain_text_input',
        action_id: a.timeZone,
        initial_value: defaults.timeZone,
        max_length: 64,
        placeholder: plain('e.g. Europe/Berlin'),
      },
    },
    {
      type: 'input',
      block_id: b.length,
      label: plain('Length of the mentorship'),
      element: { type: 'static_select', action_id: a.length, options: lengthOptions, initial_option: lengthOptions[1] },
    },
  ];
  return {
    type: 'modal',
    callback_id: PairModal.callbackId,
    title: plain('New mentorship pair', 24),
    submit: plain('Create pair', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}
