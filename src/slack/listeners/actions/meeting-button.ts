import type { ModalView } from '@slack/types';
import { parseUuid } from '../../../domain/ids';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { type ActionSpec, onAction, type Press } from '../../adapters/action';
import type { AppDeps } from '../../context';

/**
 * A button whose value names a meeting (or, for the rhythm, a pair) and that opens a modal about it,
 * from any surface. The value is a claim: the service refuses anyone outside the pair, and a value
 * that is not even an id gets the same answer.
 */
export function meetingModalAction(
  name: string,
  modalFor: (id: string, press: Press, deps: AppDeps) => Promise<ModalView>,
  refused?: ActionSpec<string, ModalView>['refused'],
) {
  return onAction({
    name,
    parse: ({ value }) => parseUuid(value),
    malformed: NOT_IN_PAIR,
    run: modalFor,
    refused,
    reply: (view) => ({ kind: 'open', view }),
  });
}
