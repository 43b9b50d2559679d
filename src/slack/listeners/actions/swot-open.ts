import type { SwotScreen } from '../../../domain/goals/swot.service';
import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { swotModal, swotReadOnlyModal } from '../../blocks/swot-modal';

const swotView = (screen: SwotScreen) => (screen.canEdit ? swotModal(screen.pairId, screen.swot) : swotReadOnlyModal(screen));

/** The SWOT (value = pair id): the mentee's form, or the mentor's read-only view. */
const swotAction = (name: string, kind: 'open' | 'push') =>
  onAction({
    name,
    parse: ({ value }) => parseUuid(value),
    malformed: NOT_IN_PAIR,
    run: (pairId, { actor }, deps) => deps.services.swot.forMember(actor, pairId),
    reply: (screen) => ({ kind, view: swotView(screen) }),
  });

/** From the goal list: a modal of its own. */
export const swotOpen = swotAction('swot_open', 'open');
/** From inside the goal modal: pushed on top, so the goal form below stays as typed. */
export const swotPush = swotAction('swot_push', 'push');
