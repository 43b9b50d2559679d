import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { withLeanClient } from '../../lean-web-client';
import { appHomeOpened } from './app-home-opened';
import { userChange } from './user-change';
import { workspaceUninstalled } from './app-uninstalled';
import { directMessage } from './direct-message';

export function registerEvents(app: App, deps: AppDeps): void {
  app.event('app_home_opened', withLeanClient(appHomeOpened(deps)));
  app.event('message', withLeanClient(directMessage(deps)));
  app.event('app_uninstalled', withLeanClient(workspaceUninstalled(deps)));
  app.event('tokens_revoked', withLeanClient(workspaceUninstalled(deps)));
  app.event('user_change', withLeanClient(userChange(deps)));
}
