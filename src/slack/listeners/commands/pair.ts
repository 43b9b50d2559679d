import { pairSetUpModal } from '../../pair-setup';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/** Opens the pair set-up modal, with the invoker as mentor and their time zone as the default. */
export const pair: SubcommandHandler = async ({ ack, command, client }, deps, { actor, log }) => {
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: asJson(await pairSetUpModal(client, deps, actor)) });
  log.info('pair modal opened');
};
