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
        sendNotices(deps.notices, recorded),
        recorded.homeUsers.length > 0 ? deps.home.refresh(recorded.teamId, recorded.homeUsers) : undefined,
      ]);
    },
  };
}

/** The notices due now, claimed straight away when the recorder said which they are; none when all wait for someone's morning. */
function sendNotices(notices: NoticeSender, recorded: Recorded): Promise<void> | undefined {
  if (recorded.dueNowIds) return recorded.dueNowIds.length > 0 ? notices.sendNow(recorded.dueNowIds, { teamId: recorded.teamId }) : undefined;
  return recorded.outboxIds.length > 0 ? notices.sendNow(recorded.outboxIds) : undefined;
}
