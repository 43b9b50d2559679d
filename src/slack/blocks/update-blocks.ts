import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { PairChoice } from '../../domain/pairs/pair-choices';
import { formatInZone } from '../../domain/time/zoned';
import { UPDATE_PART_MAX, type UpdateDraft, type UpdatePart } from '../../domain/updates/update-rules';
import { OpenActions, UpdateModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import type { Message } from './help';
import { pairPickerBlock } from './pair-picker';
import { inlineTyped, quoteTyped } from './quote';
import { accessibilityLabel, mention, mrkdwn, plain } from './text';

/** Each part of an update: its label in the form, its hint, and its heading in the DM. */
const PARTS: Record<UpdatePart, { label: string; hint: string; heading: string; emoji: string }> = {
  doneSince: {
    label: 'What I did since we met',
    hint: 'A line or two: what you tried, learned or moved on.',
    heading: 'Since we met',
    emoji: ':arrow_forward:',
  },
  win: { label: 'A win', hint: 'Something that went well, however small.', heading: 'A win', emoji: ':trophy:' },
  blocker: { label: 'A blocker', hint: 'Where you are stuck, or what you could use help with.', heading: 'A blocker', emoji: ':construction:' },
};

export interface UpdateModalInput {
  choices: readonly PairChoice[];
  names: Record<string, string>;
  pairId?: string;
  channelId?: string;
}

function partInput(part: UpdatePart): InputBlock {
  return {
    type: 'input',
    block_id: UpdateModal.blocks[part],
    optional: true,
    label: plain(PARTS[part].label),
    element: { type: 'plain_text_input', action_id: UpdateModal.actions[part], multiline: true, max_length: UPDATE_PART_MAX },
    hint: plain(PARTS[part].hint),
  };
}

/** `/mentorship update`: three optional parts (one is needed), sent to the other person of the pair. */
export function updateModal(input: UpdateModalInput): ModalView {
  const choice = input.pairId ? input.choices.find((c) => c.pair.id === input.pairId) : undefined;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        `A short update between meetings${choice ? ` for ${mention(choice.otherId)}` : ''}: fill in any of the three. I'll send it by DM and keep it in your mentorship's history.`,
      ),
    },
  ];
  if (!input.pairId) blocks.push(pairPickerBlock(input.choices, input.names));
  blocks.push(partInput('doneSince'), partInput('win'), partInput('blocker'));
  return {
    type: 'modal',
    callback_id: UpdateModal.callbackId,
    title: plain('Send an update', 24),
    submit: plain('Send', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ ...(input.pairId ? { pairId: input.pairId } : {}), ...(input.channelId ? { channelId: input.channelId } : {}) }),
    blocks,
  };
}

export interface UpdateView {
  fromId: string;
  pairId: string;
  update: UpdateDraft;
  nextMeetingAt: Date | null;
  /** The reader's zone, for the next meeting. */
  zone: string;
}

/** To the other person: each part the author wrote, with a button to answer with an update of their own. */
export function updateDm(view: UpdateView): Message {
  const parts = (Object.keys(PARTS) as UpdatePart[]).flatMap((part) => {
    const text = view.update[part];
    return text ? [{ part, text }] : [];
  });
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`:speech_balloon: An update from ${mention(view.fromId)} between your meetings:`) },
    ...parts.map(({ part, text }): KnownBlock => ({
      type: 'section',
      text: mrkdwn(`${PARTS[part].emoji} *${PARTS[part].heading}*\n${quoteTyped(text, 1000)}`),
    })),
  ];
  if (view.nextMeetingAt) blocks.push({ type: 'context', elements: [mrkdwn(`Your next meeting: ${formatInZone(view.nextMeetingAt, view.zone)}.`)] });
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: OpenActions.sendUpdate,
        text: plain('Send an update back', 75),
        value: view.pairId,
        accessibility_label: accessibilityLabel('Send an update back to the person who wrote this one'),
      },
    ],
  });
  const first = parts[0];
  return { text: `An update from ${mention(view.fromId)}${first ? `: ${inlineTyped(first.text, 200)}` : ''}`, blocks };
}

/** To the author, privately: the update is saved, and its DM is in the outbox. */
export function updateSentMessage(toId: string): Message {
  const text = `Your update is on its way to ${mention(toId)}, and kept in your mentorship's history.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) }] };
}
