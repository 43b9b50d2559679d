import { z } from 'zod';
import type { ReminderSettingsDraft, SettingsField } from '../../domain/reminders/settings-rules';
import type { Parsed } from '../adapters/view';
import { ReminderSettingsModal } from '../ids';
import { type BlockErrors, readDate, readOption, readText } from './view-state';

const { blocks: b, actions: a } = ReminderSettingsModal;

export const SETTINGS_FIELD_BLOCKS: Record<SettingsField, string> = { lead: b.lead, pause: b.pause, zone: b.zone };

const SettingsForm = z.object({
  leadMinutes: z.coerce.number({ error: 'Pick a lead time.' }).int('Pick a lead time.').min(15, 'Pick a lead time.').max(10080, 'Pick a lead time.'),
  pausedUntil: z.iso.date({ error: 'Pick a date, or leave it empty.' }).nullable(),
  timeZone: z.string().max(64, 'Use a time zone name such as Europe/Berlin.').nullable(),
});

export function parseSettingsForm(values: unknown): Parsed<ReminderSettingsDraft> {
  const parsed = SettingsForm.safeParse({
    leadMinutes: readOption(values, b.lead, a.lead) ?? undefined,
    pausedUntil: readDate(values, b.pause, a.pause),
    timeZone: readText(values, b.zone, a.zone),
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: BlockErrors = {};
  for (const issue of parsed.error.issues) {
    const block = issue.path[0] === 'leadMinutes' ? b.lead : issue.path[0] === 'timeZone' ? b.zone : b.pause;
    errors[block] ??= issue.message;
  }
  return { ok: false, errors };
}
