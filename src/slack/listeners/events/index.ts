import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { appHomeOpened } from './app-home-opened';
import { userChange } from './user-change';
import { workspaceUninstalled } from './app-uninstalled';
import { directMessage } from './direct-message';

export function registerEvents(app: App, deps: AppDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('message', directMessage(deps));
  app.event('app_uninstalled', workspaceUninstalled(deps));
  app.event('tokens_revoked', workspaceUninstalled(deps));
  app.event('user_change', userChange(deps));
}
