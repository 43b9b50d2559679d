import { DomainError } from '../../../errors';
import { onSubmit } from '../../adapters/view';
import { PairModal } from '../../ids';
import { PAIR_FIELD_BLOCKS, parsePairForm } from '../../inputs/pair-form';
import { lookUpPair } from '../../pair-setup';

/**
 * Validates and creates the pair; every problem goes back to its field and the modal stays open. The
 * welcomes and the goals-channel introduction leave through the outbox with the pair.
 */
export const pairSubmit = onSubmit({
  name: 'pair_submit',
  field: PairModal.blocks.mentee,
  fields: PAIR_FIELD_BLOCKS,
  parse: ({ values }) => parsePairForm(values),
  run: async (form, { actor, client }, deps) => {
    // One cheap read first: a doomed submission costs neither Slack look-ups nor a transaction.
    const taken = await deps.services.pairs.alreadyPaired(actor.teamId, form.mentorId, form.menteeId);
    if (taken) throw new DomainError('pair_exists', taken, 'mentee');
    const people = await lookUpPair(client, form, actor.log);
    return deps.services.pairs.setUp(actor, form, people);
  },
});
