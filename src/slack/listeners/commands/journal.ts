import { errorMessage } from '../../blocks/help';
import { journalListMessage, journalModal } from '../../blocks/journal-blocks';
import { parseJournalWords } from '../../inputs/journal-form';
import { knownPerson } from '../../known-person';
import { pairChoicesFor } from '../../pair-resolver';
import type { SubcommandHandler } from './types';

/**
 * `/mentorship journal`: opens the private entry modal and lists the author's recent entries.
 * Anyone may keep a journal, in a pair or not; every read is the author's own.
 */
export const journal: SubcommandHandler = async (args, deps, { rest, log }) => {
  const words = parseJournalWords(rest);
  if (!words.ok) return args.ack({ response_type: 'ephemeral', ...errorMessage(words.message) });
  await args.ack();
  const { command, client } = args;
  const { team_id: teamId, user_id: userId } = command;
  if (words.action === 'write') {
    const { choices, names } = await pairChoicesFor(deps, teamId, userId);
    const only = choices.length === 1 ? choices[0]?.pair.id : undefined;
    await client.views.open({ trigger_id: command.trigger_id, view: journalModal({ choices, names, pairId: only, channelId: command.channel_id }) });
    log.info('journal modal opened');
  }
  // Stored now, so the entry saved from the modal has its author; also gives their time zone.
  const person = await knownPerson(client, deps, teamId, userId);
  const entries = await deps.services.journal.recent(teamId, userId);
  await args.respond({ response_type: 'ephemeral', ...journalListMessage(entries, person.timeZone) });
};
