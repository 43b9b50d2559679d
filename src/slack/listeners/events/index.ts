import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { appHomeOpened } from './app-home-opened';
import { userChange } from './user-change';

export function registerEvents(app: App, deps: AppDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('user_change', userChange(deps));
}
