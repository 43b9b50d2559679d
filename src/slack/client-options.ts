/**
 * Interactive requests must be answered within 3 s, so the WebClient fails fast: no automatic
 * retries (a retried chat.postMessage can post twice), a request timeout, and 429s surfaced
 * rather than silently pausing the whole client.
 */
export const INTERACTIVE_CLIENT_OPTIONS = { retryConfig: { retries: 0 }, timeout: 5_000, rejectRateLimitedCalls: true } as const;
