/**
 * HTML escaping for the sandbox's renderer. Everything that came from a message, a view or a person is
 * text until it is escaped here; the renderer builds markup only from its own constants and these helpers.
 */
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

/**
 * ` name="value"` with the value escaped, or nothing when the value is absent (`true` gives a bare
 * boolean attribute), so optional hooks read as one expression each.
 */
export function attr(name: string, value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null || value === false) return '';
  if (value === true) return ` ${name}`;
  return ` ${name}="${escapeHtml(value)}"`;
}

/** Only links a browser opens as pages or mail: a `javascript:` or `data:` URL in a message stays text. */
export function safeUrl(url: unknown): string | undefined {
  const text = String(url ?? '').trim();
  return /^(https?:|mailto:)/i.test(text) ? text : undefined;
}

/** A link as Slack opens it: a new tab, no opener. */
export function link(url: string, innerHtml: string, extra = ''): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer"${extra}>${innerHtml}</a>`;
}
