import { agendaModal } from '../../blocks/agenda-modal';
import { errorMessage } from '../../blocks/help';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/**
 * `/mentorship agenda` (in a DM with the bot or anywhere: the modal is private) opens the agenda of the
 * next meeting; someone in several pairs starts with the pair that meets soonest and can switch.
 */
export const agenda: SubcommandHandler = async (args, deps, { rest, log, actor }) => {
  if (rest.trim() !== '') {
    await args.ack({ response_type: 'ephemeral', ...errorMessage('`/mentorship agenda` takes nothing after it: it opens the agenda of your next meeting.') });
    return;
  }
  const found = await requirePairs(args, deps);
  if (!found) return;
  // The pairs the check above read: the request reads them once.
  const draft = await deps.services.agendas.draftForPair(
    actor,
    undefined,
    found.choices.map((choice) => choice.pair),
  );
  await args.client.views.open({ trigger_id: args.command.trigger_id, view: asJson(agendaModal(draft, found)) });
  log.info({ meetingId: draft.meeting.id }, 'agenda modal opened');
};
