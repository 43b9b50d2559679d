import type { ModalView } from '@slack/types';
import type { Actor } from '../domain/actor';
import type { CoordinatorChange } from '../domain/program/program.service';
import type { WebClient } from '@slack/web-api';
import { programModal } from './blocks/program-overview';
import type { AppDeps } from './context';
import { slackStanding } from './coordinators';
import type { OverviewState } from './inputs/program-form';

/**
 * The overview modal as `state` (filters and page) asks, for a coordinator; anyone else gets the
 * service's refusal (a DomainError). `change` adds the line saying what a change to the list did.
 */
export async function overviewModal(client: WebClient, deps: AppDeps, actor: Actor, state: OverviewState, change?: CoordinatorChange): Promise<ModalView> {
  const overview = await deps.services.program.overview(actor, slackStanding(client), { status: state.status, health: state.health }, state.page);
  return programModal(overview, change);
}
