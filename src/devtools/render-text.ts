/**
 * Renders Block Kit messages and views as plain text so `npm run demo` can print what each person saw.
 * It is a reading aid, not a Slack client: layout is simplified, but every piece of text, every button
 * and every input the person would see is shown.
 */
type Json = Record<string, any>;

export interface RenderOptions {
  /** Resolves <@U123> to a name; without it the id is shown. */
  userName?: (userId: string) => string | undefined;
}

const RULE = '─'.repeat(40);

export function renderBlocks(blocks: Json[] | undefined, fallbackText: string, opts: RenderOptions = {}): string {
  if (!blocks || blocks.length === 0) return cleanMrkdwn(fallbackText, opts);
  return blocks
    .map((b) => renderBlock(b, opts))
    .filter((s) => s !== '')
    .join('\n');
}

export function renderView(view: Json, opts: RenderOptions = {}): string {
  const lines: string[] = [];
  if (view.type === 'home') lines.push('[Home tab]');
  else lines.push(`┌ ${plain(view.title) || 'Modal'} ┐`);
  lines.push(renderBlocks(view.blocks, '', { ...opts }));
  const footer = [view.close ? `[${plain(view.close)}]` : '', view.submit ? `[${plain(view.submit)}]` : ''].filter(Boolean);
  if (footer.length > 0) lines.push(footer.join(' '));
  return lines.filter((l) => l !== '').join('\n');
}

function renderBlock(b: Json, opts: RenderOptions): string {
  switch (b.type) {
    case 'header': {
      const t = plain(b.text);
      return `${t}\n${'='.repeat(Math.min(t.length, 40))}`;
    }
    case 'divider':
      return RULE;
    case 'section': {
      const parts: string[] = [];
      if (b.text) parts.push(text(b.text, opts));
      if (Array.isArray(b.fields)) parts.push(...b.fields.map((f: Json) => `  ${text(f, opts)}`));
      if (b.accessory) parts.push(`  ${element(b.accessory, opts)}`);
      return parts.join('\n');
    }
    case 'context':
      return (b.elements ?? []).map((e: Json) => (e.type === 'image' ? `[${e.alt_text}]` : text(e, opts))).join(' · ');
    case 'actions':
      return (b.elements ?? []).map((e: Json) => element(e, opts)).join(' ');
    case 'input': {
      const optional = b.optional ? ' (optional)' : '';
      const hint = b.hint ? `\n  (${plain(b.hint)})` : '';
      return `${plain(b.label)}${optional}: ${inputValue(b.element ?? {}, opts)}${hint}`;
    }
    case 'image':
      return `[image: ${b.alt_text ?? ''}]`;
    case 'markdown':
      return cleanMrkdwn(String(b.text ?? ''), opts);
    case 'rich_text':
      return cleanMrkdwn(richText(b), opts);
    default:
      return `[${String(b.type)}]`;
  }
}

function element(e: Json, opts: RenderOptions): string {
  switch (e.type) {
    case 'button':
    case 'workflow_button':
      return `[${plain(e.text)}]`;
    case 'image':
      return `[image: ${e.alt_text ?? ''}]`;
    case 'overflow':
      return '[⋯]';
    default:
      return `[${inputValue(e, opts)} ▾]`;
  }
}

/** What an input shows before the user touches it: its initial value, else a blank. */
function inputValue(e: Json, opts: RenderOptions): string {
  const user = (id: string): string => `@${opts.userName?.(id) ?? id}`;
  const options = (list: Json[] | undefined): string => (list ?? []).map((o) => plain(o.text)).join(', ');
  const initial =
    e.initial_value ??
    (e.initial_option ? plain(e.initial_option.text) : undefined) ??
    (e.initial_options?.length ? options(e.initial_options) : undefined) ??
    (e.initial_user ? user(e.initial_user) : undefined) ??
    (e.initial_users?.length ? e.initial_users.map(user).join(', ') : undefined) ??
    (e.initial_conversation ? `#${e.initial_conversation}` : undefined) ??
    (e.initial_channel ? `#${e.initial_channel}` : undefined) ??
    e.initial_date ??
    e.initial_time ??
    (e.initial_date_time ? new Date(e.initial_date_time * 1000).toISOString() : undefined);
  if (initial !== undefined && initial !== '') return String(initial);
  if ((e.type === 'checkboxes' || e.type === 'radio_buttons') && e.options) return `( ) ${e.options.map((o: Json) => plain(o.text)).join(' ( ) ')}`;
  return e.placeholder ? `____ (${plain(e.placeholder)})` : '____';
}

function text(t: Json | undefined, opts: RenderOptions): string {
  if (!t) return '';
  return t.type === 'mrkdwn' ? cleanMrkdwn(String(t.text ?? ''), opts) : String(t.text ?? '');
}

function plain(t: Json | undefined): string {
  return t ? String(t.text ?? '') : '';
}

/**
 * Slack's mrkdwn control sequences made readable. A real broadcast (<!channel>) is flagged in brackets
 * because it pings everyone; an escaped one (&lt;!channel&gt;) is what a person literally sees as text.
 * *bold* and _italic_ markers are left in place: they read fine as plain text.
 */
export function cleanMrkdwn(s: string, opts: RenderOptions = {}): string {
  return s
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) => `@${opts.userName?.(id) ?? label ?? id}`)
    .replace(/<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) => `#${label || id}`)
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, (_m, what: string) => `[@${what}]`)
    .replace(/<!date\^\d+\^[^|>]*\|([^>]+)>/g, (_m, fallback: string) => fallback)
    .replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, (_m, url: string, label: string) => `${label} (${url})`)
    .replace(/<(https?:\/\/[^>]+)>/g, (_m, url: string) => url)
    .replace(/<mailto:([^|>]+)(?:\|([^>]+))?>/g, (_m, addr: string, label?: string) => label ?? addr)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function richText(b: Json): string {
  const walk = (els: Json[] | undefined): string =>
    (els ?? [])
      .map((e) => {
        if (e.type === 'text') return e.text ?? '';
        if (e.type === 'user') return `<@${e.user_id}>`;
        if (e.type === 'channel') return `<#${e.channel_id}>`;
        if (e.type === 'link') return e.text ? `<${e.url}|${e.text}>` : e.url;
        if (e.type === 'emoji') return `:${e.name}:`;
        if (e.type === 'broadcast') return `<!${e.range}>`;
        if (Array.isArray(e.elements)) return walk(e.elements) + (e.type === 'rich_text_list' || e.type === 'rich_text_section' ? '\n' : '');
        return '';
      })
      .join('');
  return walk(b.elements).trimEnd();
}
