import { DateTime } from 'luxon';
import type { GoalStatus } from '../../db/schema';
import type { HomeSnapshot } from '../../domain/home/snapshot';
import { formatLocalDate, localDateIn } from '../../domain/time/zoned';
import { escapeText, truncate } from './text';

/** Small wording helpers shared by the Home tab and `/mentorship status`. Pure. */

/** "You" for the viewer, else the stored display name (escaped: Slack profiles are typed by people). */
export function who(snapshot: Pick<HomeSnapshot, 'viewerId' | 'names'>, userId: string): string {
  if (userId === snapshot.viewerId) return 'You';
  return escapeText(truncate(snapshot.names[userId] ?? 'someone', 60));
}

/** The same, mid-sentence. */
export function whom(snapshot: Pick<HomeSnapshot, 'viewerId' | 'names'>, userId: string): string {
  return userId === snapshot.viewerId ? 'you' : who(snapshot, userId);
}

/** Whole calendar days from today to a local date, both in the viewer's zone. */
export function daysFromToday(localDate: string, now: Date, zone: string): number {
  const today = DateTime.fromISO(localDateIn(now, zone), { zone: 'UTC' });
  return Math.round(DateTime.fromISO(localDate, { zone: 'UTC' }).diff(today, 'days').days);
}

export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** When an instant falls, relative to today, counted in the viewer's calendar. */
export function relativeInstant(instant: Date, now: Date, zone: string): string {
  return relativeDays(daysFromToday(localDateIn(instant, zone), now, zone));
}

/** "due Fri 4 Dec 2026 (overdue)": local dates carry no zone, "overdue" is judged in the viewer's. */
export function dueLabel(dueOn: string | null, now: Date, zone: string): string {
  if (!dueOn) return 'no due date';
  const days = daysFromToday(dueOn, now, zone);
  const flag = days < 0 ? ' *(overdue)*' : days === 0 ? ' *(today)*' : '';
  return `due ${formatLocalDate(dueOn)}${flag}`;
}

export const GOAL_STATUS_LABEL: Record<GoalStatus, string> = {
  draft: 'Draft',
  awaiting_approval: 'Awaiting approval',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  achieved: 'Achieved 🎉',
  dropped: 'Dropped',
};

/** Typed text for a dashboard line: escaped, on one line, and short. */
export function typed(text: string, max: number): string {
  return escapeText(truncate(text.replace(/\s+/g, ' ').trim(), max));
}

/** A link only for a plain http(s) URL that cannot break out of Slack's <url|label> syntax. */
export function linked(url: string | null, label: string): string {
  return url && /^https?:\/\/[^\s<>|]+$/.test(url) && url.length <= 500 ? `<${url}|${label}>` : label;
}

export const more = (hidden: number, command: string): string => (hidden > 0 ? `\n… and ${hidden} more: \`${command}\`` : '');
