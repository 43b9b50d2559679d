import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { GoalChangesModal, GoalModal, GoalProgressModal, GoalReflectionModal, PairModal, SwotModal } from '../../ids';
import { goalChangesSubmit } from './goal-changes-submit';
import { goalProgressSubmit } from './goal-progress-submit';
import { goalReflectionSubmit } from './goal-reflection-submit';
import { goalSubmit } from './goal-submit';
import { pairSubmit } from './pair-submit';
import { swotSubmit } from './swot-submit';

export function registerViews(app: App, deps: AppDeps): void {
  app.view(PairModal.callbackId, pairSubmit(deps));
  app.view(GoalModal.callbackId, goalSubmit(deps));
  app.view(GoalChangesModal.callbackId, goalChangesSubmit(deps));
  app.view(GoalProgressModal.callbackId, goalProgressSubmit(deps));
  app.view(GoalReflectionModal.callbackId, goalReflectionSubmit(deps));
  app.view(SwotModal.callbackId, swotSubmit(deps));
}
