import { DateTime } from 'luxon';

/**
 * Block Kit has no repeating rows, so action items are typed one per line:
 *
 *   me: send Theo the talk recording
 *   mentee: draft the design doc by 2026-12-10
 *   Maria: review the draft (by 2026-12-14)
 *
 * The owner comes first (me, you, mentor, mentee, or either person's name), then the action, then an
 * optional due date (`by YYYY-MM-DD` or `due YYYY-MM-DD`). A problem is reported with its line.
 */
export interface OwnerContext {
  /** Who is typing: "me" is them, "you" is the other person. */
  submitterId: string;
  mentorId: string;
  menteeId: string;
  /** Display names by user id (either name, or its first word, is accepted as an owner). */
  names: Record<string, string>;
}

export interface ParsedActionItem {
  ownerId: string;
  body: string;
  /** Local date 'YYYY-MM-DD', or null. */
  dueOn: string | null;
}

export type ParseResult<T> = { ok: true; items: T[] } | { ok: false; error: string };

export const MAX_ACTION_ITEMS = 15;
/** Open items read at once for an agenda or a list (the most pressing first); more never fit a modal or message. */
export const MAX_OPEN_ACTION_ITEMS = 50;
export const MAX_ACTION_ITEM_LENGTH = 500;
const MAX_DUE_YEARS = 2;

const BULLET = /^\s*(?:[-*•·‣]|\d+[.)])\s+/;
const OWNER = /^@?([^:]{1,60}):\s*(.*)$/;
const DUE = /\s*\(?\s*(?:by|due)\s+(\S+?)\s*\)?\s*\.?$/i;

/** `today` is the local date in the pair's zone: a due date before it is refused. */
export function parseActionItemLines(text: string, owners: OwnerContext, today: string): ParseResult<ParsedActionItem> {
  const lines = text.split(/\r?\n/).map((line, index) => ({ number: index + 1, text: line.replace(BULLET, '').trim() }));
  const filled = lines.filter((line) => line.text !== '');
  if (filled.length > MAX_ACTION_ITEMS) return { ok: false, error: `Keep it to ${MAX_ACTION_ITEMS} action items (there are ${filled.length}).` };
  const items: ParsedActionItem[] = [];
  for (const line of filled) {
    const parsed = parseLine(line.text, owners, today);
    if ('error' in parsed) return { ok: false, error: `Line ${line.number} (“${shorten(line.text)}”): ${parsed.error}` };
    items.push(parsed);
  }
  return { ok: true, items };
}

function parseLine(line: string, owners: OwnerContext, today: string): ParsedActionItem | { error: string } {
  const match = OWNER.exec(line);
  const ownerId = match ? resolveOwner(match[1]!, owners) : null;
  if (!match || !ownerId) return { error: `start it with who owns it: ${ownerHint(owners)}, then a colon.` };
  let body = match[2]!.trim();
  let dueOn: string | null = null;
  const due = DUE.exec(body);
  if (due) {
    const date = DateTime.fromFormat(due[1]!, 'yyyy-MM-dd', { zone: 'UTC' });
    if (!date.isValid) return { error: `“${shorten(due[1]!)}” is not a date; write it as YYYY-MM-DD, e.g. by ${example(today)}.` };
    dueOn = date.toISODate()!;
    if (dueOn < today) return { error: `the due date ${dueOn} is in the past.` };
    if (date > DateTime.fromISO(today, { zone: 'UTC' }).plus({ years: MAX_DUE_YEARS })) return { error: `pick a due date within ${MAX_DUE_YEARS} years.` };
    body = body.slice(0, due.index).trim();
  }
  if (body === '') return { error: 'say what is to be done after the owner.' };
  if (body.length > MAX_ACTION_ITEM_LENGTH) return { error: `keep it under ${MAX_ACTION_ITEM_LENGTH} characters.` };
  return { ownerId, body, dueOn };
}

function resolveOwner(word: string, owners: OwnerContext): string | null {
  const key = normalise(word);
  const other = owners.submitterId === owners.mentorId ? owners.menteeId : owners.mentorId;
  const keywords: Record<string, string> = { me: owners.submitterId, i: owners.submitterId, you: other, mentor: owners.mentorId, mentee: owners.menteeId };
  if (keywords[key]) return keywords[key];
  const matches = [owners.mentorId, owners.menteeId].filter((id) => nameKeys(owners.names[id] ?? id).includes(key));
  // Two people sharing a first name cannot be told apart: ask for a keyword instead.
  return matches.length === 1 ? matches[0]! : null;
}

function nameKeys(name: string): string[] {
  const full = normalise(name);
  const first = full.split(' ')[0] ?? full;
  return [full, first];
}

const normalise = (text: string): string => text.trim().replace(/^@/, '').toLowerCase().replace(/\s+/g, ' ');

function ownerHint(owners: OwnerContext): string {
  const first = (id: string) => (owners.names[id] ?? id).trim().split(/\s+/)[0] ?? id;
  return `me, you, mentor, mentee, ${first(owners.mentorId)} or ${first(owners.menteeId)}`;
}

function example(today: string): string {
  return DateTime.fromISO(today, { zone: 'UTC' }).plus({ weeks: 1 }).toISODate() ?? today;
}

export function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
