import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { CheckInAnswer } from '../../db/schema';
import type { Checkpoint } from '../../domain/check-ins/check-in-timing';
import { ProgressCheckInActions, ProgressCheckInModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import type { Message } from './help';
import { mention, mrkdwn, plain } from './text';

/** The check-ins during a mentorship (issue 16, point 7): the private question, its form, and who can see the answer. */

export const ANSWER_LABELS: Record<CheckInAnswer, string> = { great: 'Great', okay: 'Okay', not_working: 'Not working' };

const SPOKEN_ANSWER: Record<CheckInAnswer, string> = {
  great: 'Check-in: the mentorship is going great',
  okay: 'Check-in: the mentorship is going okay',
  not_working: 'Check-in: the mentorship is not working',
};

const ACTION_OF: Record<CheckInAnswer, string> = {
  great: ProgressCheckInActions.great,
  okay: ProgressCheckInActions.okay,
  not_working: ProgressCheckInActions.notWorking,
};

export interface ProgressCheckInView {
  pairId: string;
  otherId: string;
  checkpoint: Checkpoint;
  zone: string;
}

/** The DM at a third (checkpoint 1) or two thirds (2) of the way. */
export function progressCheckInMessage(view: ProgressCheckInView): Message {
  const when = view.checkpoint === 1 ? 'a third' : 'two thirds';
  const value = `${view.pairId}:${view.checkpoint}`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        `:compass: Your mentorship with ${mention(view.otherId)} is ${when} of the way through. *How is the mentorship going?*\n` +
          `Your answer is private: ${mention(view.otherId)} never sees it, and the program coordinator only if you choose to tell them.`,
      ),
    },
    {
      type: 'actions',
      elements: (Object.keys(ACTION_OF) as CheckInAnswer[]).map((answer) => ({
        type: 'button' as const,
        text: plain(ANSWER_LABELS[answer], 75),
        // "Okay" alone says little to a screen reader that lists the message's buttons out of context.
        accessibility_label: SPOKEN_ANSWER[answer],
        action_id: ACTION_OF[answer],
        value,
      })),
    },
    { type: 'context', elements: [mrkdwn(`Check-ins come in your time zone (${view.zone}), never between 21:00 and 08:00.`)] },
  ];
  return { text: 'How is the mentorship going? Your answer is private.', blocks };
}

export interface CheckInFormView {
  pairId: string;
  checkpoint: Checkpoint;
  answer: CheckInAnswer;
  note: string | null;
  shared: boolean;
}

/** The small form a button opens: the answer picked, an optional note, and whether the coordinator may know. */
export function progressCheckInModal(view: CheckInFormView): ModalView {
  const { blocks: b, actions: a } = ProgressCheckInModal;
  const option = (answer: CheckInAnswer): PlainTextOption => ({ text: plain(ANSWER_LABELS[answer], 75), value: answer });
  const share: PlainTextOption = { text: plain('Let the program coordinator know', 75), value: ProgressCheckInModal.shareValue };
  return {
    type: 'modal',
    callback_id: ProgressCheckInModal.callbackId,
    private_metadata: encodeMetadata({ pairId: view.pairId, checkpoint: view.checkpoint }),
    title: plain('Check-in', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'input',
        block_id: b.answer,
        label: plain('How is the mentorship going?'),
        element: {
          type: 'radio_buttons',
          action_id: a.answer,
          options: (Object.keys(ANSWER_LABELS) as CheckInAnswer[]).map(option),
          initial_option: option(view.answer),
        },
      },
      {
        type: 'input',
        block_id: b.note,
        optional: true,
        label: plain('A note for yourself (optional)'),
        element: { type: 'plain_text_input', action_id: a.note, multiline: true, max_length: 1000, ...(view.note ? { initial_value: view.note } : {}) },
      },
      {
        type: 'input',
        block_id: b.share,
        optional: true,
        label: plain('Who sees it'),
        element: { type: 'checkboxes', action_id: a.share, options: [share], ...(view.shared ? { initial_options: [share] } : {}) },
        hint: plain(
          'Unticked, your answer stays private to you. Ticked, the program coordinator sees the answer (never your note); your mentorship partner never does.',
        ),
      },
    ],
  };
}

/** The private confirmation: who can see the answer. */
export function checkInSavedText(shared: boolean, otherId: string): string {
  return shared
    ? `Thanks, your check-in is saved. The program coordinator can see your answer, not your note; ${mention(otherId)} cannot.`
    : `Thanks, your check-in is saved, private to you: neither ${mention(otherId)} nor the program coordinator sees it.`;
}
