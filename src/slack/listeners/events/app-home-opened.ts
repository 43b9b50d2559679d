import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type AppDeps, requestLog } from '../../context';
import { publishHome } from '../../home-publisher';
import { slackErrorCode } from '../../messenger';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * Publishes the person's dashboard each time they open the Home tab. Bolt has already acked the
 * event; the same event may come again (Slack retries with the same event_id), and publishing it
 * twice only shows the same dashboard twice, so no de-duplication is needed.
 */
export function appHomeOpened(deps: AppDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    // The event fires for the Messages tab too; only the Home tab shows a view.
    if (event.tab !== 'home') return;
    const log = requestLog(context, deps.logger).child({ userId: event.user });
    const teamId = context.teamId ?? body.team_id;
    try {
      await publishHome(client, deps.services.home, teamId, event.user);
      log.info({ retry: context.retryNum ?? 0 }, 'home published');
    } catch (error) {
      log.warn({ err: error, code: slackErrorCode(error) }, 'home publish failed');
    }
  };
}
