import type { ExpectationsAgreed, ExpectationsEvent, ExpectationsProposed } from '../../domain/expectations/events';
import type { Message } from '../blocks/help';
import { expectationsAgreedMessage, expectationsProposedMessage } from '../blocks/expectations';
import { dmTo, type EffectPlan } from './plan';

/** One DM to the event's reader, after their quiet hours; both people's Home tabs show the change. */
const toReader = (event: ExpectationsEvent, topic: string, message: Message): EffectPlan => ({
  pairId: event.pairId,
  notices: [{ topic, target: dmTo(event.readerId), message, timing: { zone: event.readerZone, isActor: false } }],
  home: [event.actorId, event.readerId],
});

/** The other person gets the proposal (or amendment) with Confirm and Amend. */
export const expectationsProposed = (event: ExpectationsProposed): EffectPlan =>
  toReader(event, event.amended ? 'expectations_amended' : 'expectations_proposed', expectationsProposedMessage(event));

/** The one who proposed them hears that both agree now. */
export const expectationsAgreed = (event: ExpectationsAgreed): EffectPlan => toReader(event, 'expectations_agreed', expectationsAgreedMessage(event));
