import { errorMessage } from '../../blocks/help';
import { RESOURCE_LIST_LIMIT, resourceAddModal, resourcesMessage } from '../../blocks/resource-blocks';
import { parseResourcesWords } from '../../inputs/resource-form';
import { zoneOf } from '../../known-person';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/**
 * `/mentorship resources` lists each pair's resources and progress privately; `… add` opens the modal.
 * The list is posted through response_url after the ack, so its reads (one set per pair) never hold up
 * Slack's 3-second answer.
 */
export const resources: SubcommandHandler = async (args, deps, { rest, log, actor, reply }) => {
  const words = parseResourcesWords(rest);
  if (!words.ok) return args.ack({ response_type: 'ephemeral', ...errorMessage(words.message) });
  const found = await requirePairs(args, deps);
  if (!found) return;
  const { command, client } = args;
  if (words.action === 'add') {
    const only = found.choices.length === 1 ? found.choices[0]?.pair.id : undefined;
    await client.views.open({ trigger_id: command.trigger_id, view: asJson(resourceAddModal({ ...found, pairId: only, channelId: actor.channelId })) });
    log.info('resource modal opened');
    return;
  }
  const overviews = await Promise.all(
    found.choices.map(async (choice) => ({
      overview: await deps.services.resources.overview(actor, choice.pair.id, RESOURCE_LIST_LIMIT),
      otherId: choice.otherId,
    })),
  );
  await reply(resourcesMessage(overviews, await zoneOf(deps, actor.teamId, actor.userId)));
};
