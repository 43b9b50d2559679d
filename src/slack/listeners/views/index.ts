import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { AgendaModal, GoalChangesModal, GoalModal, GoalProgressModal, GoalReflectionModal, NotesModal, PairModal, ReminderSettingsModal, RescheduleModal, RuleModal, SwotModal } from '../../ids';
import { goalChangesSubmit } from './goal-changes-submit';
import { goalProgressSubmit } from './goal-progress-submit';
import { goalReflectionSubmit } from './goal-reflection-submit';
import { goalSubmit } from './goal-submit';
import { agendaSubmit } from './agenda-submit';
import { meetingRescheduleSubmit } from './meeting-reschedule-submit';
import { meetingRuleSubmit } from './meeting-rule-submit';
import { notesSubmit } from './notes-submit';
import { pairSubmit } from './pair-submit';
import { reminderSettingsSubmit } from './reminder-settings-submit';
import { swotSubmit } from './swot-submit';

export function registerViews(app: App, deps: AppDeps): void {
  app.view(PairModal.callbackId, pairSubmit(deps));
  app.view(GoalModal.callbackId, goalSubmit(deps));
  app.view(GoalChangesModal.callbackId, goalChangesSubmit(deps));
  app.view(GoalProgressModal.callbackId, goalProgressSubmit(deps));
  app.view(GoalReflectionModal.callbackId, goalReflectionSubmit(deps));
  app.view(SwotModal.callbackId, swotSubmit(deps));
  app.view(RescheduleModal.callbackId, meetingRescheduleSubmit(deps));
  app.view(RuleModal.callbackId, meetingRuleSubmit(deps));
  app.view(AgendaModal.callbackId, agendaSubmit(deps));
  app.view(NotesModal.callbackId, notesSubmit(deps));
  app.view(ReminderSettingsModal.callbackId, reminderSettingsSubmit(deps));
}
