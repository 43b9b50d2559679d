/**
 * Slack's mrkdwn as Slack's client shows it, to safe HTML. The order of the passes is the rules:
 * 1. ```pre``` blocks, then `>` quote lines (`>>>` quotes the rest), then line breaks;
 * 2. in a line: control sequences `<…>` (links, mentions, broadcasts, dates), then `code`, then bare URLs
 *    are taken out as finished HTML, so no formatting or entity reaches inside them;
 * 3. Slack's three entities (&lt; &gt; &amp;) become the characters they stand for, everything is escaped;
 * 4. *bold*, _italic_, ~strike~ apply only at word boundaries: `snake_case_name` and `2*3*4` stay text,
 *    the text between the markers neither starts nor ends with a space and does not cross a line;
 * 5. emoji shortcodes (:tada:) become their emoji (emoji.ts), except in code, in URLs and in unknown names.
 */
import { formatSlackDate } from './dates';
import { emojify } from './emoji';
import { escapeHtml, link, safeUrl } from './escape';
import type { RenderContext } from './index';

/** Finished HTML is held as \uE000<n>\uE001 (private-use characters, taken out of the input) until its line is done. */
const HOLE = /\uE000(\d+)\uE001/g;

class Holes {
  private readonly pieces: string[] = [];
  hold(html: string): string {
    return `\uE000${this.pieces.push(html) - 1}\uE001`;
  }
  fill(text: string): string {
    return text.replace(HOLE, (_m, i: string) => this.fill(this.pieces[Number(i)] ?? ''));
  }
}

export function mrkdwnToHtml(text: string, ctx: RenderContext): string {
  const source = String(text ?? '').replace(/[\uE000\uE001]/g, '');
  const out: string[] = [];
  let last = 0;
  for (const m of source.matchAll(/```([\s\S]*?)```/g)) {
    out.push(lines(source.slice(last, m.index), ctx));
    const body = (m[1] ?? '').replace(/^\n/, '').replace(/\n$/, '');
    out.push(`<pre class="code-block">${inline(body, ctx, false)}</pre>`);
    last = m.index + m[0].length;
  }
  out.push(lines(source.slice(last), ctx));
  return out.join('');
}

/** Quote lines grouped into one blockquote each run; other lines joined by line breaks. */
function lines(text: string, ctx: RenderContext): string {
  if (text === '') return '';
  const html: string[] = [];
  let quoted: string[] = [];
  let plain: string[] = [];
  const flush = (): void => {
    if (plain.length > 0) html.push(plain.join('<br>'));
    if (quoted.length > 0) html.push(`<blockquote>${quoted.join('<br>')}</blockquote>`);
    plain = [];
    quoted = [];
  };
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? '';
    const rest = /^(?:>>>|&gt;&gt;&gt;) ?/.exec(line);
    if (rest) {
      if (plain.length > 0) flush();
      quoted.push(...[line.slice(rest[0].length), ...all.slice(i + 1)].map((l) => inline(l, ctx, true)));
      break;
    }
    const quote = /^(?:>|&gt;) ?/.exec(line);
    if (quote) {
      if (plain.length > 0) flush();
      quoted.push(inline(line.slice(quote[0].length), ctx, true));
    } else {
      if (quoted.length > 0) flush();
      plain.push(inline(line, ctx, true));
    }
  }
  flush();
  return html.join('');
}

const STYLES: [marker: string, tag: string][] = [
  ['*', 'b'],
  ['_', 'i'],
  ['~', 's'],
];

const styleRules = STYLES.map(([marker, tag]) => {
  const m = marker === '*' ? '\\*' : marker; // `u` regexes refuse needless escapes (\_, \~)
  // (start | not a letter, digit or the marker) marker (no space) text (no space) marker (not followed by a letter, digit or the marker)
  const re = new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}(?=[^\\s${m}])([^${m}\\n]*?[^\\s${m}])${m}(?![\\p{L}\\p{N}${m}])`, 'gu');
  return (s: string): string => s.replace(re, (_w, before: string, body: string) => `${before}<${tag}>${body}</${tag}>`);
});

const styled = (escaped: string): string => styleRules.reduce((s, rule) => rule(s), escaped);

/** One line (or a code block's body when `formatting` is false). */
function inline(text: string, ctx: RenderContext, formatting: boolean): string {
  const holes = new Holes();
  let s = text.replace(/<([^<>\n]+)>/g, (_m, inner: string) => holes.hold(controlSequence(inner, ctx)));
  if (formatting) {
    // A code span may hold a mention or a link (already a hole): escaping leaves holes as they are.
    s = s.replace(/`([^`\n]+)`/g, (_m, code: string) => holes.hold(`<code>${escapeHtml(decode(code))}</code>`));
    // Slack links a bare URL too; trailing punctuation and formatting markers stay outside the link.
    s = s.replace(/\bhttps?:\/\/[^\s\uE000]+[^\s\uE000.,;:!?)'"*_~]/g, (url) => holes.hold(link(decode(url), escapeHtml(decode(url)))));
  }
  s = escapeHtml(decode(s));
  return holes.fill(formatting ? styled(emojify(s)) : s);
}

/** Slack escapes only these three; any other `&…;` is text. */
function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const BROADCASTS = new Set(['here', 'channel', 'everyone']);

function controlSequence(inner: string, ctx: RenderContext): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : decode(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return mentionHtml(`@${ctx.directory.user(id)?.name ?? label ?? id}`);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return mentionHtml(`#${ctx.directory.channel(id)?.name ?? label ?? id}`, 'channel');
  }
  if (target.startsWith('!date^')) return dateHtml(target, label, ctx);
  if (target.startsWith('!subteam^')) return mentionHtml(label ?? `@${target.slice('!subteam^'.length)}`, 'group');
  if (target.startsWith('!')) {
    const name = target.slice(1);
    return BROADCASTS.has(name) ? mentionHtml(`@${name}`, 'broadcast') : escapeHtml(label ?? `<${decode(inner)}>`);
  }
  const url = safeUrl(decode(target));
  if (!url) return escapeHtml(`<${decode(inner)}>`);
  // A label is formatted like the text around it (<url|*Title*> is a bold link); a bare URL is not.
  return link(url, label === undefined ? escapeHtml(url.replace(/^mailto:/i, '')) : styled(emojify(escapeHtml(label))));
}

const mentionHtml = (text: string, kind?: string): string => `<span class="mention${kind ? ` ${kind}` : ''}">${escapeHtml(text)}</span>`;

/** `!date^<epoch>^<format>[^<link>]` with the text after `|` as the fallback. */
function dateHtml(target: string, fallback: string | undefined, ctx: RenderContext): string {
  const [, epoch, format = '', url] = target.split('^');
  const seconds = /^\d+$/.test(epoch ?? '') ? Number(epoch) : NaN;
  const shown = formatSlackDate(seconds, format, ctx) ?? escapeHtml(fallback ?? '');
  const href = url ? safeUrl(decode(url)) : undefined;
  const html = `<time class="date">${shown}</time>`;
  return href ? link(href, html) : html;
}
