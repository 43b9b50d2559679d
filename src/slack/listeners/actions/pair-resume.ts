import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { lifeReply } from '../../pair-life-replies';

/** "Resume" (value = pair id): the pair runs again from the next slot after now; the other person is told. */
export const pairResume = onAction({
  name: 'pair_resume',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.lifecycle.resume(actor, pairId),
  reply: (outcome, press, deps) => lifeReply(outcome, press, deps),
});
