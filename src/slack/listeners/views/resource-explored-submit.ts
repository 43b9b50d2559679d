import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { RESOURCE_LIST_LIMIT, resourceDoneDm, resourceExploredMessage } from '../../blocks/resource-blocks';
import { type AppDeps, requestLog } from '../../context';
import { ResourceModal } from '../../ids';
import { originChannel, sourceMessageOf } from '../../inputs/origin';
import { readTakeaway, resourceIdOf } from '../../inputs/resource-form';
import { submissionRefusal, tellPrivately, updateSource } from '../../interaction-replies';
import { zoneOf } from '../../known-person';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const BLOCK = ResourceModal.explored.blocks.takeaway;

/** Marks the resource explored with the takeaway, and shows the between-sessions progress. */
export function resourceExploredSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const resourceId = resourceIdOf(view.private_metadata);
    if (!resourceId) return ack({ response_action: 'errors', errors: { [BLOCK]: 'This form has expired; open the resource again.' } });
    const result = await deps.services.resources
      .markExplored({ teamId, resourceId, userId, takeaway: readTakeaway(view.state.values) })
      .catch((error: unknown) => submissionRefusal(error, BLOCK, log));
    if ('response_action' in result) return ack(result);
    if (!result.ok) return ack({ response_action: 'errors', errors: { [BLOCK]: result.errors.takeaway ?? '' } });
    await ack();

    const { resource, pair } = result;
    log.info({ resourceId }, 'resource explored');
    const overview = await deps.services.resources.overview(teamId, pair.id, userId, RESOURCE_LIST_LIMIT);
    const zone = await zoneOf(deps, teamId, userId);
    await tellPrivately(client, deps, { teamId, userId, channelId: originChannel(view.private_metadata), log }, resourceExploredMessage(resource, overview, zone));
    await updateSource(client, deps, { teamId, userId, log }, sourceMessageOf(view.private_metadata), resourceDoneDm(resource, zone));
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
