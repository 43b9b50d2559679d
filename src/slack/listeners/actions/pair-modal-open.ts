import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { INVITATION_GONE } from '../../../domain/pairs/transition';
import { onAction } from '../../adapters/action';
import { changeModal, declineModal, endModal, pauseModal } from '../../blocks/pair-life-modals';
import { modalSource, sourceMetadata } from '../../inputs/origin';
import { lifeReply } from '../../pair-life-replies';

/**
 * The buttons that open a lifecycle modal (value = pair id): decline, pause, end, change. Each asks
 * first whether the pair is still in a state where the action means something; if not, the surface
 * it was pressed on is redrawn and no modal opens.
 */
export const pairDeclineOpen = onAction({
  name: 'pair_decline_open',
  parse: ({ value }) => parseUuid(value),
  malformed: INVITATION_GONE,
  run: (pairId, { actor }, deps) => deps.services.lifecycle.preview(actor, pairId, 'decline'),
  reply: (outcome, press, deps) =>
    outcome.changed
      ? { kind: 'open', view: declineModal(outcome.pair.id, outcome.pair.created_by, sourceMetadata(modalSource(press))) }
      : lifeReply(outcome, press, deps),
});

export const pairPauseOpen = onAction({
  name: 'pair_pause_open',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.lifecycle.preview(actor, pairId, 'pause'),
  reply: (outcome, press, deps) =>
    outcome.changed ? { kind: 'open', view: pauseModal(outcome.pair, outcome.otherId, sourceMetadata(modalSource(press))) } : lifeReply(outcome, press, deps),
});

export const pairEndOpen = onAction({
  name: 'pair_end_open',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.lifecycle.preview(actor, pairId, 'end'),
  reply: (outcome, press, deps) =>
    outcome.changed
      ? { kind: 'open', view: endModal(outcome.pair.id, outcome.otherId, sourceMetadata(modalSource(press)), outcome.pair.coordinator_id !== null) }
      : lifeReply(outcome, press, deps),
});

export const pairChangeOpen = onAction({
  name: 'pair_change_open',
  parse: ({ value }) => parseUuid(value),
  malformed: NOT_IN_PAIR,
  run: (pairId, { actor }, deps) => deps.services.lifecycle.preview(actor, pairId, 'change'),
  reply: (outcome, press, deps) =>
    outcome.changed ? { kind: 'open', view: changeModal(outcome.pair, sourceMetadata(modalSource(press))) } : lifeReply(outcome, press, deps),
});
