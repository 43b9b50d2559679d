import { feedbackRequestModal } from '../../blocks/feedback-modals';
import type { AppDeps } from '../../context';
import { pairModalButton } from './pair-button';

/** "Ask for feedback" (value = pair id), from any surface; the agenda's feedback focus pre-fills the area. */
export function feedbackOpen(deps: AppDeps) {
  return pairModalButton(deps, async ({ press, choice }) => {
    const area = await deps.services.feedback.suggestedArea(press.teamId, choice.pair.id, press.userId);
    return feedbackRequestModal({ choices: [choice], names: {}, pairId: choice.pair.id, area, channelId: press.channelId });
  });
}
