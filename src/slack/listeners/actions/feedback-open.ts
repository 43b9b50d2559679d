import { DomainError } from '../../../errors';
import { asChoice } from '../../../domain/pairs/pair-choices';
import { feedbackRequestModal } from '../../blocks/feedback-modals';
import type { AppDeps } from '../../context';
import { buttonHandler } from '../../interaction-replies';
import { parsePairValue } from '../../inputs/origin';

/** "Ask for feedback" (value = pair id), from any surface; the agenda's feedback focus pre-fills the area. */
export function feedbackOpen(deps: AppDeps) {
  return buttonHandler(deps, async (press) => {
    const value = parsePairValue(press.value, false);
    if (!value.ok || !value.pairId) throw new DomainError('not_in_pair', 'You are not part of that mentorship pair.');
    const pair = await deps.services.pairs.getForMember(press.teamId, value.pairId, press.userId);
    const choice = asChoice(pair, press.userId);
    const area = await deps.services.feedback.suggestedArea(press.teamId, pair.id, press.userId);
    await press.client.views.open({
      trigger_id: press.triggerId,
      view: feedbackRequestModal({ choices: [choice], names: {}, pairId: pair.id, area, channelId: press.channelId }),
    });
  });
}
