import { FIRST_PAGE } from '../../inputs/program-form';
import { overviewModal } from '../../program-overview';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/**
 * `/mentorship program`: the program overview, for coordinators. Acked first; anyone else gets the
 * service's refusal as an ephemeral (mentorship.ts turns the DomainError into one) and no modal.
 */
export const program: SubcommandHandler = async ({ ack, command, client }, deps, { actor, log }) => {
  await ack();
  const view = await overviewModal(client, deps, actor, FIRST_PAGE);
  await client.views.open({ trigger_id: command.trigger_id, view: asJson(view) });
  log.info('program overview opened');
};
