import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';

export function registerEvents(_app: App, _deps: AppDeps): void {
  // App Home (app_home_opened) is registered here by the home feature.
}
