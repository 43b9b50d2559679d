import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { GoalActions, GoalModal, HomeActions, OpenActions, PairModal } from '../../ids';
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
import { pairMenteeSelected } from './pair-mentee-selected';
import { swotOpen } from './swot-open';

export function registerActions(app: App, deps: AppDeps): void {
  app.action(PairModal.actions.mentee, pairMenteeSelected(deps));
  app.action(HomeActions.startPair, homeStartPair(deps));
  app.action(OpenActions.addGoal, goalAdd(deps));
  app.action(GoalActions.edit, goalEdit(deps));
  app.action(GoalActions.share, goalShare(deps));
  app.action(GoalActions.approve, goalApprove(deps));
  app.action(GoalActions.requestChanges, goalRequestChanges(deps));
  app.action(GoalActions.progress, goalProgressOpen(deps));
  app.action(GoalActions.achieve, goalAchieve(deps));
  app.action(GoalActions.drop, goalDrop(deps));
  app.action(GoalActions.reflect, goalReflectOpen(deps));
  app.action(GoalActions.swot, swotOpen(deps, 'open'));
  app.action(GoalModal.actions.openSwot, swotOpen(deps, 'push'));
}
