import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { actorFrom, requestLog } from '../../actor';
import type { AppDeps } from '../../context';

type Args = SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs;

/**
 * The app was uninstalled from the workspace, or its tokens revoked: every unsent message is
 * cancelled at once and the installation marked revoked; the workspace's data stays for
 * UNINSTALL_RETENTION_DAYS (a reinstall brings it all back), then the scheduler deletes it. Bolt skips
 * authorization for these two events (the token is already gone); nothing here calls Slack.
 */
export function workspaceUninstalled(deps: AppDeps) {
  return async ({ body, event, context }: Args): Promise<void> => {
    // tokens_revoked also fires for user tokens; the bot holds none, only its bot token matters.
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    const teamId = actorFrom(body).teamId;
    if (!teamId) return;
    const log = requestLog(context, deps.logger);
    const { cancelled } = await deps.services.workspaces.uninstalled(teamId);
    log.info({ teamId, event: event.type, cancelled }, 'workspace uninstalled: unsent messages cancelled, data kept for the retention period');
  };
}
