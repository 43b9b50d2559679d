import type { AppDeps } from '../../context';
import type { ListenerRouter } from '../router';
import {
  AgendaModal,
  FeedbackModal,
  GoalChangesModal,
  GoalModal,
  GoalProgressModal,
  GoalReflectionModal,
  ActionItemModal,
  JournalModal,
  MyDataDeleteModal,
  NotesModal,
  PairModal,
  ProposeTimeModal,
  ReminderSettingsModal,
  RescheduleModal,
  ResourceModal,
  RuleModal,
  SwotModal,
  ThanksModal,
  UpdateModal,
} from '../../ids';
import { goalChangesSubmit } from './goal-changes-submit';
import { goalProgressSubmit } from './goal-progress-submit';
import { goalReflectionSubmit } from './goal-reflection-submit';
import { goalSubmit } from './goal-submit';
import { agendaSubmit } from './agenda-submit';
import { meetingProposeSubmit } from './meeting-propose-submit';
import { meetingRescheduleSubmit } from './meeting-reschedule-submit';
import { meetingRuleSubmit } from './meeting-rule-submit';
import { notesSubmit } from './notes-submit';
import { notesAmendSubmit } from './notes-amend-submit';
import { pairSubmit } from './pair-submit';
import { reminderSettingsSubmit } from './reminder-settings-submit';
import { swotSubmit } from './swot-submit';
import { feedbackAnswerSubmit } from './feedback-answer-submit';
import { feedbackApplySubmit } from './feedback-apply-submit';
import { feedbackExampleSubmit } from './feedback-example-submit';
import { feedbackRequestSubmit } from './feedback-request-submit';
import { journalSubmit } from './journal-submit';
import { journalEditSubmit } from './journal-edit-submit';
import { actionItemEditSubmit } from './action-item-edit-submit';
import { resourceAddSubmit } from './resource-add-submit';
import { resourceExploredSubmit } from './resource-explored-submit';
import { thanksSubmit } from './thanks-submit';
import { updateSubmit } from './update-submit';
import { pairChangeSubmit, pairDeclineSubmit, pairEndSubmit, pairPauseSubmit } from './pair-life-submit';
import { checkInNoteSubmit, pairReflectionSubmit } from './closing-submit';
import { progressCheckInSubmit } from './progress-check-in-submit';
import {
  CheckInNoteModal,
  ProgressCheckInModal,
  ExpectationsModal,
  PairChangeModal,
  PairDeclineModal,
  PairEndModal,
  PairPauseModal,
  PairReflectionModal,
  ProgramEnrolModal,
  ProgramEnrolPreview,
} from '../../ids';
import { mydataDeleteSubmit } from './mydata-delete-submit';
import { expectationsSubmit } from './expectations-submit';
import { programEnrolSubmit } from './program-enrol-submit';
import { programEnrolConfirm } from './program-enrol-confirm';

export function registerViews(router: ListenerRouter, deps: AppDeps): void {
  router.view(PairModal.callbackId, pairSubmit(deps));
  router.view(ExpectationsModal.callbackId, expectationsSubmit(deps));
  router.view(GoalModal.callbackId, goalSubmit(deps));
  router.view(GoalChangesModal.callbackId, goalChangesSubmit(deps));
  router.view(GoalProgressModal.callbackId, goalProgressSubmit(deps));
  router.view(GoalReflectionModal.callbackId, goalReflectionSubmit(deps));
  router.view(SwotModal.callbackId, swotSubmit(deps));
  router.view(RescheduleModal.callbackId, meetingRescheduleSubmit(deps));
  router.view(ProposeTimeModal.callbackId, meetingProposeSubmit(deps));
  router.view(RuleModal.callbackId, meetingRuleSubmit(deps));
  router.view(AgendaModal.callbackId, agendaSubmit(deps));
  router.view(NotesModal.callbackId, notesSubmit(deps));
  router.view(NotesModal.amendCallbackId, notesAmendSubmit(deps));
  router.view(FeedbackModal.request.callbackId, feedbackRequestSubmit(deps));
  router.view(FeedbackModal.answer.callbackId, feedbackAnswerSubmit(deps));
  router.view(FeedbackModal.apply.callbackId, feedbackApplySubmit(deps));
  router.view(FeedbackModal.example.callbackId, feedbackExampleSubmit(deps));
  router.view(ResourceModal.add.callbackId, resourceAddSubmit(deps));
  router.view(ResourceModal.explored.callbackId, resourceExploredSubmit(deps));
  router.view(JournalModal.write.callbackId, journalSubmit(deps));
  router.view(JournalModal.edit.callbackId, journalEditSubmit(deps));
  router.view(ActionItemModal.callbackId, actionItemEditSubmit(deps));
  router.view(ThanksModal.callbackId, thanksSubmit(deps));
  router.view(UpdateModal.callbackId, updateSubmit(deps));
  router.view(ReminderSettingsModal.callbackId, reminderSettingsSubmit(deps));
  router.view(PairDeclineModal.callbackId, pairDeclineSubmit(deps));
  router.view(PairPauseModal.callbackId, pairPauseSubmit(deps));
  router.view(PairEndModal.callbackId, pairEndSubmit(deps));
  router.view(PairChangeModal.callbackId, pairChangeSubmit(deps));
  router.view(PairReflectionModal.callbackId, pairReflectionSubmit(deps));
  router.view(CheckInNoteModal.callbackId, checkInNoteSubmit(deps));
  router.view(ProgressCheckInModal.callbackId, progressCheckInSubmit(deps));
  router.view(MyDataDeleteModal.callbackId, mydataDeleteSubmit(deps));
  router.view(ProgramEnrolModal.callbackId, programEnrolSubmit(deps));
  router.view(ProgramEnrolPreview.callbackId, programEnrolConfirm(deps));
}
