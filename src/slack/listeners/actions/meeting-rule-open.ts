import { ruleModal } from '../../blocks/meeting-modals';
import { meetingModalAction } from './meeting-button';

/** "Change rhythm" (value = pair id): cadence, time, length and start date, pre-filled with the current rule. */
export const meetingRuleOpen = meetingModalAction('meeting_rule_open', async (pairId, { actor }, deps) =>
  ruleModal(await deps.services.meetings.rhythmDraft(actor, pairId)),
);
