import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { LEAD_CHOICES } from '../../domain/reminders/settings-rules';
import { ReminderActions, ReminderSettingsModal } from '../ids';
import { doneMessage, type Message } from './help';
import { describeLead } from './reminder-parts';
import { mrkdwn, plain } from './text';

export interface ReminderSettingsView {
  leadMinutes: number;
  pausedUntil: string | null;
  zone: string;
  /** The zone the person chose, when they chose one (else reminders follow Slack's, `slackZone`). */
  zoneOverride?: string | null;
  slackZone?: string;
}

const leadOption = (minutes: number): PlainTextOption => ({ text: plain(`${describeLead(minutes)} before`, 75), value: String(minutes) });

/** The reminder-settings modal: prep lead time and a vacation pause. Opened from any reminder or the Home tab. */
export function reminderSettingsModal(view: ReminderSettingsView): ModalView {
  const { blocks: b, actions: a } = ReminderSettingsModal;
  const options = LEAD_CHOICES.map(leadOption);
  const initial = options.find((option) => option.value === String(view.leadMinutes));
  const status = view.pausedUntil ? `Reminders are paused through *${formatLocalDate(view.pausedUntil)}*.` : 'Reminders are on.';
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`${status} They come in your time zone (${view.zone}) and never between 21:00 and 08:00.`) },
    {
      type: 'input',
      block_id: b.lead,
      label: plain('Prep nudge before each meeting'),
      element: { type: 'static_select', action_id: a.lead, options, ...(initial ? { initial_option: initial } : {}) },
    },
    {
      type: 'input',
      block_id: b.pause,
      optional: true,
      label: plain('Pause all reminders through'),
      element: { type: 'datepicker', action_id: a.pause, ...(view.pausedUntil ? { initial_date: view.pausedUntil } : {}) },
      hint: plain('No reminders up to and including this day (a vacation). Clear it to keep reminders on.'),
    },
    {
      type: 'input',
      block_id: b.zone,
      optional: true,
      label: plain('My own time zone'),
      element: { type: 'plain_text_input', action_id: a.zone, max_length: 64, ...(view.zoneOverride ? { initial_value: view.zoneOverride } : {}) },
      hint: plain(`Leave empty to follow your Slack time zone${view.slackZone ? ` (${view.slackZone})` : ''}. A name such as Europe/Berlin.`),
    },
  ];
  return {
    type: 'modal',
    callback_id: ReminderSettingsModal.callbackId,
    title: plain('Reminder settings', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** Where a reminder's buttons were: what the person chose, so the message cannot be answered twice. */
function answeredBlocks(blocks: readonly KnownBlock[], note: string): KnownBlock[] {
  return blocks.map((block) =>
    block.block_id === ReminderActions.actionsBlock ? { type: 'context', block_id: ReminderActions.actionsBlock, elements: [mrkdwn(note)] } : block,
  );
}

/** The reminder as it was, its buttons replaced by `note`. */
export function answeredMessage(reminder: { text: string; blocks: readonly KnownBlock[] }, note: string): Message {
  return { text: reminder.text || note, blocks: answeredBlocks(reminder.blocks, note) };
}

export function snoozedNote(remindAt: Date, zone: string): string {
  return `:zzz: Snoozed. I'll remind you again ${formatInZone(remindAt, zone)}.`;
}

export function settingsSavedMessage(view: ReminderSettingsView): Message {
  const pause = view.pausedUntil ? ` Paused through ${formatLocalDate(view.pausedUntil)}.` : ' Reminders are on.';
  const text = `Saved: prep nudges ${describeLead(view.leadMinutes)} before each meeting.${pause}`;
  return doneMessage(text);
}
