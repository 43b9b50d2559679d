/**
 * The rich_text block (basic): sections, bullet and numbered lists, preformatted text and quotes, with
 * text styles, links, mentions, broadcasts, emoji (their `unicode`, else Slack's name, else `:name:`) and dates. Every string is escaped.
 */
import { formatSlackDate } from './dates';
import { emojiFor } from './emoji';
import { escapeHtml, link, safeUrl } from './escape';
import type { Json, RenderContext } from './index';

export function richTextHtml(block: Json, ctx: RenderContext): string {
  return `<div class="block rich-text">${((block.elements ?? []) as Json[]).map((e) => container(e, ctx)).join('')}</div>`;
}

function container(e: Json, ctx: RenderContext): string {
  const inner = (): string => ((e.elements ?? []) as Json[]).map((x) => leaf(x, ctx)).join('');
  switch (e.type) {
    case 'rich_text_section':
      return `<div class="rt-section">${inner()}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="code-block">${inner()}</pre>`;
    case 'rich_text_quote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'rich_text_list': {
      const tag = e.style === 'ordered' ? 'ol' : 'ul';
      const items = ((e.elements ?? []) as Json[]).map((item) => `<li>${((item.elements ?? []) as Json[]).map((x) => leaf(x, ctx)).join('')}</li>`);
      return `<${tag} class="rt-list indent-${Number(e.indent) || 0}">${items.join('')}</${tag}>`;
    }
    default:
      return `<span class="unsupported">[unsupported rich text: ${escapeHtml(e.type)}]</span>`;
  }
}

const mention = (text: string, kind = ''): string => `<span class="mention${kind ? ` ${kind}` : ''}">${escapeHtml(text)}</span>`;

function leaf(e: Json, ctx: RenderContext): string {
  switch (e.type) {
    case 'text':
      return styled(escapeHtml(e.text).replace(/\n/g, '<br>'), e.style);
    case 'link': {
      const url = safeUrl(e.url);
      const label = escapeHtml(e.text || e.url);
      return styled(url ? link(url, label) : label, e.style);
    }
    case 'user':
      return mention(`@${ctx.directory.user(String(e.user_id))?.name ?? String(e.user_id)}`);
    case 'channel':
      return mention(`#${ctx.directory.channel(String(e.channel_id))?.name ?? String(e.channel_id)}`, 'channel');
    case 'usergroup':
      return mention(`@${String(e.usergroup_id)}`, 'group');
    case 'broadcast':
      return mention(`@${String(e.range)}`, 'broadcast');
    case 'emoji':
      return escapeHtml(emojiElement(e));
    case 'date':
      return `<time class="date">${formatSlackDate(Number(e.timestamp), String(e.format ?? ''), ctx) ?? escapeHtml(e.fallback ?? '')}</time>`;
    default:
      return `<span class="unsupported">[unsupported rich text: ${escapeHtml(e.type)}]</span>`;
  }
}

/** Slack's emoji element carries its code points (`1f331`, `1f44b-1f3fc`) and its name. */
function emojiElement(e: Json): string {
  const unicode = typeof e.unicode === 'string' && /^[0-9a-f]{1,6}(-[0-9a-f]{1,6})*$/i.test(e.unicode) ? e.unicode : undefined;
  if (unicode) {
    const points = unicode.split('-').map((hex) => parseInt(hex, 16));
    if (points.every((p) => p <= 0x10ffff)) return String.fromCodePoint(...points);
  }
  return emojiFor(String(e.name)) ?? `:${String(e.name)}:`;
}

function styled(html: string, style: Json | undefined): string {
  let out = html;
  if (style?.code) out = `<code>${out}</code>`;
  if (style?.strike) out = `<s>${out}</s>`;
  if (style?.italic) out = `<i>${out}</i>`;
  if (style?.bold) out = `<b>${out}</b>`;
  return out;
}

/** A rich_text value as the plain text a person would edit (a rich_text_input's initial value). */
export function richTextPlain(value: Json): string {
  const walk = (e: Json): string => {
    if (e.type === 'text' || e.type === 'link') return String(e.text ?? e.url ?? '');
    if (e.type === 'emoji') return `:${String(e.name)}:`;
    if (e.type === 'user') return `<@${String(e.user_id)}>`;
    const inner = ((e.elements ?? []) as Json[]).map(walk).join('');
    return e.type === 'rich_text' ? inner : e.type?.startsWith('rich_text_') ? `${inner}\n` : inner;
  };
  return walk(value).replace(/\n$/, '');
}
