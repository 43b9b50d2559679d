import type { App } from '@slack/bolt';
import type { AppDeps } from '../context';
import { dedupeEvents } from './dedupe-events';
import { requestLogger } from './request-log';
import { DEFAULT_MAX_IN_FLIGHT, shedLoad } from './shed-load';

export interface MiddlewareOptions {
  /** Requests processed at once before new ones get a polite "busy" (see shed-load.ts). */
  maxInFlight?: number;
}

/**
 * Global middleware, in order: shed load first (cheapest, before any work), then the request-scoped
 * logger, then Events API de-duplication (before any listener sees an event).
 */
export function registerMiddleware(app: App, deps: AppDeps, options: MiddlewareOptions = {}): void {
  app.use(shedLoad({ maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, logger: deps.logger }));
  app.use(requestLogger(deps.logger));
  app.use(dedupeEvents(deps));
}
