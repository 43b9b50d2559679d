import type { BlockAction } from '@slack/bolt';
import type { AppDeps } from '../../context';
import type { ListenerRouter } from '../router';
import {
  AgendaModal,
  ExpectationsActions,
  FeedbackActions,
  GoalActions,
  GoalModal,
  HomeActions,
  JournalActions,
  MeetingActions,
  MyDataActions,
  NotesModal,
  OpenActions,
  PairLifeActions,
  ProgressCheckInActions,
  PairModal,
  PairPicker,
  ProgramActions,
  ReminderActions,
  ResourceActions,
} from '../../ids';
import { homeStartPair } from './home-start-pair';
import { goalAchieve } from './goal-achieve';
import { goalAdd } from './goal-add';
import { goalApprove } from './goal-approve';
import { goalDrop } from './goal-drop';
import { goalEdit } from './goal-edit';
import { goalProgressOpen } from './goal-progress-open';
import { goalReflectOpen } from './goal-reflect-open';
import { goalRequestChanges } from './goal-request-changes';
import { goalShare } from './goal-share';
import { actionItemDelete } from './action-item-delete';
import { actionItemEdit } from './action-item-edit';
import { actionItemReopen } from './action-item-reopen';
import { actionItemTick } from './action-item-tick';
import { agendaOpen } from './agenda-open';
import { agendaPairPicked, notesPairPicked } from './meeting-pair-picked';
import { meetingNotSuitable } from './meeting-not-suitable';
import { meetingRescheduleOpen } from './meeting-reschedule-open';
import { meetingRuleOpen } from './meeting-rule-open';
import { meetingSkip } from './meeting-skip';
import { notesOpen } from './notes-open';
import { notesAmendOpen } from './notes-amend-open';
import { pairMenteeSelected } from './pair-mentee-selected';
import { reminderSettingsOpen } from './reminder-settings-open';
import { reminderSkip } from './reminder-skip';
import { reminderSnooze } from './reminder-snooze';
import { swotOpen, swotPush } from './swot-open';
import { feedbackAnswerOpen } from './feedback-answer-open';
import { feedbackApplyOpen } from './feedback-apply-open';
import { feedbackExampleAsk } from './feedback-example-ask';
import { feedbackExampleOpen } from './feedback-example-open';
import { feedbackOpen } from './feedback-open';
import { journalEntryOpen } from './journal-entry-open';
import { journalOpen } from './journal-open';
import { journalBrowse } from './journal-browse';
import { journalEntryEdit } from './journal-entry-edit';
import { journalEntryDelete } from './journal-entry-delete';
import { resourceExploredOpen } from './resource-explored-open';
import { resourceOpen } from './resource-open';
import { thanksOpen } from './thanks-open';
import { updateOpen } from './update-open';
import { pairAccept } from './pair-accept';
import { pairWithdraw } from './pair-withdraw';
import { pairResume } from './pair-resume';
import { pairChangeOpen, pairDeclineOpen, pairEndOpen, pairPauseOpen } from './pair-modal-open';
import { checkInNoteOpen, checkInsStop, pairReflectOpen } from './closing-open';
import { progressCheckInGreat, progressCheckInNotWorking, progressCheckInOkay } from './progress-check-in-open';
import { mydataDeleteOpen } from './mydata-delete-open';
import { mydataExport } from './mydata-export';
import { programDigestOpen, programOpen } from './program-open';
import { programEnrolOpen } from './program-enrol-open';
import { programFilterHealth, programFilterState, programPage } from './program-browse';
import { programCoordinatorAdd, programCoordinatorRemove } from './program-coordinators';
import { programExportCsv } from './program-export-csv';
import { programHabitChart } from './program-habit-chart';
import { expectationsOpen } from './expectations-open';
import { expectationsConfirm } from './expectations-confirm';

export function registerActions(router: ListenerRouter, deps: AppDeps): void {
  router.action(PairModal.actions.mentee, pairMenteeSelected(deps));
  router.action(HomeActions.startPair, homeStartPair(deps));
  router.action(OpenActions.addGoal, goalAdd(deps));
  router.action(GoalActions.edit, goalEdit(deps));
  router.action(GoalActions.share, goalShare(deps));
  router.action(GoalActions.approve, goalApprove(deps));
  router.action(GoalActions.requestChanges, goalRequestChanges(deps));
  router.action(GoalActions.progress, goalProgressOpen(deps));
  router.action(GoalActions.achieve, goalAchieve(deps));
  router.action(GoalActions.drop, goalDrop(deps));
  router.action(GoalActions.reflect, goalReflectOpen(deps));
  router.action(GoalActions.swot, swotOpen(deps));
  router.action(GoalModal.actions.openSwot, swotPush(deps));
  router.action(OpenActions.prepareAgenda, agendaOpen(deps));
  router.action(OpenActions.recordNotes, notesOpen(deps));
  router.action(OpenActions.amendNotes, notesAmendOpen(deps));
  router.action(OpenActions.tickActionItem, actionItemTick(deps));
  router.action(OpenActions.reopenActionItem, actionItemReopen(deps));
  router.action(OpenActions.deleteActionItem, actionItemDelete(deps));
  router.action(OpenActions.editActionItem, actionItemEdit(deps));
  router.action(MeetingActions.reschedule, meetingRescheduleOpen(deps));
  router.action(MeetingActions.notSuitable, meetingNotSuitable(deps));
  router.action(MeetingActions.skip, meetingSkip(deps));
  router.action(MeetingActions.changeRule, meetingRuleOpen(deps));
  router.action<BlockAction>({ type: 'block_actions', action_id: PairPicker.actionId, callback_id: AgendaModal.callbackId }, agendaPairPicked(deps));
  router.action<BlockAction>({ type: 'block_actions', action_id: PairPicker.actionId, callback_id: NotesModal.callbackId }, notesPairPicked(deps));
  router.action(OpenActions.askFeedback, feedbackOpen(deps));
  router.action(FeedbackActions.answer, feedbackAnswerOpen(deps));
  router.action(FeedbackActions.apply, feedbackApplyOpen(deps));
  router.action(FeedbackActions.askExample, feedbackExampleAsk(deps));
  router.action(FeedbackActions.giveExample, feedbackExampleOpen(deps));
  router.action(OpenActions.addResource, resourceOpen(deps));
  router.action(ResourceActions.markExplored, resourceExploredOpen(deps));
  router.action(OpenActions.writeJournal, journalOpen(deps));
  router.action(JournalActions.openEntry, journalEntryOpen(deps));
  router.action(JournalActions.browse, journalBrowse(deps));
  router.action(JournalActions.newerPage, journalBrowse(deps));
  router.action(JournalActions.olderPage, journalBrowse(deps));
  router.action(JournalActions.editEntry, journalEntryEdit(deps));
  router.action(JournalActions.deleteEntry, journalEntryDelete(deps));
  router.action(OpenActions.sayThanks, thanksOpen(deps));
  router.action(OpenActions.sendUpdate, updateOpen(deps));
  router.action(ReminderActions.snooze, reminderSnooze(deps));
  router.action(ReminderActions.skip, reminderSkip(deps));
  router.action(ReminderActions.openSettings, reminderSettingsOpen(deps));
  router.action(PairLifeActions.accept, pairAccept(deps));
  router.action(PairLifeActions.decline, pairDeclineOpen(deps));
  router.action(PairLifeActions.withdraw, pairWithdraw(deps));
  router.action(PairLifeActions.pause, pairPauseOpen(deps));
  router.action(PairLifeActions.resume, pairResume(deps));
  router.action(PairLifeActions.end, pairEndOpen(deps));
  router.action(PairLifeActions.change, pairChangeOpen(deps));
  router.action(PairLifeActions.reflect, pairReflectOpen(deps));
  router.action(PairLifeActions.checkInNote, checkInNoteOpen(deps));
  router.action(PairLifeActions.stopCheckIns, checkInsStop(deps));
  router.action(ProgressCheckInActions.great, progressCheckInGreat(deps));
  router.action(ProgressCheckInActions.okay, progressCheckInOkay(deps));
  router.action(ProgressCheckInActions.notWorking, progressCheckInNotWorking(deps));
  router.action(ExpectationsActions.open, expectationsOpen(deps));
  router.action(ExpectationsActions.confirm, expectationsConfirm(deps));
  router.action(MyDataActions.export, mydataExport(deps));
  router.action(MyDataActions.openDelete, mydataDeleteOpen(deps));
  router.action(ProgramActions.openOverview, programOpen(deps));
  router.action(ProgramActions.filterState, programFilterState(deps));
  router.action(ProgramActions.filterHealth, programFilterHealth(deps));
  router.action(ProgramActions.previousPage, programPage(deps));
  router.action(ProgramActions.nextPage, programPage(deps));
  router.action(ProgramActions.addCoordinator, programCoordinatorAdd(deps));
  router.action(ProgramActions.removeCoordinator, programCoordinatorRemove(deps));
  router.action(ProgramActions.exportCsv, programExportCsv(deps));
  router.action(ProgramActions.habitChart, programHabitChart(deps));
  router.action(ProgramActions.digestOpen, programDigestOpen(deps));
  router.action(ProgramActions.enrol, programEnrolOpen(deps));
}
