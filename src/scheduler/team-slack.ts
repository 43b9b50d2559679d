import type { Logger } from '../logger';
import type { TeamTokens } from '../slack/install/team-tokens';
import { createReminderClient, type ReminderSlack, webClientReminderSlack } from './slack-gateway';

/**
 * The senders' Slack, per workspace: a pass serves the workspaces it holds a working token for, each
 * with its own token, and sets one aside when Slack refuses its token.
 */
export interface TeamSlack {
  /** The workspaces whose rows may be claimed now; 'any' only where one fake Slack stands for all (tests, benches). */
  teams(): Promise<readonly string[] | 'any'>;
  /** The workspace's Slack, or null when it has no working token (its rows stay as they are). */
  forTeam(teamId: string): Promise<ReminderSlack | null>;
  setAside(teamId: string, code: string): Promise<void>;
}

/**
 * Each workspace's sends through a client of its own token, built with the reminder client's settings
 * (no SDK retries, a timeout). A rotated token gets a new client; the old one is dropped.
 */
export function tokenTeamSlack(tokens: TeamTokens, options: { apiUrl: string; timeoutMs: number; logger?: Logger }): TeamSlack {
  const clients = new Map<string, { token: string; slack: ReminderSlack }>();
  return {
    teams: () => tokens.teams(),
    async forTeam(teamId) {
      const token = await tokens.tokenFor(teamId);
      if (!token) return null;
      const known = clients.get(teamId);
      if (known?.token === token) return known.slack;
      const slack = webClientReminderSlack(createReminderClient({ token, apiUrl: options.apiUrl, timeoutMs: options.timeoutMs, logger: options.logger }));
      clients.set(teamId, { token, slack });
      return slack;
    },
    setAside: (teamId, code) => tokens.setAside(teamId, code),
  };
}

/** One Slack for every workspace: a fake in unit tests and benches, or a dry run that sends nothing. */
export function anyTeamSlack(slack: ReminderSlack): TeamSlack {
  return { teams: async () => 'any', forTeam: async () => slack, setAside: async () => undefined };
}
