import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { otherMember } from '../../../domain/pairs/membership';
import type { ResourceField } from '../../../domain/resources/resource-rules';
import { resourceAddedDm, resourceAddedMessage } from '../../blocks/resource-blocks';
import { type AppDeps, requestLog } from '../../context';
import { ResourceModal } from '../../ids';
import { originChannel } from '../../inputs/origin';
import { RESOURCE_FIELD_BLOCKS, readResourceAddForm } from '../../inputs/resource-form';
import { pairFieldBlock, submissionRefusal, tellPrivately, tryDm } from '../../interaction-replies';
import { submittedPairId } from '../../pair-resolver';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Adds a resource to the pair's list and lets the other person know, with a button to mark it explored. */
export function resourceAddSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const pairBlock = pairFieldBlock(view, ResourceModal.add.blocks.title);
    const pairId = submittedPairId(view);
    if (!pairId) return ack({ response_action: 'errors', errors: { [pairBlock]: 'Pick the mentorship this resource is for.' } });
    const form = readResourceAddForm(view.state.values) ?? { title: null, url: null, kind: null, recommendedBy: 'me' as const };
    const result = await deps.services.resources
      .add({ teamId, pairId, userId, ...form })
      .catch((error: unknown) => submissionRefusal(error, pairBlock, log));
    if ('response_action' in result) return ack(result);
    if (!result.ok) {
      const errors = Object.entries(result.errors).map(([field, message]) => [RESOURCE_FIELD_BLOCKS[field as ResourceField], message]);
      return ack({ response_action: 'errors', errors: Object.fromEntries(errors) });
    }
    await ack();

    const { resource, pair } = result;
    log.info({ pairId, resourceId: resource.id }, 'resource added');
    const otherId = otherMember(pair, userId);
    await tryDm(client, deps, { teamId, userId: otherId }, resourceAddedDm(resource, userId), log);
    const origin = { teamId, userId, channelId: originChannel(view.private_metadata), log };
    await tellPrivately(client, deps, origin, resourceAddedMessage(resource, otherId));
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
