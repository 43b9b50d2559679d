import type { Cadence } from '../../db/schema';
import type { MeetingSlot, Rhythm } from '../../domain/meetings/views';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { escapeText, truncate } from './text';

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'every week',
  biweekly: 'every two weeks',
  monthly: 'every month',
};

/** "Tue 1 Dec 2026, 04:00 (America/New_York) · 45 minutes", in the viewer's zone. */
export function meetingWhen(meeting: Pick<MeetingSlot, 'at' | 'minutes'>, viewerZone: string): string {
  return `${formatInZone(meeting.at, viewerZone)} · ${meeting.minutes} minutes`;
}

/**
 * The rule itself is a wall time in the pair's zone (it keeps that wall time across daylight-saving
 * changes), so it is shown in that zone, named; each meeting is shown in the viewer's zone.
 */
export function ruleLine(rhythm: Rhythm): string {
  return `${CADENCE_LABELS[rhythm.cadence]} at ${rhythm.time} (${rhythm.zone}), ${rhythm.minutes} minutes`;
}

export const dueText = (dueOn: string | null): string => (dueOn ? `due ${formatLocalDate(dueOn)}` : 'no due date');

/** Bullet lines of typed text, escaped and cut so the section stays within Slack's 3000 characters. */
export function bullets(lines: readonly string[], perLine = 280): string {
  return fitLines(lines.map((line) => `• ${escapeText(truncate(line, perLine))}`));
}

/**
 * Joins whole lines up to a budget and says how many were left out: cutting a line in the middle
 * could break a link's `<url|label>` syntax, so lines are never cut here.
 */
export function fitLines(lines: readonly string[], budget = 2800): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  const left = lines.length - kept.length;
  return left > 0 ? `${kept.join('\n')}\n…and ${left} more` : kept.join('\n');
}
