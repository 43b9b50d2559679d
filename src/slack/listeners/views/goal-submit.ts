import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { GoalField } from '../../../domain/goals/goal-rules';
import { isDomainError } from '../../../errors';
import type { WebClient } from '@slack/web-api';
import type { SaveGoalResult } from '../../../domain/goals/goals.service';
import type { Logger } from '../../../logger';
import { savedNotice } from '../../blocks/goal-messages';
import { escapeText } from '../../blocks/text';
import { type AppDeps, requestLog } from '../../context';
import { GoalModal } from '../../ids';
import { GOAL_FIELD_BLOCKS, parseGoalForm } from '../../inputs/goal-form';
import { GoalModalMetadata } from '../../inputs/goal-values';
import { decodeMetadata } from '../../inputs/metadata';
import { postForApproval, refreshApprovalMessage, refreshHomes, shareGoal, showGoalList } from '../actions/goal-effects';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Saves a new or edited goal. Problems go back under their fields and the modal stays open with
 * everything typed; after the ack, the approval message follows the goal and the list is shown.
 */
export function goalSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parseGoalForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const meta = decodeMetadata(GoalModalMetadata, view.private_metadata);
    const who = { teamId: body.team?.id ?? view.team_id, userId: body.user.id };
    if (!meta) return ack({ response_action: 'errors', errors: { [GoalModal.blocks.title]: 'This form is out of date. Copy what you wrote, close it and start again.' } });
    let result;
    try {
      result = meta.goalId
        ? await deps.services.goals.update(who.teamId, meta.goalId, who.userId, form.draft)
        : await deps.services.goals.create(who.teamId, meta.pairId, who.userId, form.draft);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [GoalModal.blocks.title]: error.message } });
    }
    if (!result.ok) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [GOAL_FIELD_BLOCKS[field as GoalField], message]));
      return ack({ response_action: 'errors', errors });
    }
    await ack();
    log.info({ goalId: result.details.goal.id, created: !meta.goalId, channel: result.channel }, 'goal saved');
    await afterSave(client, deps, who, { ...result, shareNow: form.shareNow, origin: meta.origin }, log);
  };
}

async function afterSave(
  client: WebClient,
  deps: AppDeps,
  who: { teamId: string; userId: string },
  saved: Extract<SaveGoalResult, { ok: true }> & { shareNow: boolean; origin?: string },
  log: Logger,
): Promise<void> {
  let { details } = saved;
  let notice = savedNotice(details, saved.channel);
  if (saved.shareNow) {
    try {
      ({ details, notice } = await shareGoal(client, deps, who, details.goal.id, log));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      notice = `${notice}\n:warning: ${escapeText(error.message)}`;
    }
  } else if (saved.channel === 'repost') {
    await postForApproval(client, deps, { details, previousShare: saved.previousShare }, 'again', log);
  } else if (saved.channel === 'refresh') {
    await refreshApprovalMessage(client, details, log);
  }
  await showGoalList(client, deps, { ...who, channelId: saved.origin }, notice, log);
  await refreshHomes(client, deps, details);
}
