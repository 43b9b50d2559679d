import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { JournalField } from '../../../domain/journal/journal-rules';
import { journalListMessage } from '../../blocks/journal-blocks';
import { type AppDeps, requestLog } from '../../context';
import { JournalModal } from '../../ids';
import { JOURNAL_FIELD_BLOCKS, readJournalForm } from '../../inputs/journal-form';
import { originChannel } from '../../inputs/origin';
import { pairFieldBlock, submissionRefusal, tellPrivately } from '../../interaction-replies';
import { knownPerson } from '../../known-person';
import { submittedPairId } from '../../pair-resolver';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Saves the private entry, then shows the author (and only the author) their recent entries. */
export function journalSubmit(deps: AppDeps) {
  return async ({ ack, body, view, client, context }: Args): Promise<void> => {
    const log = requestLog(context, deps.logger);
    const teamId = body.team?.id ?? view.team_id;
    const userId = body.user.id;
    const firstBlock = JournalModal.write.blocks.wentWell;
    const form = readJournalForm(view.state.values);
    if (!form) return ack({ response_action: 'errors', errors: { [firstBlock]: 'Keep each answer under 2000 characters.' } });
    const pairId = submittedPairId(view);
    const pairBlock = pairFieldBlock(view, firstBlock);
    // A pair that is not theirs is refused before anything is stored, the person included.
    const refused = await deps.services.journal.checkPair(teamId, userId, pairId).then(
      () => null,
      (error: unknown) => submissionRefusal(error, pairBlock, log),
    );
    if (refused) return ack(refused);
    // Normally stored when the modal opened; the entry must point at its author.
    const person = await knownPerson(client, deps, teamId, userId).catch((error: unknown) => submissionRefusal(error, firstBlock, log));
    if ('response_action' in person) return ack(person);
    const result = await deps.services.journal
      .write({ teamId, authorId: userId, pairId, ...form })
      .catch((error: unknown) => submissionRefusal(error, pairBlock, log));
    if ('response_action' in result) return ack(result);
    if (!result.ok) {
      const errors = Object.entries(result.errors).map(([field, message]) => [JOURNAL_FIELD_BLOCKS[field as JournalField], message]);
      return ack({ response_action: 'errors', errors: Object.fromEntries(errors) });
    }
    await ack();

    log.info({ entryId: result.entry.id }, 'journal entry saved');
    const entries = await deps.services.journal.recent(teamId, userId);
    const listed = { saved: true, pairId: result.entry.pair_id ?? undefined };
    await tellPrivately(client, deps, { teamId, userId, channelId: originChannel(view.private_metadata), log }, journalListMessage(entries, person.timeZone, listed));
    await deps.home.refresh(teamId, [userId]);
  };
}
