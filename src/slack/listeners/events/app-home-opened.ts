import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { actorOf } from '../../actor';
import type { AppDeps } from '../../context';
import { publishHome } from '../../home-publisher';
import { slackErrorCode } from '../../slack-failure';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/**
 * Publishes the person's dashboard each time they open the Home tab, and notes the opening (whose Home
 * a change republishes, home-publisher.ts). Bolt has already acked the
 * event; a retry of the same event_id is dropped by the dedupe middleware before it gets here.
 */
export function appHomeOpened(deps: AppDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    // The event fires for the Messages tab too; only the Home tab shows a view.
    if (event.tab !== 'home') return;
    const actor = actorOf(context);
    // Remembered first, so a change committed while this publish is built republishes it too.
    await deps.services.home.noteOpened(actor.teamId, actor.userId).catch((error: unknown) => actor.log.warn({ err: error }, 'home opening not recorded'));
    try {
      await publishHome(client, deps.services.home, actor.teamId, actor.userId, deps.services.program);
      actor.log.info({ retry: context.retryNum ?? 0 }, 'home published');
    } catch (error) {
      actor.log.warn({ err: error, code: slackErrorCode(error) }, 'home publish failed');
    }
  };
}
