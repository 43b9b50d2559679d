import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { COMMAND } from '../../ids';
import { mentorshipCommand } from './mentorship';

export function registerCommands(app: App, deps: AppDeps): void {
  app.command(COMMAND, mentorshipCommand(deps));
}
