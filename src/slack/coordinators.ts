import type { WebClient } from '@slack/web-api';
import type { Standing, WorkspaceStanding } from '../domain/pairs/coordinators';
import { isBotUser, slackUser } from './directory';

/**
 * Slack's half of the coordinator rule: `users.info` (`is_admin`, `is_owner`, `deleted`). Built per
 * request from the request's own client, so it asks the right workspace.
 */
export function slackStanding(client: WebClient): WorkspaceStanding {
  return {
    async standingOf(userId) {
      const user = await slackUser(client, userId);
      return {
        admin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
        deleted: Boolean(user.deleted),
        bot: isBotUser(user, userId),
      };
    },
  };
}

/** How long a Home refresh trusts what Slack said about a person's role. */
const STANDING_TTL_MS = 5 * 60_000;
/** People remembered at most (per process); the oldest is forgotten first. */
const STANDING_MAX = 10_000;

/**
 * Slack's half of the coordinator rule, remembered for a few minutes per person. For Home refreshes
 * only: a change refreshes both people's dashboards, and asking `users.info` each time would double the
 * Slack calls of every change (users.info is Tier 4). The cost is that a new or former admin's Home shows
 * or drops the program section up to five minutes late; every action a coordinator takes (the overview,
 * its buttons, pairing two other people) still asks Slack afresh.
 */
export function rememberedStandings(options: { ttlMs?: number; max?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? STANDING_TTL_MS;
  const max = options.max ?? STANDING_MAX;
  const now = options.now ?? Date.now;
  const seen = new Map<string, { standing: Standing; at: number }>();
  return {
    of(teamId: string, client: WebClient): WorkspaceStanding {
      const slack = slackStanding(client);
      return {
        async standingOf(userId) {
          const key = `${teamId}:${userId}`;
          const known = seen.get(key);
          if (known && now() - known.at < ttlMs) return known.standing;
          const standing = await slack.standingOf(userId);
          seen.delete(key);
          seen.set(key, { standing, at: now() });
          if (seen.size > max) seen.delete(seen.keys().next().value as string);
          return standing;
        },
      };
    },
  };
}

export type RememberedStandings = ReturnType<typeof rememberedStandings>;
