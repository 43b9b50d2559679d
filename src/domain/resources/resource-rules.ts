import type { ResourceKind } from '../../db/schema';
import type { FieldErrors } from '../pairs/pair-rules';

export const RESOURCE_KINDS = ['article', 'book', 'course', 'video', 'podcast', 'talk', 'other'] as const satisfies readonly ResourceKind[];
export const TITLE_MAX = 200;
export const URL_MAX = 1000;
export const TAKEAWAY_MAX = 1000;
/** The habit: two resources explored between one meeting and the next. */
export const EXPLORED_TARGET = 2;

export type ResourceField = 'title' | 'url' | 'kind';

const HOST = /^(localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)$/i;

/**
 * Only http and https links, with a real host and no credentials in them. The stored form is the
 * parsed URL with `|`, `<` and `>` percent-encoded: Slack's `<url|label>` link syntax would otherwise
 * let a typed link end early and smuggle in a label or a mention.
 */
export function checkUrl(raw: string | null): { ok: true; url: string | null } | { ok: false; error: string } {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') return { ok: true, url: null };
  if (/\s/.test(trimmed)) return { ok: false, error: 'A link cannot contain spaces.' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, error: 'Paste a full link starting with https:// (or http://).' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, error: 'Only http:// and https:// links can be kept.' };
  if (!HOST.test(parsed.hostname)) return { ok: false, error: 'That link has no valid web address after https://.' };
  if (parsed.username || parsed.password) return { ok: false, error: 'Remove the user name or password from the link.' };
  const url = parsed.href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  if (url.length > URL_MAX) return { ok: false, error: `Links can be at most ${URL_MAX} characters.` };
  return { ok: true, url };
}

export interface ResourceDraft {
  title: string | null;
  url: string | null;
  kind: string | null;
}

export function checkResourceDraft(
  draft: ResourceDraft,
): { ok: true; title: string; url: string | null; kind: ResourceKind } | { ok: false; errors: FieldErrors<ResourceField> } {
  const errors: FieldErrors<ResourceField> = {};
  // One line: the title is shown as a link label.
  const title = (draft.title ?? '').replace(/\s+/g, ' ').trim();
  if (title === '') errors.title = 'Give the resource a title.';
  else if (title.length > TITLE_MAX) errors.title = `Keep the title under ${TITLE_MAX} characters.`;
  const url = checkUrl(draft.url);
  if (!url.ok) errors.url = url.error;
  const kind = RESOURCE_KINDS.find((k) => k === draft.kind);
  if (!kind) errors.kind = 'Pick what kind of resource it is.';
  if (!kind || !url.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, title, url: url.url, kind };
}

export function checkTakeaway(raw: string | null): { ok: true; takeaway: string } | { ok: false; error: string } {
  const takeaway = raw?.trim() ?? '';
  if (takeaway === '') return { ok: false, error: 'Write one takeaway: what you will use from it.' };
  if (takeaway.length > TAKEAWAY_MAX) return { ok: false, error: `Keep the takeaway under ${TAKEAWAY_MAX} characters.` };
  return { ok: true, takeaway };
}
