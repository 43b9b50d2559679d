import { feedbackRequestModal } from '../../blocks/feedback-modals';
import { pairModalAction } from './pair-button';

/** "Ask for feedback" (value = pair id), from any surface; the agenda's feedback focus pre-fills the area. */
export const feedbackOpen = pairModalAction('feedback_open', async (membership, { actor }, deps) => {
  const area = await deps.services.feedback.suggestedArea(actor.teamId, membership.pair.id, actor.userId);
  return feedbackRequestModal({ choices: [membership], names: {}, pairId: membership.pair.id, area, channelId: actor.channelId });
});
