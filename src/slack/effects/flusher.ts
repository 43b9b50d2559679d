import type { Recorded } from '../../domain/effects/effects';
import type { NoticeSender } from '../../domain/notices/notice';
import type { HomeRefresher } from '../home-refresher';

/** After the commit and the ack: what a change left to do. */
export interface EffectsFlusher {
  flush(recorded: Recorded | undefined): Promise<void>;
}

/**
 * Sends the change's notices at once from this replica (a pass on any replica sends them if this one
 * dies first) and refreshes the Home tabs that show it. Never throws: both sides log their own failures.
 */
export function createEffectsFlusher(deps: { notices: NoticeSender; home: HomeRefresher }): EffectsFlusher {
  return {
    async flush(recorded) {
      if (!recorded) return;
      await Promise.all([
        recorded.outboxIds.length > 0 ? deps.notices.sendNow(recorded.outboxIds) : undefined,
        recorded.homeUsers.length > 0 ? deps.home.refresh(recorded.teamId, recorded.homeUsers) : undefined,
      ]);
    },
  };
}
