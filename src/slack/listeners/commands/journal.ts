import { errorMessage } from '../../blocks/help';
import { journalListMessage, journalModal } from '../../blocks/journal-blocks';
import { parseJournalWords } from '../../inputs/journal-form';
import { knownPerson } from '../../known-person';
import { pairChoicesFor } from '../../pair-resolver';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/**
 * `/mentorship journal`: opens the private entry modal and lists the author's recent entries.
 * Anyone may keep a journal, in a pair or not; every read is the author's own.
 */
export const journal: SubcommandHandler = async (args, deps, { rest, log, actor, reply }) => {
  const words = parseJournalWords(rest);
  if (!words.ok) return args.ack({ response_type: 'ephemeral', ...errorMessage(words.message) });
  await args.ack();
  const { command, client } = args;
  if (words.action === 'write') {
    const { choices, names } = await pairChoicesFor(deps, actor.teamId, actor.userId);
    const only = choices.length === 1 ? choices[0]?.pair.id : undefined;
    await client.views.open({
      trigger_id: command.trigger_id,
      view: asJson(journalModal({ choices, names, pairId: only, channelId: actor.channelId, encrypted: deps.services.journal.encrypted })),
    });
    log.info('journal modal opened');
  }
  // Stored now (the list is in their zone, and the entry saved from the modal points at its author).
  const person = await knownPerson(client, deps, actor.teamId, actor.userId);
  await reply(journalListMessage(await deps.services.journal.recent(actor), person.timeZone, { encrypted: deps.services.journal.encrypted }));
};
