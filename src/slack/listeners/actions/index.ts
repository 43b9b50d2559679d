import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { FeedbackActions, JournalActions, OpenActions, PairModal, ResourceActions } from '../../ids';
import { feedbackAnswerOpen } from './feedback-answer-open';
import { feedbackApplyOpen } from './feedback-apply-open';
import { feedbackOpen } from './feedback-open';
import { journalEntryOpen } from './journal-entry-open';
import { journalOpen } from './journal-open';
import { pairMenteeSelected } from './pair-mentee-selected';
import { resourceExploredOpen } from './resource-explored-open';
import { resourceOpen } from './resource-open';
import { thanksOpen } from './thanks-open';

export function registerActions(app: App, deps: AppDeps): void {
  app.action(PairModal.actions.mentee, pairMenteeSelected(deps));
  app.action(OpenActions.askFeedback, feedbackOpen(deps));
  app.action(FeedbackActions.answer, feedbackAnswerOpen(deps));
  app.action(FeedbackActions.apply, feedbackApplyOpen(deps));
  app.action(OpenActions.addResource, resourceOpen(deps));
  app.action(ResourceActions.markExplored, resourceExploredOpen(deps));
  app.action(OpenActions.writeJournal, journalOpen(deps));
  app.action(JournalActions.openEntry, journalEntryOpen(deps));
  app.action(OpenActions.sayThanks, thanksOpen(deps));
}
