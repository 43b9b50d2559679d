import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { COMMAND } from '../../ids';
import { mentorshipCommand } from './mentorship';
import { withLeanClient } from '../../lean-web-client';

export function registerCommands(app: App, deps: AppDeps): void {
  app.command(COMMAND, withLeanClient(mentorshipCommand(deps)));
}
