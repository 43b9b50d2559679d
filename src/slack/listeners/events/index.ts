import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { appHomeOpened } from './app-home-opened';
import { directMessage } from './direct-message';

export function registerEvents(app: App, deps: AppDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('message', directMessage(deps));
}
