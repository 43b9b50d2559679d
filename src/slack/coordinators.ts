import type { WebClient } from '@slack/web-api';
import type { WorkspaceStanding } from '../domain/pairs/coordinators';

interface SlackUser {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  deleted?: boolean;
  is_bot?: boolean;
}

/**
 * Slack's half of the coordinator rule: `users.info` (`is_admin`, `is_owner`, `deleted`). Built per
 * request from the request's own client, so it asks the right workspace.
 */
export function slackStanding(client: WebClient): WorkspaceStanding {
  return {
    async standingOf(userId) {
      const response = await client.users.info({ user: userId });
      const user = (response.user ?? {}) as SlackUser;
      return {
        admin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
        deleted: Boolean(user.deleted),
        bot: Boolean(user.is_bot) || userId === 'USLACKBOT',
      };
    },
  };
}
