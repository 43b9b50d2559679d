import { WebClient } from '@slack/web-api';
import type { InstallProvider } from '@slack/oauth';
import type { WorkspacesService } from '../../domain/workspaces/workspaces.service';
import type { InstallMode } from '../../config';
import { boltLogger, type Logger } from '../../logger';
import { INTERACTIVE_CLIENT_OPTIONS } from '../client-options';
import { LeanWebClient } from '../lean-web-client';
import { createInstaller } from './installer';

/**
 * Which workspaces this process can send for, and with which token. Every send (scheduler passes,
 * the notice sender, Home refreshes) asks here for its own workspace's token: a row is never sent with
 * another workspace's token, and a workspace without a working one is not served at all.
 */
export interface TeamTokens {
  /** Workspaces with a token that works as far as we know; a pass claims rows of these only. */
  teams(): Promise<readonly string[]>;
  /** The workspace's bot token (refreshed first when it is about to expire); null when it has none that works. */
  tokenFor(teamId: string): Promise<string | null>;
  /** Slack refused the token (invalid_auth, account_inactive, token_revoked): no send for it until it is installed again. */
  setAside(teamId: string, code: string): Promise<void>;
}

/**
 * SLACK_BOT_TOKEN mode: one token, one workspace, the one auth.test names (asked once, at start). A
 * token Slack refuses later is set aside in this process until it restarts with a working one (the
 * operator's fix: a new token in the environment).
 */
export function singleTokenTeams(options: { token: string; apiUrl: string; logger: Logger }): TeamTokens & { start(): Promise<string | null> } {
  const log = options.logger.child({ scope: 'tokens' });
  let team: Promise<string | null> | undefined;
  let setAside: string | null = null;
  const start = () =>
    (team ??= new WebClient(options.token, { slackApiUrl: options.apiUrl, ...INTERACTIVE_CLIENT_OPTIONS, logger: boltLogger(options.logger, 'auth-test') }).auth
      .test()
      .then((result) => result.team_id ?? null)
      .catch((error: unknown) => {
        log.error({ code: (error as { data?: { error?: string } }).data?.error ?? 'unreachable' }, 'auth.test failed: no workspace is served');
        team = undefined;
        return null;
      }));
  return {
    start,
    async teams() {
      const own = await start();
      return own && !setAside ? [own] : [];
    },
    async tokenFor(teamId) {
      return !setAside && (await start()) === teamId ? options.token : null;
    },
    async setAside(teamId, code) {
      if (setAside) return;
      setAside = code;
      log.error({ teamId, code }, 'Slack refused SLACK_BOT_TOKEN: nothing more is sent until the bot restarts with a working token');
    },
  };
}

/**
 * Multi-workspace mode: the installations in the database. The installer's `authorize` refreshes a
 * token within two hours of its expiry and stores the new pair (as Bolt does for requests); the set
 * aside mark lives on the installation, so every replica sees it, and a new install clears it.
 */
export function installedTeams(options: { installer: Pick<InstallProvider, 'authorize'>; workspaces: WorkspacesService; logger: Logger }): TeamTokens {
  const log = options.logger.child({ scope: 'tokens' });
  return {
    teams: () => options.workspaces.sendableTeams(),
    async tokenFor(teamId) {
      if ((await options.workspaces.sendableTeams(teamId)).length === 0) return null;
      try {
        const authorized = await options.installer.authorize({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        return authorized.botToken ?? null;
      } catch (error) {
        log.warn({ teamId, err: { message: (error as Error).message } }, 'no usable installation for the workspace');
        return null;
      }
    },
    async setAside(teamId, code) {
      await options.workspaces.tokenRejected(teamId, code);
      log.error({ teamId, code }, 'Slack refused the workspace token: nothing more is sent to it until it installs the app again');
    },
  };
}

/** The token source of the configured install mode, for every sender of this process. */
export function teamTokensFor(install: InstallMode, options: { workspaces: WorkspacesService; apiUrl: string; logger: Logger }): TeamTokens {
  if (install.kind === 'single') return singleTokenTeams({ token: install.botToken, apiUrl: options.apiUrl, logger: options.logger });
  const installer = createInstaller({ ...install, ...options });
  return installedTeams({ installer, workspaces: options.workspaces, logger: options.logger });
}

/**
 * App-initiated calls that are not sends (Home publishes): a WebClient of the workspace's own token,
 * one per token, failing fast like the clients of requests.
 */
export function interactiveClients(tokens: TeamTokens, apiUrl: string): (teamId: string) => Promise<WebClient> {
  const clients = new Map<string, { token: string; client: WebClient }>();
  return async (teamId) => {
    const token = await tokens.tokenFor(teamId);
    if (!token) throw new Error('no working token for this workspace');
    const known = clients.get(teamId);
    if (known?.token === token) return known.client;
    // A rotated token replaces the workspace's client.
    const client = new LeanWebClient(token, { slackApiUrl: apiUrl });
    clients.set(teamId, { token, client });
    return client;
  };
}
