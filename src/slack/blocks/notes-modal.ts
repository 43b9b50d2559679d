import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { type NotesDraft, otherOf } from '../../domain/meetings/views';
import { meetingScopedBlock, NotesModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import type { PickerChoices } from './agenda-modal';
import { choiceElement } from './meeting-choices';
import { meetingWhen } from './meeting-text';
import { pairPickerBlock } from './pair-picker';
import { mention, mrkdwn, plain, truncate } from './text';

const { blocks: b, actions: a } = NotesModal;

const textInput = (
  blockId: string,
  actionId: string,
  label: string,
  options: { optional: boolean; hint?: string; placeholder?: string; max?: number; initial?: string | null },
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  optional: options.optional,
  label: plain(label),
  element: {
    type: 'plain_text_input',
    action_id: actionId,
    multiline: true,
    max_length: options.max ?? 3000,
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    ...(options.initial ? { initial_value: options.initial } : {}),
  },
  ...(options.hint ? { hint: plain(options.hint) } : {}),
});

const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

/**
 * Notes after a meeting: key takeaways, action items (one per line, each with its owner and an optional
 * due date, since Block Kit has no repeating rows), and the feedback received with how it will be applied.
 */
export function notesModal(draft: NotesDraft, picker?: PickerChoices): ModalView {
  const { meeting, names } = draft;
  const blocks: KnownBlock[] = [];
  if (picker && picker.choices.length > 1) blocks.push({ ...pairPickerBlock(picker.choices, picker.names, draft.pairId), dispatch_action: true });
  blocks.push({ type: 'section', text: mrkdwn(`*Your meeting with ${mention(otherOf(draft, draft.viewerId))}*\n${meetingWhen(meeting, draft.viewerZone)}`) });
  if (draft.coverable.length > 0) {
    blocks.push({
      type: 'input',
      block_id: meetingScopedBlock(b.covered, meeting.id),
      optional: true,
      label: plain('Which agenda items did you get to?'),
      element: choiceElement(
        a.covered,
        draft.coverable.map((item) => ({ value: item.id, label: item.body })),
        false,
      ),
      hint: plain('The ones left unticked are offered on the next agenda.'),
    });
  }
  const owners = `${firstName(names[draft.mentorId] ?? 'mentor')}, ${firstName(names[draft.menteeId] ?? 'mentee')}`;
  const focus = draft.feedbackFocus ? `Feedback was asked for on: ${truncate(draft.feedbackFocus, 300)}` : undefined;
  const { saved } = draft;
  const kept = saved ? ' An item whose line you leave as it is keeps its tick; a line you take out deletes its item.' : '';
  if (saved) blocks.push({ type: 'context', elements: [mrkdwn('Amending the saved notes: you both get the amended summary, marked as amended.')] });
  blocks.push(
    textInput(b.takeaways, a.takeaways, 'Key takeaways', { optional: false, placeholder: 'What stood out, what you decided', initial: saved?.takeaways }),
    textInput(b.actionItems, a.actionItems, 'Action items', {
      optional: true,
      max: 3000,
      placeholder: 'mentee: draft the design doc by 2026-12-10',
      hint: `One per line: who (me, you, ${owners} or an @mention), a colon, what; optionally "by YYYY-MM-DD". A line with no owner is yours.${kept}`,
      initial: saved?.actionItems,
    }),
    textInput(b.feedbackReceived, a.feedbackReceived, 'Feedback received', {
      optional: true,
      ...(focus ? { hint: focus } : {}),
      initial: saved?.feedbackReceived,
    }),
    textInput(b.feedbackApplication, a.feedbackApplication, 'How it will be applied', { optional: true, initial: saved?.feedbackApplication }),
  );
  return {
    type: 'modal',
    callback_id: saved ? NotesModal.amendCallbackId : NotesModal.callbackId,
    private_metadata: encodeMetadata({ pairId: draft.pairId, meetingId: meeting.id }),
    title: plain(saved ? 'Amend notes' : 'Meeting notes', 24),
    submit: plain(saved ? 'Save amended notes' : 'Save and share', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}
