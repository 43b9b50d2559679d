import type { App } from '@slack/bolt';
import type { AppDeps } from '../context';
import { dedupeEvents } from './dedupe-events';
import { actorMiddleware } from './actor';
import { type LoadShedder, shedLoad, type ShedLoadOptions } from './shed-load';
import { stripControlCharsMiddleware } from './strip-control-chars';
import { noteHomeUse } from './note-home-use';

export interface MiddlewareOptions {
  /** Requests processed at once before new ones get a polite "busy" (default in admission.ts). */
  maxInFlight?: number;
  /** Event-loop lag, in ms, past which new requests get a polite "busy" (default in admission.ts). */
  maxEventLoopLagMs?: number;
  /** Time since Slack sent a request, in ms, past which it gets a polite "busy" (default in admission.ts). */
  maxRequestAgeMs?: number;
  /** How long the oldest query may have waited for a connection before new requests get a polite "busy" (default in admission.ts). */
  maxDbWaitMs?: number;
  /** Queries waiting for a database connection now; past the bound, new requests get a polite "busy". */
  dbWaiting?: () => number;
  /** How long the longest-waiting query has waited for a connection; past the bound, new requests get a polite "busy". */
  dbWaitMs?: () => number;
  onShed?: ShedLoadOptions['onShed'];
}

/**
 * Global middleware, in order: shed load first (cheapest, before any work), then the request-scoped
 * logger, then Events API de-duplication (before any listener sees an event), then the removal of
 * control characters from typed text, then noting a press on someone's Home tab (whose Home a change
 * republishes). Returns the load shedder: its `drain` waits for the requests in
 * flight, its `stop` ends its probe, and its `refusal` lets the HTTP receiver turn requests away
 * before Bolt reads them (busy-before-bolt.ts).
 */
export function registerMiddleware(
  app: App,
  deps: AppDeps,
  options: MiddlewareOptions = {},
): Pick<LoadShedder, 'drain' | 'stop' | 'refusal' | 'noteTurnedAway'> {
  const shedder = shedLoad({
    logger: deps.logger,
    maxInFlight: options.maxInFlight,
    maxEventLoopLagMs: options.maxEventLoopLagMs,
    maxRequestAgeMs: options.maxRequestAgeMs,
    maxDbWaitMs: options.maxDbWaitMs,
    dbWaiting: options.dbWaiting,
    dbWaitMs: options.dbWaitMs,
    onShed: options.onShed,
  });
  shedder.watchAcks(app);
  app.use(shedder.middleware);
  app.use(actorMiddleware(deps.logger));
  app.use(dedupeEvents(deps));
  app.use(stripControlCharsMiddleware());
  app.use(noteHomeUse(deps.services.home));
  return shedder;
}
