import { performance } from 'node:perf_hooks';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger';

export const BUSY_TEXT = "I'm busy right now and couldn't take that on. Nothing was changed; please try again in a moment.";

/**
 * Defaults. In flight: a request counts from this middleware until its listener, including the work
 * after the ack (views.open, DMs), is done; 256 leaves room for Slack's own latency at hundreds of
 * requests per second while bounding the memory they hold. Event-loop lag: how late a 25 ms timer
 * fires, smoothed; past 500 ms every answer is already slow and a queue is building, and one more
 * request with real work would only push the others towards Slack's 3 s limit.
 */
export const DEFAULT_MAX_IN_FLIGHT = 256;
export const DEFAULT_MAX_EVENT_LOOP_LAG_MS = 500;

export interface ShedLoadOptions {
  logger: Logger;
  /** Requests processed at once; above this, new ones are turned away. */
  maxInFlight?: number;
  /** Smoothed event-loop lag above which new requests are turned away. */
  maxEventLoopLagMs?: number;
  /** How often, at most, a "shedding load" warning is logged (a line per request would add to the load). */
  warnEveryMs?: number;
}

export interface LoadShedder {
  middleware: Middleware<AnyMiddlewareArgs>;
  /** Stops the event-loop lag probe (its timer never keeps the process alive, but apps in tests come and go). */
  stop(): void;
}

type Payload = { type?: string; command?: string; response_url?: string; view?: { blocks?: Array<{ type?: string; block_id?: string }> } };
type Ack = (response?: unknown) => Promise<void>;
type Respond = (message: unknown) => Promise<unknown>;

/**
 * Load shedding: past either bound, a request gets an immediate, polite "busy, try again" (which
 * costs little more than the signature check) instead of joining a queue that would grow without
 * limit under a burst. The state is per process on purpose: it measures this process's load.
 */
export function shedLoad(options: ShedLoadOptions): LoadShedder {
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const maxLag = options.maxEventLoopLagMs ?? DEFAULT_MAX_EVENT_LOOP_LAG_MS;
  const warnEveryMs = options.warnEveryMs ?? 10_000;
  const lag = lagProbe();
  let inFlight = 0;
  let shedSinceWarn = 0;
  let lastWarnAt = -Infinity;

  const middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    const lagMs = lag.current();
    if (inFlight >= maxInFlight || lagMs > maxLag) {
      shedSinceWarn += 1;
      if (performance.now() - lastWarnAt >= warnEveryMs) {
        options.logger.warn({ inFlight, maxInFlight, lagMs: Math.round(lagMs), maxLagMs: maxLag, shed: shedSinceWarn }, 'shedding load');
        lastWarnAt = performance.now();
        shedSinceWarn = 0;
      }
      await turnAway(args as unknown as { body: Payload; ack?: Ack; respond?: Respond });
      return;
    }
    inFlight += 1;
    try {
      await args.next();
    } finally {
      inFlight -= 1;
    }
  };
  return { middleware, stop: lag.stop };
}

/** How late a short timer fires: the time a request arriving now waits before it is even looked at. */
function lagProbe(intervalMs = 25): { current(): number; stop(): void } {
  let smoothed = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = Math.max(0, now - last - intervalMs);
    last = now;
    // Rises at once with a stall, falls back over a few ticks once the loop is free again.
    smoothed = Math.max(late, smoothed * 0.7 + late * 0.3);
  }, intervalMs);
  timer.unref();
  return {
    // A stall in progress is visible before the timer gets to run again.
    current: () => Math.max(smoothed, performance.now() - last - intervalMs),
    stop: () => clearInterval(timer),
  };
}

/** The cheapest honest answer for each kind of request; events were already acknowledged by Bolt. */
async function turnAway({ body, ack, respond }: { body: Payload; ack?: Ack; respond?: Respond }): Promise<void> {
  if (!ack) return;
  if (body.command !== undefined) return ack({ response_type: 'ephemeral', text: `:hourglass: ${BUSY_TEXT}` });
  if (body.type === 'view_submission') {
    // Field errors keep the modal open with everything typed; a view without inputs cannot show them.
    const input = body.view?.blocks?.find((block) => block.type === 'input' && block.block_id);
    return ack(input?.block_id ? { response_action: 'errors', errors: { [input.block_id]: BUSY_TEXT } } : undefined);
  }
  await ack();
  if (body.type === 'block_actions' && body.response_url && respond) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: `:hourglass: ${BUSY_TEXT}` }).catch(() => undefined);
  }
}
