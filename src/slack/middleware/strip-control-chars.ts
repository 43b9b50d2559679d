import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';

/**
 * Control characters (NUL above all, which PostgreSQL refuses in text) have no place in anything a
 * person types. They are removed at the edge, from command text and from every text value of a
 * submitted view, so no listener has to remember to; newlines and tabs are kept.
 *
 * So are the invisible characters that change how text reads rather than what it says: the
 * bidirectional embeddings, overrides, isolates and marks (a goal title posted in the pair's channel
 * could otherwise be made to read backwards, or to push the text after it around), and zero-width
 * spaces, word joiners and byte-order marks (which hide inside words and make look-alikes). The two
 * joiners that writing needs stay where they do their job: a zero-width joiner between two emoji
 * (one family, one flag), a zero-width non-joiner between two letters (Persian, Indic scripts).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const INVISIBLE = /[\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const STRAY_ZWJ = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
const STRAY_ZWNJ = /(?<![\p{L}\p{M}])\u200C|\u200C(?![\p{L}\p{M}])/gu;

export const stripControlChars = (text: string): string => text.replace(CONTROL, '').replace(INVISIBLE, '').replace(STRAY_ZWJ, '').replace(STRAY_ZWNJ, '');

export function stripControlCharsMiddleware(): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const payload = body as { text?: unknown; view?: { state?: { values?: Record<string, Record<string, { value?: unknown }>> } } };
    if (typeof payload.text === 'string') payload.text = stripControlChars(payload.text);
    for (const block of Object.values(payload.view?.state?.values ?? {})) {
      for (const element of Object.values(block ?? {})) {
        if (element && typeof element.value === 'string') element.value = stripControlChars(element.value);
      }
    }
    await next();
  };
}
