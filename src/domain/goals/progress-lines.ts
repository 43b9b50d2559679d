import { DateTime } from 'luxon';

/**
 * Block Kit has no repeating rows, so key results and milestones are typed one per line in a
 * multiline input. These parsers read that text, and the formatters write it back for the edit
 * modal, so a goal survives a round trip unchanged. Every problem names the line as the person sees
 * it (blank lines count), so the message under the field points at what to fix.
 */

export interface KeyResultLine {
  title: string;
  /** A number to reach; null for a done/not-done key result. */
  target: number | null;
  line: number;
}

export interface MilestoneLine {
  title: string;
  /** 'YYYY-MM-DD' */
  dueDate: string;
  line: number;
}

export type LinesResult<T> = { ok: true; items: T[] } | { ok: false; error: string };

export const MAX_KEY_RESULTS = 5;
export const MAX_MILESTONES = 10;
export const MAX_ITEM_TITLE = 150;
const MAX_TARGET = 1_000_000_000;

const NUMBER = /^\d+(?:[.,]\d+)?$/;
const MILESTONE = /^(\d{4}-\d{1,2}-\d{1,2})(?:\s*[:\-–—]\s*|\s+)(.+)$/;
// People paste lists: "- ", "* ", "• ", "1. " or "1) " in front of an item is decoration, not title.
const BULLET = /^(?:[-*•]\s+|\d{1,2}[.)]\s+)/;

interface RawLine {
  text: string;
  line: number;
}

function lines(text: string | null | undefined): RawLine[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((raw, index) => ({ text: raw.trim().replace(BULLET, '').trim(), line: index + 1 }))
    .filter((entry) => entry.text !== '');
}

const excerpt = (text: string): string => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

function checkTitle(title: string, line: number, what: string): string | null {
  if (title === '') return `Line ${line}: write the ${what} itself.`;
  if (title.length > MAX_ITEM_TITLE) return `Line ${line}: keep each ${what} under ${MAX_ITEM_TITLE} characters.`;
  return null;
}

function firstDuplicate<T extends { title: string; line: number }>(items: T[]): T | null {
  const seen = new Set<string>();
  for (const item of items) {
    const key = item.title.toLowerCase();
    if (seen.has(key)) return item;
    seen.add(key);
  }
  return null;
}

/** `Ship 3 features = 3` has a target of 3; `Give a team talk` is done or not. */
export function parseKeyResults(text: string | null | undefined): LinesResult<KeyResultLine> {
  const entries = lines(text);
  if (entries.length > MAX_KEY_RESULTS) {
    return { ok: false, error: `At most ${MAX_KEY_RESULTS} key results (you wrote ${entries.length}): keep the ones that matter most.` };
  }
  const items: KeyResultLine[] = [];
  for (const { text: entry, line } of entries) {
    const equals = entry.lastIndexOf('=');
    if (equals === -1) {
      const problem = checkTitle(entry, line, 'key result');
      if (problem) return { ok: false, error: problem };
      items.push({ title: entry, target: null, line });
      continue;
    }
    const title = entry.slice(0, equals).trim();
    const number = entry.slice(equals + 1).trim();
    if (!NUMBER.test(number)) {
      return {
        ok: false,
        error: `Line ${line} ("${excerpt(entry)}"): after "=" write the number to reach, as in "Ship 3 features = 3", or leave out "=" for a done/not-done result.`,
      };
    }
    const target = Number(number.replace(',', '.'));
    if (!(target > 0) || target > MAX_TARGET) return { ok: false, error: `Line ${line}: the number to reach must be more than 0.` };
    const problem = checkTitle(title, line, 'key result');
    if (problem) return { ok: false, error: problem };
    items.push({ title, target, line });
  }
  const duplicate = firstDuplicate(items);
  if (duplicate) return { ok: false, error: `Line ${duplicate.line} repeats a key result; each one needs its own line.` };
  return { ok: true, items };
}

/** `2027-01-15 Draft the design doc`: the date first, then what happens by then. */
export function parseMilestones(text: string | null | undefined): LinesResult<MilestoneLine> {
  const entries = lines(text);
  if (entries.length > MAX_MILESTONES) {
    return { ok: false, error: `At most ${MAX_MILESTONES} milestones (you wrote ${entries.length}).` };
  }
  const items: MilestoneLine[] = [];
  for (const { text: entry, line } of entries) {
    const match = MILESTONE.exec(entry);
    if (!match) {
      return { ok: false, error: `Line ${line} ("${excerpt(entry)}"): start with the date, then what happens, as in "2027-01-15 Draft the design doc".` };
    }
    const [year, month, day] = match[1]!.split('-').map(Number) as [number, number, number];
    const date = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
    if (!date.isValid) return { ok: false, error: `Line ${line}: ${match[1]} is not a date on the calendar.` };
    const title = match[2]!.trim();
    const problem = checkTitle(title, line, 'milestone');
    if (problem) return { ok: false, error: problem };
    items.push({ title, dueDate: date.toISODate() ?? match[1]!, line });
  }
  const duplicate = firstDuplicate(items);
  if (duplicate) return { ok: false, error: `Line ${duplicate.line} repeats a milestone; each one needs its own line.` };
  return { ok: true, items };
}

export const formatNumber = (value: number): string => (Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4))));

export function formatKeyResults(items: readonly { title: string; target: number | null }[]): string {
  return items.map((item) => (item.target === null ? item.title : `${item.title} = ${formatNumber(item.target)}`)).join('\n');
}

export function formatMilestones(items: readonly { title: string; dueDate: string }[]): string {
  return items.map((item) => `${item.dueDate} ${item.title}`).join('\n');
}
