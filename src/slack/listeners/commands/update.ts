import { updateModal } from '../../blocks/update-blocks';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/** `/mentorship update`: opens the update modal (with a pair picker for someone in several pairs). */
export const update: SubcommandHandler = async (args, deps, { log }) => {
  const found = await requirePairs(args, deps);
  if (!found) return;
  const { command, client } = args;
  const only = found.choices.length === 1 ? found.choices[0]?.pair.id : undefined;
  await client.views.open({ trigger_id: command.trigger_id, view: asJson(updateModal({ ...found, pairId: only, channelId: command.channel_id })) });
  log.info('update modal opened');
};
