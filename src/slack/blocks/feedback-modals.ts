import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { AREA_MAX, ANSWER_MAX, APPLICATION_MAX, EXAMPLE_MAX, QUESTION_MAX, suggestedQuestion } from '../../domain/feedback/feedback-rules';
import type { FeedbackItem } from '../../domain/feedback/events';
import type { PairChoice } from '../../domain/pairs/pair-choices';
import { FeedbackModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { type ModalSource, sourceMetadata } from '../inputs/origin';
import { pairPickerBlock } from './pair-picker';
import { inlineTyped, quoteTyped } from './quote';
import { mention, mrkdwn, plain } from './text';

const { request: r, answer: an, apply: ap, example: ex } = FeedbackModal;

export interface FeedbackRequestModalInput {
  choices: readonly PairChoice[];
  names: Record<string, string>;
  /** Known when there is one pair or the modal was opened from a pair's button: no picker then. */
  pairId?: string;
  area?: string | null;
  /** Where the person started, so the confirmation can be shown there. */
  channelId?: string;
}

export function feedbackRequestModal(input: FeedbackRequestModalInput): ModalView {
  const choice = input.pairId ? input.choices.find((c) => c.pair.id === input.pairId) : undefined;
  const area = input.area?.trim() ? input.area.trim().slice(0, AREA_MAX) : undefined;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        `Ask for feedback on *one specific area*${choice ? `; I'll send it to ${mention(choice.otherId)}` : ''}. One concrete thing to improve is easier to act on before your next meeting than general comments.`,
      ),
    },
  ];
  if (!input.pairId) blocks.push(pairPickerBlock(input.choices, input.names));
  blocks.push(
    {
      type: 'input',
      block_id: r.blocks.area,
      label: plain('The area'),
      element: {
        type: 'plain_text_input',
        action_id: r.actions.area,
        max_length: AREA_MAX,
        placeholder: plain('e.g. presenting my work to the team', 150),
        ...(area ? { initial_value: area } : {}),
      },
    },
    {
      type: 'input',
      block_id: r.blocks.question,
      optional: true,
      label: plain('Your question'),
      element: {
        type: 'plain_text_input',
        action_id: r.actions.question,
        multiline: true,
        max_length: QUESTION_MAX,
        placeholder: plain('What is one thing I could improve in …?', 150),
        ...(area ? { initial_value: suggestedQuestion(area) } : {}),
      },
      hint: plain('Leave it empty to ask: "What is one thing I could improve in <the area>?"'),
    },
  );
  return {
    type: 'modal',
    callback_id: r.callbackId,
    title: plain('Ask for feedback', 24),
    submit: plain('Ask', 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ ...(input.pairId ? { pairId: input.pairId } : {}), ...(input.channelId ? { channelId: input.channelId } : {}) }),
    blocks,
  };
}

export function feedbackAnswerModal(request: FeedbackItem, source: ModalSource = {}): ModalView {
  return stepModal(request, source, {
    callbackId: an.callbackId,
    title: 'Answer feedback',
    submit: 'Send answer',
    intro: `${mention(request.requesterId)} asks for feedback on *${inlineTyped(request.area)}*:\n${quoteTyped(request.question, 600)}`,
    input: {
      type: 'input',
      block_id: an.blocks.answer,
      label: plain('Your answer'),
      element: {
        type: 'plain_text_input',
        action_id: an.actions.answer,
        multiline: true,
        max_length: ANSWER_MAX,
        placeholder: plain('One thing to do differently, and why', 150),
      },
      hint: plain('Specific beats general: what you noticed, and one thing to try next time.'),
    },
  });
}

export function feedbackApplyModal(request: FeedbackItem, source: ModalSource = {}): ModalView {
  return stepModal(request, source, {
    callbackId: ap.callbackId,
    title: 'How I applied it',
    submit: 'Send',
    intro: `You asked about *${inlineTyped(request.area)}*. ${mention(request.responderId)} answered:\n${quoteTyped(request.answer ?? '', 1200)}`,
    input: {
      type: 'input',
      block_id: ap.blocks.application,
      label: plain('What did you try, and how did it go?'),
      element: { type: 'plain_text_input', action_id: ap.actions.application, multiline: true, max_length: APPLICATION_MAX },
      hint: plain(`I'll tell your mentor.`),
    },
  });
}

export function feedbackExampleModal(request: FeedbackItem, source: ModalSource = {}): ModalView {
  return stepModal(request, source, {
    callbackId: ex.callbackId,
    title: 'Give an example',
    submit: 'Send example',
    intro: `${mention(request.requesterId)} asks for a concrete example of your feedback on *${inlineTyped(request.area)}*. You answered:\n${quoteTyped(request.answer ?? '', 1200)}`,
    input: {
      type: 'input',
      block_id: ex.blocks.example,
      label: plain('Your example'),
      element: {
        type: 'plain_text_input',
        action_id: ex.actions.example,
        multiline: true,
        max_length: EXAMPLE_MAX,
        placeholder: plain("In Tuesday's demo, when …", 150),
      },
      hint: plain('One moment you saw: what happened, and what they could try instead.'),
    },
  });
}

/**
 * The modal of one step on a request (answer, how I applied it, an example): what it is about, then the
 * step's one text box. The request and the DM it was opened from ride in the metadata (claims, checked on submit).
 */
function stepModal(
  request: FeedbackItem,
  source: ModalSource,
  step: { callbackId: string; title: string; submit: string; intro: string; input: InputBlock },
): ModalView {
  return {
    type: 'modal',
    callback_id: step.callbackId,
    title: plain(step.title, 24),
    submit: plain(step.submit, 24),
    close: plain('Cancel', 24),
    private_metadata: encodeMetadata({ requestId: request.id, ...sourceMetadata(source) }),
    blocks: [{ type: 'section', text: mrkdwn(step.intro) }, step.input],
  };
}
