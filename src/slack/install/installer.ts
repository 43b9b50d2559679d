import type { ServerResponse } from 'node:http';
import { InstallProvider, type InstallationStore, type StateStore } from '@slack/oauth';
import type { OAuthCredentials } from '../../config';
import type { WorkspacesService } from '../../domain/workspaces/workspaces.service';
import { boltLogger, type Logger } from '../../logger';
import { INTERACTIVE_CLIENT_OPTIONS } from '../client-options';
import { databaseInstallationStore } from './installation-store';
import { installPage, sendFailurePage, sendSuccessPage } from './pages';
import { BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH } from './scopes';
import { singleUseStateStore, STATE_TTL_SECONDS } from './state-store';

/** What multi-workspace mode needs: the app's credentials, the database and where the Web API is. */
export interface OAuthSetup extends OAuthCredentials {
  workspaces: WorkspacesService;
  apiUrl: string;
  logger: Logger;
}

interface Stores {
  installationStore: InstallationStore;
  stateStore: StateStore;
}

const stores = (setup: OAuthSetup): Stores => ({
  installationStore: databaseInstallationStore(setup.workspaces),
  stateStore: singleUseStateStore(setup.workspaces, setup.stateSecret),
});

/**
 * The OAuth options of Bolt's HTTPReceiver: GET /slack/install and GET /slack/oauth_redirect, the
 * installations in the database, the state signed and single-use. The installer makes its own
 * WebClient, so it is pointed at SLACK_API_URL here too (oauth.v2.access, auth.test, the refresh).
 */
export function receiverOAuthOptions(setup: OAuthSetup) {
  const { installationStore, stateStore } = stores(setup);
  const log = setup.logger.child({ scope: 'install' });
  return {
    clientId: setup.clientId,
    clientSecret: setup.clientSecret,
    stateSecret: setup.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore,
    installerOptions: {
      stateStore,
      stateVerification: true,
      stateCookieExpirationSeconds: STATE_TTL_SECONDS,
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      renderHtmlForInstallPath: installPage,
      clientOptions: { slackApiUrl: setup.apiUrl, ...INTERACTIVE_CLIENT_OPTIONS, logger: boltLogger(setup.logger, 'oauth-client') },
      callbackOptions: {
        success: (installation: { team?: { id?: string } }, _options: unknown, _req: unknown, res: ServerResponse) => {
          log.info({ teamId: installation.team?.id }, 'workspace installed');
          sendSuccessPage(res, installation.team?.id ?? '');
        },
        failure: (error: { code?: string; message?: string; data?: { error?: unknown } }, _options: unknown, _req: unknown, res: ServerResponse) => {
          log.warn({ code: error.code, slackError: error.data?.error }, 'installation refused');
          sendFailurePage(res, error);
        },
      },
    },
  };
}

/**
 * An installer outside Bolt's receiver, for the senders (scheduler passes, `npm run tick`, the notice
 * sender): its `authorize` reads a workspace's installation and refreshes a token that expires within
 * two hours, storing the new pair, exactly as Bolt does for requests.
 */
export function createInstaller(setup: OAuthSetup): InstallProvider {
  const { installationStore, stateStore } = stores(setup);
  return new InstallProvider({
    clientId: setup.clientId,
    clientSecret: setup.clientSecret,
    installationStore,
    stateStore,
    logger: boltLogger(setup.logger, 'oauth'),
    clientOptions: { slackApiUrl: setup.apiUrl, ...INTERACTIVE_CLIENT_OPTIONS },
  });
}
