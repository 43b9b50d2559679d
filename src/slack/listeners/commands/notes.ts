import { errorMessage } from '../../blocks/help';
import { notesModal } from '../../blocks/notes-modal';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/** `/mentorship notes`: the notes modal for the meeting that started last (and has no notes yet). */
export const notes: SubcommandHandler = async (args, deps, { rest, log, actor }) => {
  if (rest.trim() !== '') {
    await args.ack({ response_type: 'ephemeral', ...errorMessage('`/mentorship notes` takes nothing after it: it opens the notes of your last meeting.') });
    return;
  }
  const found = await requirePairs(args, deps);
  if (!found) return;
  // The pairs the check above read: the request reads them once.
  const draft = await deps.services.notes.draftForPair(
    actor,
    undefined,
    found.choices.map((choice) => choice.pair),
  );
  await args.client.views.open({ trigger_id: args.command.trigger_id, view: asJson(notesModal(draft, found)) });
  log.info({ meetingId: draft.meeting.id }, 'notes modal opened');
};
