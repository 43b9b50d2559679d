import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger';

export const BUSY_TEXT = "I'm busy right now and couldn't take that on. Nothing was changed; please try again in a moment.";

/**
 * 64 requests in flight is far above what one person's clicks produce and well below what makes
 * acks late: every request in flight holds memory and competes for the database, so past this
 * bound queueing more only makes every answer slower (and past 3 s, Slack gives up on it anyway).
 */
export const DEFAULT_MAX_IN_FLIGHT = 64;

export interface ShedLoadOptions {
  /** Requests processed at once (ack plus the work after it); above this, new ones are turned away. */
  maxInFlight: number;
  logger: Logger;
  /** How often, at most, a "shedding load" warning is logged (a flood of one line per request helps no one). */
  warnEveryMs?: number;
  now?: () => number;
}

type Payload = { type?: string; command?: string; response_url?: string; view?: { blocks?: Array<{ type?: string; block_id?: string }> } };
type Ack = (response?: unknown) => Promise<void>;
type Respond = (message: unknown) => Promise<unknown>;

/**
 * Load shedding: a bound on requests in flight, counted from this middleware until the listener
 * (and its after-ack work) finishes. Past the bound a request gets an immediate, polite "busy"
 * instead of joining a queue that would grow without limit under a burst. The counter is per
 * process on purpose: it measures this process's load, not shared state.
 */
export function shedLoad(options: ShedLoadOptions): Middleware<AnyMiddlewareArgs> {
  const now = options.now ?? Date.now;
  const warnEveryMs = options.warnEveryMs ?? 10_000;
  let inFlight = 0;
  let shedSinceWarn = 0;
  let lastWarnAt = -Infinity;
  return async (args) => {
    if (inFlight >= options.maxInFlight) {
      shedSinceWarn += 1;
      if (now() - lastWarnAt >= warnEveryMs) {
        options.logger.warn({ inFlight, maxInFlight: options.maxInFlight, shed: shedSinceWarn }, 'shedding load');
        lastWarnAt = now();
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
