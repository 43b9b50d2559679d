import type { App } from '@slack/bolt';
import type { AppDeps } from '../context';
import { withLeanClient } from '../lean-web-client';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { createListenerRouter } from './router';
import { registerViews } from './views';

export function registerListeners(app: App, deps: AppDeps): void {
  registerCommands(app, deps);
  // Actions and views go through one Bolt listener each (see router.ts).
  const router = createListenerRouter(app, withLeanClient);
  registerViews(router, deps);
  registerActions(router, deps);
  registerEvents(app, deps);
}
