import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isDomainError } from '../../../errors';
import { type AppDeps, requestLog } from '../../context';
import { SwotModal } from '../../ids';
import { SwotMetadata } from '../../inputs/goal-values';
import { decodeMetadata } from '../../inputs/metadata';
import { parseSwotForm } from '../../inputs/swot-form';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Saves the mentee's SWOT. Closing only this view matters when it was pushed over the goal modal:
 * the goal form below comes back exactly as it was typed.
 */
export function swotSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parseSwotForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const meta = decodeMetadata(SwotMetadata, view.private_metadata);
    const field = SwotModal.blocks.strengths;
    if (!meta) return ack({ response_action: 'errors', errors: { [field]: 'This form is out of date; close it and open the SWOT again.' } });
    const teamId = body.team?.id ?? view.team_id;
    let saved;
    try {
      saved = await deps.services.swot.save(teamId, meta.pairId, body.user.id, form.fields);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [field]: error.message } });
    }
    await ack();
    log.info({ pairId: saved.pair.id }, 'SWOT saved');
    await deps.home.refresh(teamId, [saved.pair.mentor_id, saved.pair.mentee_id]);
  };
}
