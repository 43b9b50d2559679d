import { goalListMessage } from '../../blocks/goal-list';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';

/**
 * `/mentorship goals`, anywhere: the goals of each of the person's pairs, only to them. The list is
 * sent through response_url rather than in the ack so its buttons can later replace it in place.
 */
export const goals: SubcommandHandler = async (args, deps, { log, actor }) => {
  const found = await requirePairs(args, deps);
  if (!found) return;
  const overview = await deps.services.goals.overviewFor(actor);
  await args.respond({ response_type: 'ephemeral', ...goalListMessage(overview) });
  log.info({ pairs: overview.length }, 'goal list shown');
};
