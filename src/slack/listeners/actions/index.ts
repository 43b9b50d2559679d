import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { PairModal, ReminderActions } from '../../ids';
import { pairMenteeSelected } from './pair-mentee-selected';
import { reminderSettingsOpen } from './reminder-settings-open';
import { reminderSkip } from './reminder-skip';
import { reminderSnooze } from './reminder-snooze';

export function registerActions(app: App, deps: AppDeps): void {
  app.action(PairModal.actions.mentee, pairMenteeSelected(deps));
  app.action(ReminderActions.snooze, reminderSnooze(deps));
  app.action(ReminderActions.skip, reminderSkip(deps));
  app.action(ReminderActions.openSettings, reminderSettingsOpen(deps));
}
