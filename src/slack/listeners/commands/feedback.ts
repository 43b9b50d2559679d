import { feedbackInboxMessage } from '../../blocks/feedback-messages';
import { feedbackRequestModal } from '../../blocks/feedback-modals';
import { errorMessage } from '../../blocks/help';
import { parseFeedbackWords } from '../../inputs/feedback-form';
import { zoneOf } from '../../known-person';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';

/**
 * `/mentorship feedback [area]`: opens the request modal (the words, or the agenda's feedback focus,
 * pre-fill the area), then lists privately what waits on the person, so nothing depends on a DM alone.
 */
export const feedback: SubcommandHandler = async (args, deps, { rest, log }) => {
  const words = parseFeedbackWords(rest);
  if (!words.ok) return args.ack({ response_type: 'ephemeral', ...errorMessage(words.message) });
  const found = await requirePairs(args, deps);
  if (!found) return;
  const { command, client } = args;
  const only = found.choices.length === 1 ? found.choices[0]?.pair.id : undefined;
  const area = words.area ?? (only ? await deps.services.feedback.suggestedArea(command.team_id, only, command.user_id) : null);
  await client.views.open({
    trigger_id: command.trigger_id,
    view: feedbackRequestModal({ ...found, pairId: only, area, channelId: command.channel_id }),
  });
  log.info({ pairs: found.choices.length }, 'feedback modal opened');
  const inbox = await deps.services.feedback.inbox(command.team_id, command.user_id);
  const message = feedbackInboxMessage(inbox, await zoneOf(deps, command.team_id, command.user_id));
  if (message) await args.respond({ response_type: 'ephemeral', ...message });
};
