import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { AgendaModal, NotesModal, PairModal, RescheduleModal, RuleModal } from '../../ids';
import { agendaSubmit } from './agenda-submit';
import { meetingRescheduleSubmit } from './meeting-reschedule-submit';
import { meetingRuleSubmit } from './meeting-rule-submit';
import { notesSubmit } from './notes-submit';
import { pairSubmit } from './pair-submit';

export function registerViews(app: App, deps: AppDeps): void {
  app.view(PairModal.callbackId, pairSubmit(deps));
  app.view(RescheduleModal.callbackId, meetingRescheduleSubmit(deps));
  app.view(RuleModal.callbackId, meetingRuleSubmit(deps));
  app.view(AgendaModal.callbackId, agendaSubmit(deps));
  app.view(NotesModal.callbackId, notesSubmit(deps));
}
