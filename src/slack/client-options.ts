import { webApiFetch } from './web-api-transport';

/**
 * Interactive requests must be answered within 3 s, so the WebClient fails fast: no automatic
 * retries (a retried chat.postMessage can post twice), a request timeout, and 429s surfaced
 * rather than silently pausing the whole client. Its transport is the lighter one of
 * web-api-transport.ts.
 */
export const INTERACTIVE_CLIENT_OPTIONS = { retryConfig: { retries: 0 }, timeout: 5_000, rejectRateLimitedCalls: true, fetch: webApiFetch } as const;
