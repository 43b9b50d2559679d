import { statusMessage } from '../../blocks/status';
import type { SubcommandHandler } from './types';

/**
 * `/mentorship status`: the Home dashboard as a private reply. Acked first, then answered through
 * response_url, so a slow database never costs the 3-second deadline. Someone in no pair gets the
 * explanation of how to start one, with the button that does.
 */
export const status: SubcommandHandler = async ({ ack }, deps, { actor, log, reply }) => {
  await ack();
  const snapshot = await deps.services.home.snapshot(actor.teamId, actor.userId);
  await reply(statusMessage(snapshot));
  log.info({ pairs: snapshot.pairs.length }, 'status shown');
};
