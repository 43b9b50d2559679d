import { DomainError } from '../../../errors';
import { onSubmit } from '../../adapters/view';
import { PairModal } from '../../ids';
import { PAIR_FIELD_BLOCKS, parsePairForm } from '../../inputs/pair-form';
import { isCoordinator, lookUpPair } from '../../pair-setup';

/**
 * Validates and creates the pair; every problem goes back to its field and the modal stays open. A
 * pair one of its two people set up is invited (the invitation DM leaves through the outbox with it);
 * a coordinator's starts at once, with the welcomes and the goals-channel introduction.
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
    const coordinator = await isCoordinator(client, deps, actor, form);
    const people = await lookUpPair(client, form, actor.log);
    return deps.services.pairs.setUp(actor, form, people, { coordinator });
  },
});
