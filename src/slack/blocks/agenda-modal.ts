import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { type AgendaDraft, otherOf } from '../../domain/meetings/views';
import type { PairChoice } from '../../domain/pairs/pair-choices';
import { formatLocalDate } from '../../domain/time/zoned';
import { WRAP_UP_TOPICS } from '../../domain/meetings/wrap-up';
import { AgendaModal, meetingScopedBlock } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { agendaSummaryLines } from './agenda-message';
import { expectationsButton } from './expectations';
import { choiceElement, type Choice } from './meeting-choices';
import { dueText, meetingWhen } from './meeting-text';
import { pairPickerBlock } from './pair-picker';
import { mention, mrkdwn, plain } from './text';

export interface PickerChoices {
  choices: readonly PairChoice[];
  names: Record<string, string>;
}

const { blocks: b, actions: a } = AgendaModal;

const textInput = (
  blockId: string,
  actionId: string,
  label: string,
  options: { hint?: string; placeholder?: string; initial?: string | null; multiline?: boolean; max?: number } = {},
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: true,
  label: plain(label),
  element: {
    type: 'plain_text_input',
    action_id: actionId,
    multiline: options.multiline ?? true,
    max_length: options.max ?? 3000,
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    ...(options.initial ? { initial_value: options.initial } : {}),
  },
  ...(options.hint ? { hint: plain(options.hint) } : {}),
});

/**
 * The agenda of the pair's next meeting. It opens pre-ticked with what should carry over (open action
 * items, what the last meeting did not get to) and, near the planned end, the wrap-up topics. The mentee
 * also names the one area they want feedback on and one achievement or challenge.
 */
export function agendaModal(draft: AgendaDraft, picker?: PickerChoices): ModalView {
  const { meeting } = draft;
  const blocks: KnownBlock[] = [];
  if (picker && picker.choices.length > 1) blocks.push({ ...pairPickerBlock(picker.choices, picker.names, draft.pairId), dispatch_action: true });
  blocks.push({ type: 'section', text: mrkdwn(`*Your meeting with ${mention(otherOf(draft, draft.viewerId))}*\n${meetingWhen(meeting, draft.viewerZone)}`) });
  if (draft.firstMeeting) {
    blocks.push({
      type: 'section',
      text: mrkdwn(
        '*Your first meeting.* A good moment to agree on expectations: how you talk between meetings, feedback, boundaries, what each hopes to get.',
      ),
      accessory: expectationsButton(draft.pairId, 'Expectations'),
    });
  }
  const already = agendaSummaryLines(draft);
  if (already) blocks.push({ type: 'section', text: mrkdwn(`*Already on the agenda*\n${already}`) });

  if (draft.wrapUp.length > 0) {
    const choices: Choice[] = WRAP_UP_TOPICS.filter((topic) => draft.wrapUp.includes(topic.key)).map((topic) => ({ value: topic.key, label: topic.text }));
    blocks.push({
      type: 'input',
      block_id: meetingScopedBlock(b.wrapUp, meeting.id),
      optional: true,
      label: plain(`Wrap-up: the mentorship is planned to end on ${formatLocalDate(draft.plannedEndOn)}`),
      element: choiceElement(a.wrapUp, choices, true),
    });
  }
  const carry: Choice[] = [
    ...draft.carryActionItems.map((item) => ({
      value: `a:${item.id}`,
      label: `Action: ${item.body}`,
      description: `${draft.names[item.ownerId] ?? item.ownerId} · ${dueText(item.dueOn)}`,
    })),
    ...draft.carryFollowUps.map((item) => ({ value: `f:${item.id}`, label: `Follow-up: ${item.body}`, description: 'Not covered last time' })),
  ];
  if (carry.length > 0) {
    blocks.push({
      type: 'input',
      block_id: meetingScopedBlock(b.carryOver, meeting.id),
      optional: true,
      label: plain('Carry over from last time'),
      element: choiceElement(a.carryOver, carry, true),
      hint: plain('Untick what no longer needs discussing.'),
    });
  }
  blocks.push(
    textInput(b.topics, a.topics, 'Topics', { placeholder: 'One per line', hint: 'What you want to talk about, one topic per line.' }),
    textInput(b.questions, a.questions, 'Questions', { placeholder: 'One per line' }),
  );
  if (draft.role === 'mentee') {
    blocks.push(
      textInput(b.feedbackFocus, a.feedbackFocus, 'The one area you want specific feedback on this time', {
        multiline: false,
        max: 300,
        initial: draft.feedbackFocus,
        placeholder: 'e.g. how I run design reviews',
      }),
      textInput(b.highlight, a.highlight, 'One achievement or challenge since the last meeting', { max: 1000, initial: draft.highlight }),
    );
  }
  blocks.push(
    textInput(b.materials, a.materials, 'Links to look at before the meeting', {
      placeholder: 'Design doc draft https://…',
      hint: 'One per line: an optional title, then the link.',
    }),
  );
  return {
    type: 'modal',
    callback_id: AgendaModal.callbackId,
    private_metadata: encodeMetadata({ pairId: draft.pairId, meetingId: meeting.id }),
    title: plain('Meeting agenda', 24),
    submit: plain(draft.shared ? 'Add to agenda' : 'Share agenda', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}
