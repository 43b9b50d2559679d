import { errorMessage } from '../../blocks/help';
import { thanksModal } from '../../blocks/thanks-blocks';
import { parseThanksWords } from '../../inputs/thanks-form';
import { requirePairs } from './require-pairs';
import type { SubcommandHandler } from './types';
import { asJson } from '../../web-api-json';

/** `/mentorship thanks [note]`: opens the thank-you modal, pre-filled with the words or a suggestion. */
export const thanks: SubcommandHandler = async (args, deps, { rest, log }) => {
  const words = parseThanksWords(rest);
  if (!words.ok) return args.ack({ response_type: 'ephemeral', ...errorMessage(words.message) });
  const found = await requirePairs(args, deps);
  if (!found) return;
  const { command, client } = args;
  const only = found.choices.length === 1 ? found.choices[0]?.pair.id : undefined;
  await client.views.open({
    trigger_id: command.trigger_id,
    view: asJson(thanksModal({ ...found, pairId: only, message: words.message ?? undefined, channelId: command.channel_id })),
  });
  log.info('thanks modal opened');
};
