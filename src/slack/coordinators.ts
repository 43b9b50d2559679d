import type { WebClient } from '@slack/web-api';
import type { Coordinators } from '../domain/pairs/coordinators';

/**
 * The coordinators gateway for now: a workspace admin or owner, as `users.info` says (`is_admin`,
 * `is_owner`). Built per request from the request's own client, so it asks the right workspace.
 */
export function workspaceAdminsAsCoordinators(client: WebClient): Coordinators {
  return {
    async isCoordinator(userId) {
      const response = await client.users.info({ user: userId });
      const user = (response.user ?? {}) as { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean; deleted?: boolean };
      return !user.deleted && Boolean(user.is_admin || user.is_owner || user.is_primary_owner);
    },
  };
}
