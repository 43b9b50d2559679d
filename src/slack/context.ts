import type { Logger } from '../logger';
import type { Services } from '../services';
import type { EffectsFlusher } from './effects/flusher';
import type { HomeRefresher } from './home-refresher';

/** What every listener is handed: no module-level singletons. */
export interface AppDeps {
  services: Services;
  logger: Logger;
  clock: () => Date;
  /** Republishes Home tabs (coalesced per person); never throws into the caller. */
  home: HomeRefresher;
  /** Sends a committed change's notices and refreshes its Home tabs, after the ack. */
  effects: EffectsFlusher;
}
