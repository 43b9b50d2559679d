import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction, type Press } from '../../adapters/action';
import type { AppDeps } from '../../context';
import { doneMessage } from '../../blocks/help';
import { expectationsMessage } from '../../blocks/expectations';
import { parseConfirmValue } from '../../inputs/expectations-form';
import { mention } from '../../blocks/text';

/** The message the button was in, redrawn as the expectations now stand (its buttons follow the pair's state). */
async function redrawn(press: Press, deps: AppDeps) {
  const claim = parseConfirmValue(press.value);
  if (!claim || !press.messageTs || press.ephemeral) return null;
  const screen = await deps.services.expectations.screen(press.actor, claim.pairId);
  const heading = screen.canChange ? "*Your mentorship's expectations, as they stand now.*" : '*This mentorship has ended.* Its expectations, as they stood:';
  return {
    kind: 'replace' as const,
    message: expectationsMessage(screen.expectations, { userId: press.actor.userId, zone: screen.zone }, heading, screen.canChange),
  };
}

/**
 * "Confirm" (value = `<pair id>:<version>`): the other person agrees to the version they were shown;
 * the one who proposed it is told. A press on a version amended since, already agreed, or on an ended
 * pair changes nothing and redraws the message as things stand.
 */
export const expectationsConfirm = onAction({
  name: 'expectations_confirm',
  parse: ({ value }) => parseConfirmValue(value),
  malformed: NOT_IN_PAIR,
  run: ({ pairId, version }, { actor }, deps) => deps.services.expectations.confirm(actor, pairId, version),
  refused: (_error, press, deps) => redrawn(press, deps),
  reply: async ({ proposedBy }, press, deps) => [
    { kind: 'private', message: doneMessage(`Confirmed: you and ${mention(proposedBy)} both agree on your expectations. They have been told.`) },
    ...[await redrawn(press, deps)].filter((reply) => reply !== null),
  ],
});
