import type { App } from '@slack/bolt';
import type { AppDeps } from '../../context';
import { HomeActions, PairModal } from '../../ids';
import { homeStartPair } from './home-start-pair';
import { pairMenteeSelected } from './pair-mentee-selected';

export function registerActions(app: App, deps: AppDeps): void {
  app.action(PairModal.actions.mentee, pairMenteeSelected(deps));
  app.action(HomeActions.startPair, homeStartPair(deps));
}
