import { escapeText, truncate } from './text';

/**
 * What a person typed, shown as a block quote: cut to `max` characters first (so an escape sequence
 * is never cut in half), then escaped, then each line marked as quoted. The `>` markers are ours;
 * any `>` the person typed arrives escaped and cannot start or end anything.
 */
export function quoteTyped(text: string, max = 1500): string {
  return escapeText(truncate(text, max))
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/** Typed text inline (a title, an area): one line, cut, escaped. */
export function inlineTyped(text: string, max = 150): string {
  return escapeText(truncate(text.replace(/\s+/g, ' ').trim(), max));
}
