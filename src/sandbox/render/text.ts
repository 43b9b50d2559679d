/**
 * Text objects: `plain_text` is shown as typed (escaped, line breaks kept, never read as mrkdwn), with
 * its emoji shortcodes as emoji unless it says `emoji: false` (Slack's default is true);
 * `mrkdwn` goes through the mrkdwn renderer. A bare string is a message's top-level `text`, which
 * Slack reads as mrkdwn.
 */
import { emojify } from './emoji';
import { escapeHtml } from './escape';
import type { Json, RenderContext } from './index';
import { mrkdwnToHtml } from './mrkdwn';

export function textToHtml(text: Json | string | undefined, ctx: RenderContext): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return mrkdwnToHtml(text, ctx);
  if (text.type === 'mrkdwn') return mrkdwnToHtml(String(text.text ?? ''), ctx);
  return plainHtml(text);
}

/** A plain_text object (or anything with a `text`) as escaped HTML with its line breaks. */
export function plainHtml(text: Json | undefined): string {
  return escapeHtml(plainString(text)).replace(/\n/g, '<br>');
}

/** The string of a text object, for attributes and `<option>`s, which hold no markup. */
export function plainString(text: Json | undefined): string {
  if (!text) return '';
  const raw = String(text.text ?? '');
  return text.emoji === false || text.type === 'mrkdwn' ? raw : emojify(raw);
}
