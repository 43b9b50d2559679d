import type { CheckInAnswer } from '../../../db/schema';
import { NOT_IN_PAIR } from '../../../domain/pairs/access';
import { onAction } from '../../adapters/action';
import { progressCheckInModal } from '../../blocks/progress-check-in';
import { parseCheckInButton } from '../../inputs/progress-check-in-form';

/** Great / Okay / Not working in a check-in DM (value = `<pair id>:<checkpoint>`): the form, that answer picked, the note and choice kept from an earlier answer. */
const progressCheckInOpen = (answer: CheckInAnswer) =>
  onAction({
    name: 'progress_check_in_open',
    parse: ({ value }) => parseCheckInButton(value),
    malformed: NOT_IN_PAIR,
    run: ({ pairId, checkpoint }, { actor }, deps) => deps.services.checkIns.draft(actor, pairId, checkpoint),
    reply: ({ membership, earlier }, { value }) => {
      const { checkpoint } = parseCheckInButton(value)!;
      return {
        kind: 'open',
        view: progressCheckInModal({ pairId: membership.pair.id, checkpoint, answer, note: earlier?.note ?? null, shared: earlier?.shared ?? false }),
      };
    },
  });

export const progressCheckInGreat = progressCheckInOpen('great');
export const progressCheckInOkay = progressCheckInOpen('okay');
export const progressCheckInNotWorking = progressCheckInOpen('not_working');
