import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { otherMember } from '../../../domain/pairs/membership';
import { isDomainError } from '../../../errors';
import { ruleChangedMessage } from '../../blocks/meeting-changes';
import { ruleChangedView } from '../../blocks/meeting-modals';
import { type AppDeps, requestLog } from '../../context';
import { RuleModal } from '../../ids';
import { fieldErrorsToBlocks, parseRuleForm, RULE_FIELD_BLOCKS, rulePairIdOf } from '../../inputs/meeting-forms';
import { dmAll, teamOf } from '../actions/meeting-replies';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Saves a new rhythm; the modal shows the next meeting under it and the other person is told. */
export function meetingRuleSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parseRuleForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const teamId = teamOf(body);
    let result;
    try {
      result = await deps.services.meetings.changeRule(teamId, rulePairIdOf(view.private_metadata) ?? '', body.user.id, form.value);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [RuleModal.blocks.fromDate]: error.message } });
    }
    if (!result.ok) return ack({ response_action: 'errors', errors: fieldErrorsToBlocks(result.errors, RULE_FIELD_BLOCKS) });
    const { pair, people, next } = result;
    const other = otherMember(pair, body.user.id);
    await ack({ response_action: 'update', view: ruleChangedView(pair, next, other, people.zones[body.user.id] ?? 'UTC') });
    log.info({ pairId: pair.id }, 'meeting rhythm changed');
    const message = ruleChangedMessage({ actorId: body.user.id, pair, next, viewerZone: people.zones[other] ?? 'UTC' });
    await dmAll(client, deps, teamId, [{ userId: other, message }], log);
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
