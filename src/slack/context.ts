import type { Logger } from '../logger';
import type { Services } from '../services';
import type { HomeRefresher } from './home-refresher';

/** What every listener is handed: no module-level singletons. */
export interface AppDeps {
  services: Services;
  logger: Logger;
  clock: () => Date;
  /** Republishes Home tabs after a change; never throws into the caller. */
  home: HomeRefresher;
}

/** The request-scoped child logger the middleware puts on Bolt's context. */
export function requestLog(context: Record<string, unknown>, fallback: Logger): Logger {
  return (context.log as Logger | undefined) ?? fallback;
}
