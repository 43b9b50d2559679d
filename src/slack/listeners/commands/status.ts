import { statusMessage } from '../../blocks/status';
import type { SubcommandHandler } from './types';

/**
 * `/mentorship status`: the Home dashboard as an ephemeral reply. Acked first, then answered through
 * response_url, so a slow database never costs the 3-second deadline. Someone in no pair gets the
 * explanation of how to start one, with the button that does.
 */
export const status: SubcommandHandler = async ({ ack, command, respond }, deps, { log }) => {
  await ack();
  const snapshot = await deps.services.home.snapshot(command.team_id, command.user_id);
  await respond({ response_type: 'ephemeral', ...statusMessage(snapshot) });
  log.info({ pairs: snapshot.pairs.length }, 'status shown');
};
