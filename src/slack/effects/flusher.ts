import type { Recorded } from '../../domain/effects/effects';
import type { NoticeSender } from '../../domain/notices/notice';
import type { HomeRefresher } from '../home-refresher';

/** After the commit and the ack: what a change left to do. */
export interface EffectsFlusher {
  /**
   * `waitForNotices`: resolve only once the notices are sent (or left to a pass), for a reply that says
   * whether they went out (sharing a goal tells whether the mentor can see it in the channel).
   */
  flush(recorded: Recorded | undefined, options?: { waitForNotices?: boolean }): Promise<void>;
}

/**
 * Sends the change's notices at once from this replica (a pass on any replica sends them if this one
 * dies first) and refreshes the Home tabs that show it. Never throws: both sides log their own failures.
 *
 * The request does not wait for its notices. Sending them may mean waiting up to 2 s for the
 * workspace's send budget, and a request counts as in flight, for load shedding, until its listener
 * ends: a burst of notes (two DMs each) would hold hundreds of requests "in flight" doing nothing and
 * turn new ones away. The notice sender tracks its own sends (`idle`, and `stop` at shutdown, after the
 * app has stopped taking requests), unless the caller asks to wait. The Home refresh is awaited: it is
 * work (a read, a publish), not a wait.
 */
export function createEffectsFlusher(deps: { notices: NoticeSender; home: HomeRefresher }): EffectsFlusher {
  return {
    async flush(recorded, options = {}) {
      if (!recorded) return;
      const sent = sendNotices(deps.notices, recorded);
      if (recorded.homeUsers.length > 0) await deps.home.refresh(recorded.teamId, recorded.homeUsers);
      if (options.waitForNotices) await sent;
    },
  };
}

/** The notices due now, claimed straight away when the recorder said which they are; none when all wait for someone's morning. */
function sendNotices(notices: NoticeSender, recorded: Recorded): Promise<void> | undefined {
  if (recorded.dueNowIds) return recorded.dueNowIds.length > 0 ? notices.sendNow(recorded.dueNowIds, { teamId: recorded.teamId }) : undefined;
  return recorded.outboxIds.length > 0 ? notices.sendNow(recorded.outboxIds) : undefined;
}
