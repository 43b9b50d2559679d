import { type ParseResult, shorten } from './action-item-lines';

/**
 * Agenda entries are typed one per line (Block Kit has no repeating rows). Bullets people paste in
 * ("- ", "• ", "1. ") are dropped; empty lines are ignored.
 */
export const MAX_AGENDA_LINES = 10;
export const MAX_AGENDA_LINE_LENGTH = 500;
/**
 * Items one meeting's agenda may hold in all. Each submission adds up to ten lines per field and
 * the whole agenda is read and shown again after it, so without a cap the thousandth submission
 * would cost a thousand times the first; sixty is more than any meeting gets through.
 */
export const MAX_AGENDA_ITEMS = 60;

/** Refuses additions that would take an agenda past MAX_AGENDA_ITEMS, saying how many fit. */
export function agendaRoomError(existing: number, adding: number): string | null {
  if (existing + adding <= MAX_AGENDA_ITEMS) return null;
  const left = Math.max(0, MAX_AGENDA_ITEMS - existing);
  if (left === 0)
    return `This agenda already has ${existing} items, the most one meeting's agenda can hold (${MAX_AGENDA_ITEMS}). Go through them at the meeting first.`;
  return `This agenda has room for ${left} more item${left === 1 ? '' : 's'} (at most ${MAX_AGENDA_ITEMS} in all); you are adding ${adding}.`;
}

const BULLET = /^\s*(?:[-*•·‣]|\d+[.)])\s+/;

export function parseAgendaLines(text: string | null, what: string): ParseResult<string> {
  const lines = splitLines(text);
  if (lines.length > MAX_AGENDA_LINES)
    return { ok: false, error: `Keep it to ${MAX_AGENDA_LINES} ${what} (there are ${lines.length}); group related ones on one line.` };
  const long = lines.find((line) => line.text.length > MAX_AGENDA_LINE_LENGTH);
  if (long) return { ok: false, error: `Line ${long.number} is over ${MAX_AGENDA_LINE_LENGTH} characters; shorten it.` };
  return { ok: true, items: lines.map((line) => line.text) };
}

export interface Material {
  title: string;
  url: string;
}

const URL_IN_LINE = /\bhttps?:\/\/\S+/i;

/**
 * Materials are links, one per line, with an optional title around the link:
 * "Design doc draft https://docs.example.com/d/1" or just the link. Characters Slack uses for its own
 * link syntax (<, >, |) are refused in the link, so a typed link can never turn into a mention.
 */
export function parseMaterialLines(text: string | null): ParseResult<Material> {
  const lines = splitLines(text);
  if (lines.length > MAX_AGENDA_LINES) return { ok: false, error: `Keep it to ${MAX_AGENDA_LINES} links (there are ${lines.length}).` };
  const items: Material[] = [];
  for (const line of lines) {
    const found = URL_IN_LINE.exec(line.text);
    const where = `Line ${line.number} (“${shorten(line.text)}”)`;
    if (!found) return { ok: false, error: `${where}: add the link, starting with https://` };
    const url = found[0].replace(/[).,;]+$/, '');
    if (!isSafeUrl(url)) return { ok: false, error: `${where}: that link does not look right; paste it again.` };
    if (url.length > 1000) return { ok: false, error: `${where}: the link is too long.` };
    const before = line.text.slice(0, found.index).replace(/[\s:–—-]+$/, '');
    const after = line.text.slice(found.index + url.length).replace(/^[\s:–—.,;-]+/, '');
    const title = [before, after].filter(Boolean).join(' ').trim();
    if (title.length > MAX_AGENDA_LINE_LENGTH) return { ok: false, error: `${where}: shorten the title.` };
    items.push({ title: title || readableUrl(url), url });
  }
  return { ok: true, items };
}

function isSafeUrl(url: string): boolean {
  if (/[<>|\s"]/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.');
  } catch {
    return false;
  }
}

function readableUrl(url: string): string {
  const parsed = new URL(url);
  return shorten(`${parsed.hostname}${parsed.pathname === '/' ? '' : parsed.pathname}`, 80);
}

function splitLines(text: string | null): Array<{ number: number; text: string }> {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line, index) => ({ number: index + 1, text: line.replace(BULLET, '').trim() }))
    .filter((line) => line.text !== '');
}
