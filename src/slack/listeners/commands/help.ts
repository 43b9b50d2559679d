import { helpMessage } from '../../blocks/help';
import type { SubcommandHandler } from './types';

/** Answered in the ack itself: no extra Slack call, nothing to wait for. */
export const help: SubcommandHandler = async ({ ack }) => {
  await ack({ response_type: 'ephemeral', ...helpMessage() });
};
