import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { PairModal } from '../../ids';
import { pairMenteeSelected } from './pair-mentee-selected';

export function registerActions(app: App, deps: AppDeps): void {
  app.action(PairModal.actions.mentee, pairMenteeSelected(deps));
}
