import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { FeedbackModal, JournalModal, PairModal, ResourceModal, ThanksModal } from '../../ids';
import { feedbackAnswerSubmit } from './feedback-answer-submit';
import { feedbackApplySubmit } from './feedback-apply-submit';
import { feedbackRequestSubmit } from './feedback-request-submit';
import { journalSubmit } from './journal-submit';
import { pairSubmit } from './pair-submit';
import { resourceAddSubmit } from './resource-add-submit';
import { resourceExploredSubmit } from './resource-explored-submit';
import { thanksSubmit } from './thanks-submit';

export function registerViews(app: App, deps: AppDeps): void {
  app.view(PairModal.callbackId, pairSubmit(deps));
  app.view(FeedbackModal.request.callbackId, feedbackRequestSubmit(deps));
  app.view(FeedbackModal.answer.callbackId, feedbackAnswerSubmit(deps));
  app.view(FeedbackModal.apply.callbackId, feedbackApplySubmit(deps));
  app.view(ResourceModal.add.callbackId, resourceAddSubmit(deps));
  app.view(ResourceModal.explored.callbackId, resourceExploredSubmit(deps));
  app.view(JournalModal.write.callbackId, journalSubmit(deps));
  app.view(ThanksModal.callbackId, thanksSubmit(deps));
}
