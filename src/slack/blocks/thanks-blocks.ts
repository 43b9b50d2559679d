import type { KnownBlock, ModalView } from '@slack/types';
import { MESSAGE_MAX, suggestedThanks } from '../../domain/appreciation/appreciation-rules';
import type { PairChoice } from '../../domain/pairs/pair-choices';
import { formatInZone } from '../../domain/time/zoned';
import { ThanksModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import type { Message } from './help';
import { pairPickerBlock } from './pair-picker';
import { inlineTyped, quoteTyped } from './quote';
import { mention, mrkdwn, plain } from './text';

export interface ThanksModalInput {
  choices: readonly PairChoice[];
  names: Record<string, string>;
  pairId?: string;
  /** Words typed after `/mentorship thanks`, to start the note from. */
  message?: string;
  channelId?: string;
}

export function thanksModal(input: ThanksModalInput): ModalView {
  const choice = input.pairId ? input.choices.find((c) => c.pair.id === input.pairId) : undefined;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        choice
          ? `A note of appreciation for ${mention(choice.otherId)}. I'll send it by DM and keep it in your mentorship's history.`
          : "A note of appreciation. I'll send it by DM and keep it in your mentorship's history.",
      ),
    },
  ];
  if (!input.pairId) blocks.push(pairPickerBlock(input.choices, input.names));
  blocks.push({
    type: 'input',
    block_id: ThanksModal.blocks.message,
    label: plain('Your note'),
    element: {
      type: 'plain_text_input',
      action_id: ThanksModal.actions.message,
      multiline: true,
      max_length: MESSAGE_MAX,
      initial_value: (input.message?.trim() || suggestedThanks(choice?.role ?? null)).slice(0, MESSAGE_MAX),
    },
    hint: plain('Say what helped: a specific moment makes a thank-you land.'),
  });
  return {
    type: 'modal',
    callback_id: ThanksModal.callbackId,
    title: plain('Say thank you', 24),
    submit: plain('Send', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ ...(input.pairId ? { pairId: input.pairId } : {}), ...(input.channelId ? { channelId: input.channelId } : {}) }),
    blocks,
  };
}

/** A thank-you as its reader sees it. */
export interface ThanksView {
  fromId: string;
  message: string;
  /** The meeting it follows, shown in the reader's zone. */
  meetingAt: Date | null;
  zone: string;
}

/** To the person thanked. */
export function thanksDm(view: ThanksView): Message {
  const blocks: KnownBlock[] = [{ type: 'section', text: mrkdwn(`:sparkles: ${mention(view.fromId)} says thank you:\n${quoteTyped(view.message, 2000)}`) }];
  if (view.meetingAt) blocks.push({ type: 'context', elements: [mrkdwn(`About your meeting on ${formatInZone(view.meetingAt, view.zone)}.`)] });
  return { text: `${mention(view.fromId)} says thank you: ${inlineTyped(view.message, 300)}`, blocks };
}

/** To the sender, privately: the note is saved, and its DM is in the outbox (sent at once, or after the reader's quiet hours). */
export function thanksSentMessage(toId: string): Message {
  const text = `Your thank-you is on its way to ${mention(toId)}, and kept in your mentorship's history.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) }] };
}
