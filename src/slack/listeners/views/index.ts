import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { PairModal } from '../../ids';
import { pairSubmit } from './pair-submit';

export function registerViews(app: App, deps: AppDeps): void {
  app.view(PairModal.callbackId, pairSubmit(deps));
}
