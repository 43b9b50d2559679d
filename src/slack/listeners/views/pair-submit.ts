import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { PairField } from '../../../domain/pairs/pair-rules';
import { beforeAck } from '../../ack-budget';
import { type AppDeps, requestLog } from '../../context';
import { lookupUser } from '../../directory';
import { PairModal } from '../../ids';
import { PAIR_FIELD_BLOCKS, parsePairForm } from '../../inputs/pair-form';
import { announcePair } from './announce-pair';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Validates and creates the pair; every problem goes back to its field and the modal stays open. */
export function pairSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parsePairForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });

    const teamId = body.team?.id ?? view.team_id;
    const taken = await deps.services.pairs.alreadyPaired(teamId, form.draft.mentorId, form.draft.menteeId);
    if (taken) return ack({ response_action: 'errors', errors: { [PairModal.blocks.mentee]: taken } });
    const people = await beforeAck(Promise.all([lookupUser(client, form.draft.mentorId), lookupUser(client, form.draft.menteeId)])).catch(
      (error: unknown) => {
        log.warn({ err: error }, 'users.info failed during pair set-up');
        return null;
      },
    );
    if (!people) {
      return ack({ response_action: 'errors', errors: { [PairModal.blocks.mentee]: "I couldn't check these people with Slack just now. Please submit again." } });
    }
    const [mentor, mentee] = people;
    const result = await deps.services.pairs.create({ ...form.draft, teamId, createdBy: body.user.id }, { mentor, mentee });
    if (!result.ok) {
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([field, message]) => [PAIR_FIELD_BLOCKS[field as PairField], message]),
      );
      return ack({ response_action: 'errors', errors });
    }
    await ack();
    log.info({ pairId: result.pair.id }, 'pair created');
    await announcePair(client, deps, { ...result, createdBy: body.user.id, people: { mentor, mentee } });
  };
}
