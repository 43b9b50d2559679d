/**
 * Optional chat.postMessage rate limiting (off by default). Slack documents ~1 message/s per channel with
 * short bursts plus an unpublished workspace cap; token buckets model both well enough for tests of a
 * scheduler that must throttle itself and honour Retry-After.
 */
export interface RateLimitOptions {
  perChannelPerSecond: number;
  perWorkspacePerSecond: number;
  /** Bucket size: how many calls may arrive at once before the rate applies. Defaults to the rate. */
  burst?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly opts: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  /** Takes a token from both buckets, or says how many seconds to wait (Slack's Retry-After). */
  take(workspace: string, channel: string): { retryAfterSeconds: number } | undefined {
    const ws = this.refill(`ws:${workspace}`, this.opts.perWorkspacePerSecond);
    const ch = this.refill(`ch:${workspace}:${channel}`, this.opts.perChannelPerSecond);
    const short = [
      [ws, this.opts.perWorkspacePerSecond],
      [ch, this.opts.perChannelPerSecond],
    ] as const;
    const waits = short.filter(([b]) => b.tokens < 1).map(([b, rate]) => (1 - b.tokens) / rate);
    if (waits.length > 0) return { retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits))) };
    ws.tokens -= 1;
    ch.tokens -= 1;
    return undefined;
  }

  private refill(key: string, rate: number): Bucket {
    const capacity = this.opts.burst ?? Math.max(1, rate);
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    this.buckets.set(key, b);
    return b;
  }
}
