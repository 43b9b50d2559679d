import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { PairModal, ReminderSettingsModal } from '../../ids';
import { pairSubmit } from './pair-submit';
import { reminderSettingsSubmit } from './reminder-settings-submit';

export function registerViews(app: App, deps: AppDeps): void {
  app.view(PairModal.callbackId, pairSubmit(deps));
  app.view(ReminderSettingsModal.callbackId, reminderSettingsSubmit(deps));
}
