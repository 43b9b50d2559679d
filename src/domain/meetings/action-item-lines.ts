import { DateTime } from 'luxon';

/**
 * Block Kit has no repeating rows, so action items are typed one per line:
 *
 *   me: send Theo the talk recording
 *   mentee: draft the design doc by 2026-12-10
 *   Maria: review the draft (by 2026-12-14)
 *   <@U0THEO> book the room
 *   read the chapter on estimates
 *
 * The owner comes first (me, you, mentor, mentee, either person's display or real name, or its first
 * word when only one of them has it, or an @mention), then the action, then an optional due date
 * (`by YYYY-MM-DD` or `due YYYY-MM-DD`). A line with no owner is the writer's: notes are usually typed
 * by the one who took on most of the work, and refusing the line would only make them retype it.
 * A problem is reported with its line.
 */
export interface OwnerContext {
  /** Who is typing: "me" is them, "you" is the other person. */
  submitterId: string;
  mentorId: string;
  menteeId: string;
  /** Names by user id: the display name (named in hints), then any other (the real name). */
  names: Record<string, string | readonly string[]>;
}

export interface ParsedActionItem {
  ownerId: string;
  body: string;
  /** Local date 'YYYY-MM-DD', or null. */
  dueOn: string | null;
  /** False when the line named no owner and the item fell to the writer (the summary says so). */
  ownerNamed: boolean;
}

export type ParseResult<T> = { ok: true; items: T[] } | { ok: false; error: string };

export const MAX_ACTION_ITEMS = 15;
/** Open items read at once for an agenda or a list (the most pressing first); more never fit a modal or message. */
export const MAX_OPEN_ACTION_ITEMS = 50;
export const MAX_ACTION_ITEM_LENGTH = 500;
const MAX_DUE_YEARS = 2;
/** A prefix before a colon of up to this many words is read as an owner; a longer one is part of the action. */
const MAX_OWNER_WORDS = 3;

const BULLET = /^\s*(?:[-*•·‣]|\d+[.)])\s+/;
/** `<@U123>` or `<@U123|name>`, as Slack writes a mention, with or without a colon after it. */
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s*:?\s*(.*)$/;
/** A colon followed by a space or the end: `https://…` and `10:30` are not owners. */
const OWNER = /^@?([^:]{1,60}):(?:\s+(.*)|$)/;
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

/** An item's text typed on its own (the edit form): one line, not empty, not too long. */
export function checkActionItemBody(text: string): { ok: true; body: string } | { ok: false; error: string } {
  const body = text.replace(/\s+/g, ' ').trim();
  if (body === '') return { ok: false, error: 'Say what is to be done.' };
  if (body.length > MAX_ACTION_ITEM_LENGTH) return { ok: false, error: `Keep it under ${MAX_ACTION_ITEM_LENGTH} characters.` };
  return { ok: true, body };
}

function parseLine(line: string, owners: OwnerContext, today: string): ParsedActionItem | { error: string } {
  const owner = readOwner(line, owners);
  if ('error' in owner) return owner;
  let body = owner.rest.trim();
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
  return { ownerId: owner.ownerId, body, dueOn, ownerNamed: owner.named };
}

type OwnerRead = { ownerId: string; named: boolean; rest: string } | { error: string };

function readOwner(line: string, owners: OwnerContext): OwnerRead {
  const mention = MENTION.exec(line);
  if (mention) {
    const id = mention[1]!;
    if (id !== owners.mentorId && id !== owners.menteeId) return { error: `<@${id}> is not one of you two: ${ownerHint(owners)}.` };
    return { ownerId: id, named: true, rest: mention[2]! };
  }
  const match = OWNER.exec(line);
  const prefix = match?.[1]?.trim() ?? '';
  if (!match || prefix === '' || prefix.split(/\s+/).length > MAX_OWNER_WORDS) return { ownerId: owners.submitterId, named: false, rest: line };
  const resolved = resolveOwner(prefix, owners);
  if (resolved === 'ambiguous') return { error: `you both go by “${shorten(prefix, 30)}”: write the full name, or me or you.` };
  if (!resolved) return { error: `“${shorten(prefix, 30)}” is not one of you two: ${ownerHint(owners)}.` };
  return { ownerId: resolved, named: true, rest: match[2] ?? '' };
}

function resolveOwner(word: string, owners: OwnerContext): string | 'ambiguous' | null {
  const key = normalise(word);
  const other = owners.submitterId === owners.mentorId ? owners.menteeId : owners.mentorId;
  const keywords: Record<string, string> = { me: owners.submitterId, i: owners.submitterId, you: other, mentor: owners.mentorId, mentee: owners.menteeId };
  if (keywords[key]) return keywords[key];
  const people = [owners.mentorId, owners.menteeId];
  const byFull = people.filter((id) => namesOf(owners, id).some((name) => normalise(name) === key));
  if (byFull.length === 1) return byFull[0]!;
  const byFirst = people.filter((id) => namesOf(owners, id).some((name) => firstWord(normalise(name)) === key));
  if (byFirst.length === 1) return byFirst[0]!;
  // Two people sharing a name cannot be told apart: ask for the full name or a keyword instead.
  return byFull.length > 1 || byFirst.length > 1 ? 'ambiguous' : null;
}

function namesOf(owners: OwnerContext, id: string): string[] {
  const names = owners.names[id];
  const list = names === undefined ? [] : typeof names === 'string' ? [names] : [...names];
  return [...list, id].filter((name) => name.trim() !== '');
}

const firstWord = (text: string): string => text.split(' ')[0] ?? text;
const normalise = (text: string): string => text.trim().replace(/^@/, '').toLowerCase().replace(/\s+/g, ' ');

function ownerHint(owners: OwnerContext): string {
  const first = (id: string) => firstWord((namesOf(owners, id)[0] ?? id).trim().replace(/\s+/g, ' '));
  return `start the line with me, you, mentor, mentee, ${first(owners.mentorId)} or ${first(owners.menteeId)} and a colon (or leave the owner out to make it yours)`;
}

function example(today: string): string {
  return DateTime.fromISO(today, { zone: 'UTC' }).plus({ weeks: 1 }).toISODate() ?? today;
}

export function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
