import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';

/**
 * Control characters (NUL above all, which PostgreSQL refuses in text) have no place in anything a
 * person types. They are removed at the edge, from command text and from every text value of a
 * submitted view, so no listener has to remember to; newlines and tabs are kept.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const stripControlChars = (text: string): string => text.replace(CONTROL, '');

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
