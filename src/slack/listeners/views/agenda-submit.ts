import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { otherMember } from '../../../domain/pairs/membership';
import { isDomainError } from '../../../errors';
import { agendaMessage } from '../../blocks/agenda-message';
import { agendaSharedView } from '../../blocks/meeting-modals';
import { type AppDeps, requestLog } from '../../context';
import { AgendaModal } from '../../ids';
import { parseAgendaForm } from '../../inputs/agenda-form';
import { MeetingMetadata, stalePairPicker } from '../../inputs/meeting-forms';
import { decodeMetadata } from '../../inputs/metadata';
import { submittedPairId } from '../../pair-resolver';
import { dmAll, teamOf } from '../actions/meeting-replies';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Saves the agenda and sends it to the other person as a readable message before the meeting: the
 * whole agenda the first time, then what was added on top of it. A meeting that has started is refused.
 */
export function agendaSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const metadata = decodeMetadata(MeetingMetadata, view.private_metadata);
    const meetingId = metadata?.meetingId ?? '';
    const stale = stalePairPicker(metadata, submittedPairId(view));
    if (stale) return ack({ response_action: 'errors', errors: stale });
    const form = parseAgendaForm(view.state.values, meetingId);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const teamId = teamOf(body);
    let result;
    try {
      result = await deps.services.agendas.save(teamId, meetingId, body.user.id, form.value);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [AgendaModal.blocks.topics]: error.message } });
    }
    if (!result.ok) return ack({ response_action: 'errors', errors: { [AgendaModal.blocks.topics]: result.errors.topics ?? 'Please check the agenda.' } });
    const { pair, people, meeting } = result;
    const other = otherMember(pair, body.user.id);
    await ack({ response_action: 'update', view: agendaSharedView(other, meeting, people.zones[body.user.id] ?? 'UTC') });
    log.info({ meetingId: meeting.id, added: result.added.length, firstShare: result.firstShare }, 'agenda saved');
    const update = result.firstShare ? undefined : { authorId: body.user.id, added: result.added };
    const message = agendaMessage(result, { userId: other, timeZone: people.zones[other] ?? 'UTC' }, update);
    await dmAll(client, deps, teamId, [{ userId: other, message }], log);
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
