import { feedbackInboxMessage } from '../../blocks/feedback-messages';
import { feedbackRequestModal } from '../../blocks/feedback-modals';
import { errorMessage } from '../../blocks/help';
import { parseFeedbackWords } from '../../inputs/feedback-form';
import { zoneOf } from '../../known-person';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/**
 * `/mentorship feedback [area]`: opens the request modal (the words, or the agenda's feedback focus,
 * pre-fill the area), then lists privately what waits on the person, so nothing depends on a DM alone.
 */
export const feedback: SubcommandHandler = async (args, deps, { rest, log, actor, reply }) => {
  const words = parseFeedbackWords(rest);
  if (!words.ok) return args.ack({ response_type: 'ephemeral', ...errorMessage(words.message) });
  const found = await requirePairs(args, deps);
  if (!found) return;
  const { command, client } = args;
  const only = found.choices.length === 1 ? found.choices[0]?.pair.id : undefined;
  const area = words.area ?? (only ? await deps.services.feedback.suggestedArea(actor, only) : null);
  await client.views.open({
    trigger_id: command.trigger_id,
    view: asJson(feedbackRequestModal({ ...found, pairId: only, area, channelId: actor.channelId })),
  });
  log.info({ pairs: found.choices.length }, 'feedback modal opened');
  const message = feedbackInboxMessage(await deps.services.feedback.inbox(actor), await zoneOf(deps, actor.teamId, actor.userId));
  if (message) await reply(message);
};
