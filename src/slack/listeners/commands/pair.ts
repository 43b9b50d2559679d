import { defaultFirstDate, pairModal } from '../../blocks/pair-modal';
import { lookupUser } from '../../directory';
import type { SubcommandHandler } from './types';

/** Opens the pair set-up modal, with the invoker as mentor and their time zone as the default. */
export const pair: SubcommandHandler = async ({ ack, command, client }, deps, { log }) => {
  await ack();
  const known = await deps.services.people.find(command.team_id, command.user_id);
  const timeZone = known?.time_zone ?? (await lookupUser(client, command.user_id).catch(() => null))?.timeZone ?? 'UTC';
  const firstDate = defaultFirstDate(deps.clock(), timeZone);
  await client.views.open({ trigger_id: command.trigger_id, view: pairModal({ mentorId: command.user_id, timeZone, firstDate }) });
  log.info({ subcommand: 'pair' }, 'pair modal opened');
};
