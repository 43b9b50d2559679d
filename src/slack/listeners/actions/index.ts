import type { App, BlockAction } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { AgendaModal, MeetingActions, NotesModal, OpenActions, PairModal, PairPicker } from '../../ids';
import { actionItemTick } from './action-item-tick';
import { agendaOpen } from './agenda-open';
import { agendaPairPicked } from './agenda-pair-picked';
import { meetingRescheduleOpen } from './meeting-reschedule-open';
import { meetingRuleOpen } from './meeting-rule-open';
import { meetingSkip } from './meeting-skip';
import { notesOpen } from './notes-open';
import { notesPairPicked } from './notes-pair-picked';
import { pairMenteeSelected } from './pair-mentee-selected';

export function registerActions(app: App, deps: AppDeps): void {
  app.action(PairModal.actions.mentee, pairMenteeSelected(deps));
  app.action(OpenActions.prepareAgenda, agendaOpen(deps));
  app.action(OpenActions.recordNotes, notesOpen(deps));
  app.action(OpenActions.tickActionItem, actionItemTick(deps));
  app.action(MeetingActions.reschedule, meetingRescheduleOpen(deps));
  app.action(MeetingActions.skip, meetingSkip(deps));
  app.action(MeetingActions.changeRule, meetingRuleOpen(deps));
  app.action<BlockAction>({ type: 'block_actions', action_id: PairPicker.actionId, callback_id: AgendaModal.callbackId }, agendaPairPicked(deps));
  app.action<BlockAction>({ type: 'block_actions', action_id: PairPicker.actionId, callback_id: NotesModal.callbackId }, notesPairPicked(deps));
}
