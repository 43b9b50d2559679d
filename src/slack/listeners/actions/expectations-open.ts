import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { expectationsModal } from '../../blocks/expectations';

/**
 * "Expectations" / "Amend" (value = pair id), from the welcome DM, the first prep nudge, Home, status
 * or the notice asking to confirm: the form, prefilled; read-only once the pair has ended. Pressed
 * inside a modal (the first meeting's agenda) it is pushed on top, so what was typed below stays.
 */
export const expectationsOpen = onAction({
  name: 'expectations_open',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.expectations.screen(actor, pairId),
  reply: (screen, press) => ({
    kind: press.view?.type === 'modal' ? 'push' : 'open',
    view: expectationsModal(screen.expectations, { userId: press.actor.userId, zone: screen.zone }, screen.canChange),
  }),
});
