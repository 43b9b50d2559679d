import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { otherMember } from '../../../domain/pairs/membership';
import { isDomainError } from '../../../errors';
import { meetingMovedMessage } from '../../blocks/meeting-changes';
import { meetingMovedView } from '../../blocks/meeting-modals';
import { type AppDeps, requestLog } from '../../context';
import { RescheduleModal } from '../../ids';
import { fieldErrorsToBlocks, meetingIdOf, parseRescheduleForm, RESCHEDULE_FIELD_BLOCKS } from '../../inputs/meeting-forms';
import { dmAll, teamOf } from '../actions/meeting-replies';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Moves the meeting (read in the pair's zone); the modal shows the outcome and the other person is told. */
export function meetingRescheduleSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const form = parseRescheduleForm(view.state.values);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const teamId = teamOf(body);
    let result;
    try {
      result = await deps.services.meetings.reschedule(teamId, meetingIdOf(view.private_metadata) ?? '', body.user.id, form.value);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [RescheduleModal.blocks.date]: error.message } });
    }
    if (!result.ok) return ack({ response_action: 'errors', errors: fieldErrorsToBlocks(result.errors, RESCHEDULE_FIELD_BLOCKS) });
    const { meeting, pair, people, previousAt } = result;
    const other = otherMember(pair, body.user.id);
    await ack({ response_action: 'update', view: meetingMovedView(other, meeting, people.zones[body.user.id] ?? 'UTC') });
    log.info({ meetingId: meeting.id }, 'meeting rescheduled');
    const message = meetingMovedMessage({ actorId: body.user.id, previousAt, meeting, viewerZone: people.zones[other] ?? 'UTC' });
    await dmAll(client, deps, teamId, [{ userId: other, message }], log);
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
