/**
 * What a failed Slack call means for a reminder. chat.postMessage has no idempotency key, so the
 * one question that matters is: could the message have been posted?
 * - rate_limited: certainly not posted; due again after Retry-After.
 * - failed: Slack refused it for good (a closed DM, a revoked token, blocks it rejects); never retried.
 * - unknown: it may have been posted (timeout, dropped connection, 5xx, internal_error); reconciled
 *   by looking for it in the DM before any resend.
 * - token_rejected: the workspace's token is no good (revoked, deactivated, wrong): certainly not
 *   posted, and not the row's fault; the workspace is set aside, the row waits for a working token.
 */
export type SendOutcome =
  | { kind: 'rate_limited'; retryAfterMs: number; code: string }
  | { kind: 'failed'; code: string }
  | { kind: 'unknown'; code: string }
  | { kind: 'token_rejected'; code: string };

/** Slack's answers that mean the token itself is refused. */
const TOKEN_REJECTED = new Set(['invalid_auth', 'account_inactive', 'token_revoked']);

/** Errors Slack answers with ok:false that may hide a message that was in fact posted. */
const MAYBE_POSTED = new Set(['internal_error', 'fatal_error', 'request_timeout', 'service_unavailable']);
const RATE_LIMITED = new Set(['ratelimited', 'rate_limited']);
const DEFAULT_RETRY_AFTER_MS = 30_000;

interface SlackishError {
  code?: string;
  data?: { error?: unknown };
  retryAfter?: number;
  statusCode?: number;
  original?: { name?: string; message?: string; code?: string };
}

export function classifySlackError(error: unknown): SendOutcome {
  const e = (error ?? {}) as SlackishError;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate_limited', retryAfterMs: Math.max(1, e.retryAfter ?? 30) * 1000, code: 'ratelimited' };
    case 'slack_webapi_platform_error': {
      const code = typeof e.data?.error === 'string' ? e.data.error : 'platform_error';
      if (RATE_LIMITED.has(code)) return { kind: 'rate_limited', retryAfterMs: DEFAULT_RETRY_AFTER_MS, code };
      if (TOKEN_REJECTED.has(code)) return { kind: 'token_rejected', code };
      return MAYBE_POSTED.has(code) ? { kind: 'unknown', code } : { kind: 'failed', code };
    }
    case 'slack_webapi_http_error':
      // Slack only uses 200 and 429 on purpose: a 5xx from it or a proxy may follow a post that happened.
      return (e.statusCode ?? 500) >= 500 ? { kind: 'unknown', code: `http_${e.statusCode ?? 500}` } : { kind: 'failed', code: `http_${e.statusCode}` };
    case 'slack_webapi_request_error': {
      // The SDK wraps what fetch threw; an error from another realm arrives as `new Error(String(err))`,
      // so the name may only survive in the message ("TimeoutError: The operation was aborted…").
      const original = e.original ?? {};
      const described = `${original.name ?? ''} ${original.message ?? ''}`;
      const timedOut = /TimeoutError|AbortError|aborted due to timeout/.test(described);
      return {
        kind: 'unknown',
        code: timedOut ? 'timeout' : `request_error:${original.code ?? (/fetch failed/.test(described) ? 'fetch_failed' : (original.name ?? 'network'))}`,
      };
    }
    default:
      return { kind: 'unknown', code: error instanceof Error ? `error:${error.name}` : 'error' };
  }
}
