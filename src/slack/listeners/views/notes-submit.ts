import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isDomainError } from '../../../errors';
import { meetingChangedView } from '../../blocks/meeting-modals';
import { notesSummaryMessage } from '../../blocks/notes-summary';
import { type AppDeps, requestLog } from '../../context';
import { NotesModal } from '../../ids';
import { MeetingMetadata, fieldErrorsToBlocks, stalePairPicker } from '../../inputs/meeting-forms';
import { decodeMetadata } from '../../inputs/metadata';
import { NOTES_FIELD_BLOCKS, parseNotesForm } from '../../inputs/notes-form';
import { submittedPairId } from '../../pair-resolver';
import { dmAll, teamOf } from '../actions/meeting-replies';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Records the notes, marks the meeting held and DMs both people the same summary. */
export function notesSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const metadata = decodeMetadata(MeetingMetadata, view.private_metadata);
    const meetingId = metadata?.meetingId ?? '';
    const stale = stalePairPicker(metadata, submittedPairId(view));
    if (stale) return ack({ response_action: 'errors', errors: stale });
    const form = parseNotesForm(view.state.values, meetingId);
    if (!form.ok) return ack({ response_action: 'errors', errors: form.errors });
    const teamId = teamOf(body);
    let result;
    try {
      result = await deps.services.notes.record(teamId, meetingId, body.user.id, form.value);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return ack({ response_action: 'errors', errors: { [NotesModal.blocks.takeaways]: error.message } });
    }
    if (!result.ok) return ack({ response_action: 'errors', errors: fieldErrorsToBlocks(result.errors, NOTES_FIELD_BLOCKS) });
    await ack({ response_action: 'update', view: meetingChangedView('Notes saved', ':white_check_mark: Saved. You both have the summary in your DMs, with a Done button on each action item.') });
    const { pair, people } = result;
    log.info({ meetingId: result.meeting.id, actionItems: result.actionItems.length }, 'notes recorded');
    const messages = [pair.mentee_id, pair.mentor_id].map((userId) => ({ userId, message: notesSummaryMessage(result, { userId, timeZone: people.zones[userId] ?? 'UTC' }) }));
    await dmAll(client, deps, teamId, messages, log);
    await deps.home.refresh(teamId, [pair.mentor_id, pair.mentee_id]);
  };
}
