import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { defaultFirstDate, pairModal } from '../../blocks/pair-modal';
import { type AppDeps, requestLog } from '../../context';
import { lookupUser } from '../../directory';
import { PairModal } from '../../ids';
import { readDate, readUser } from '../../inputs/view-state';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * Picking the mentee re-renders the modal with the mentee's Slack time zone as the default.
 * Block and action ids stay the same, so Slack keeps everything already typed or picked.
 */
export function pairMenteeSelected(deps: AppDeps) {
  return async ({ ack, body, client, context }: Args): Promise<void> => {
    await ack();
    const view = body.view;
    if (!view) return;
    const { blocks: b, actions: a } = PairModal;
    const menteeId = readUser(view.state.values, b.mentee, a.mentee);
    if (!menteeId) return;
    const mentee = await lookupUser(client, menteeId).catch(() => null);
    if (!mentee) return;
    const firstDate = readDate(view.state.values, b.firstDate, a.firstDate) ?? defaultFirstDate(deps.clock(), mentee.timeZone);
    const mentorId = readUser(view.state.values, b.mentor, a.mentor) ?? undefined;
    await client.views
      .update({ view_id: view.id, hash: view.hash, view: pairModal({ mentorId, menteeId, timeZone: mentee.timeZone, firstDate }) })
      // hash_conflict: the person changed something meanwhile; their newer view wins.
      .catch((error: unknown) => requestLog(context, deps.logger).info({ err: error }, 'pair modal refresh skipped'));
  };
}
