import type { Button, KnownBlock, ModalView } from '@slack/types';
import type { ExpectationsView } from '../../domain/expectations/expectation-rules';
import { EXPECTATION_MAX } from '../../domain/expectations/expectation-rules';
import type { ExpectationsAgreed, ExpectationsProposed } from '../../domain/expectations/events';
import { formatInZone } from '../../domain/time/zoned';
import { ExpectationsActions, ExpectationsModal, ExpectationsReadModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import type { Message } from './help';
import { accessibilityLabel, escapeText, mention, mrkdwn, plain, truncate } from './text';

/**
 * Expectations agreed at the start: the form, the notices asking the other person to confirm, and the
 * lines Home and `/mentorship status` show. Everything typed is escaped (never a mention or a broadcast).
 */

const TERMS = [
  ['betweenMeetings', 'Between meetings: how and how often we talk'],
  ['feedbackStyle', 'Feedback: how I like to give and receive it'],
  ['boundaries', 'Boundaries and confidentiality'],
] as const;

const hopeOf = (view: ExpectationsView, userId: string): string | null => (userId === view.mentorId ? view.mentorHope : view.menteeHope);
const otherOf = (view: ExpectationsView, userId: string): string => (userId === view.mentorId ? view.menteeId : view.mentorId);

/** Where they stand, for the reader: who proposed them, who is to confirm, or that both agreed. */
export function expectationsStateText(view: ExpectationsView, readerId: string, zone: string): string {
  const { state } = view;
  if (state.kind === 'none') return 'Not agreed yet: how you will work together between meetings, feedback, boundaries, and what each of you hopes to get.';
  if (state.kind === 'agreed') return `✅ Agreed by both on ${formatInZone(state.on, zone)}.`;
  if (state.by === readerId) return `✏️ Proposed by you; waiting for ${mention(state.waitingFor)} to confirm or amend them.`;
  return `✏️ Proposed by ${mention(state.by)}; confirm or amend them.`;
}

/** One short line per answer, for a dashboard (`max` characters of each). */
export function expectationsSummary(view: ExpectationsView, max: number): string {
  const line = (label: string, text: string | null) => (text ? `• _${label}:_ ${escapeText(truncate(text.replace(/\s+/g, ' ').trim(), max))}` : null);
  return [
    line('Between meetings', view.betweenMeetings),
    line('Feedback', view.feedbackStyle),
    line('Boundaries', view.boundaries),
    line(`${mention(view.mentorId)} hopes for`, view.mentorHope),
    line(`${mention(view.menteeId)} hopes for`, view.menteeHope),
  ]
    .filter((l) => l !== null)
    .join('\n');
}

/** Each answer whole, one section each (an answer may be 1000 characters; a section takes 3000). */
function termSections(view: ExpectationsView): KnownBlock[] {
  const section = (label: string, text: string | null): KnownBlock => ({ type: 'section', text: mrkdwn(`*${label}*\n${text ? escapeText(text) : '_—_'}`) });
  return [
    ...TERMS.map(([key, label]) => section(label, view[key])),
    section(`What ${mention(view.mentorId)} hopes to get`, view.mentorHope),
    section(`What ${mention(view.menteeId)} hopes to get`, view.menteeHope),
  ];
}

export const expectationsButton = (pairId: string, label: string, primary = false): Button => ({
  type: 'button',
  text: plain(label, 75),
  action_id: ExpectationsActions.open,
  value: pairId,
  ...(primary ? { style: 'primary' as const } : {}),
});

const confirmButton = (view: ExpectationsView): Button => ({
  type: 'button',
  text: plain('Confirm', 75),
  action_id: ExpectationsActions.confirm,
  value: `${view.pairId}:${view.version}`,
  style: 'primary',
});

/** The buttons the reader has: Confirm while it waits for them, Amend (or Propose) while the pair can change. */
function buttonsFor(view: ExpectationsView, readerId: string, canChange: boolean): Button[] {
  if (!canChange) return [];
  const waitingForReader = view.state.kind === 'proposed' && view.state.waitingFor === readerId;
  return [...(waitingForReader ? [confirmButton(view)] : []), expectationsButton(view.pairId, view.state.kind === 'none' ? 'Propose' : 'Amend')];
}

/** The expectations as they stand, for one reader: a notice, or a stale message redrawn. */
export function expectationsMessage(view: ExpectationsView, reader: { userId: string; zone: string }, heading: string, canChange: boolean): Message {
  const buttons = buttonsFor(view, reader.userId, canChange);
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(heading) },
    ...termSections(view),
    { type: 'context', elements: [mrkdwn(expectationsStateText(view, reader.userId, reader.zone))] },
    ...(buttons.length ? [{ type: 'actions' as const, elements: buttons }] : []),
  ];
  return { text: heading.replace(/[*_]/g, ''), blocks };
}

export function expectationsProposedMessage(event: ExpectationsProposed): Message {
  const heading = event.amended
    ? `*${mention(event.actorId)} amended your mentorship's expectations.* Confirm them, or amend them in turn.`
    : `*${mention(event.actorId)} proposed expectations for your mentorship.* Confirm them, or amend them and add what you hope to get.`;
  return expectationsMessage(event.expectations, { userId: event.readerId, zone: event.readerZone }, heading, true);
}

export function expectationsAgreedMessage(event: ExpectationsAgreed): Message {
  const text = `${mention(event.actorId)} confirmed your mentorship's expectations: you both agree on them now. They are on your Home tab and in \`/mentorship status\`.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`✅ ${text}`) }] };
}

const textInput = (blockId: string, actionId: string, label: string, initial: string | null, hint: string) => ({
  type: 'input' as const,
  block_id: blockId,
  optional: true,
  label: plain(label, 2000),
  element: {
    type: 'plain_text_input' as const,
    action_id: actionId,
    multiline: true,
    max_length: EXPECTATION_MAX,
    ...(initial ? { initial_value: initial } : {}),
  },
  hint: plain(hint, 2000),
});

/**
 * The form: the shared terms, prefilled with the current version, and the reader's own hope (the other
 * person's is shown, not editable). Saving proposes it to the other person; once the pair has ended it
 * opens read-only.
 */
export function expectationsModal(view: ExpectationsView, reader: { userId: string; zone: string }, canChange: boolean): ModalView {
  const other = otherOf(view, reader.userId);
  const state: KnownBlock = { type: 'context', elements: [mrkdwn(expectationsStateText(view, reader.userId, reader.zone))] };
  if (!canChange) {
    return {
      type: 'modal',
      callback_id: ExpectationsReadModal.callbackId,
      title: plain('Expectations', 24),
      close: plain('Close', 24),
      blocks: [{ type: 'section', text: mrkdwn('This mentorship has ended: its expectations can be read, no longer changed.') }, ...termSections(view), state],
    };
  }
  const { blocks: b, actions: a } = ExpectationsModal;
  const otherHope = hopeOf(view, other);
  return {
    type: 'modal',
    callback_id: ExpectationsModal.callbackId,
    private_metadata: encodeMetadata({ pairId: view.pairId }),
    title: plain('Expectations', 24),
    submit: plain(view.state.kind === 'none' ? 'Propose' : 'Save and send', 24),
    close: plain('Cancel', 24),
    blocks: [
      {
        type: 'section',
        text: mrkdwn(`Agree with ${mention(other)} on how you will work together. When you save, they are asked to confirm or amend.`),
      },
      state,
      textInput(
        b.betweenMeetings,
        a.betweenMeetings,
        TERMS[0][1],
        view.betweenMeetings,
        'e.g. a Slack thread for quick questions, a short update every Friday.',
      ),
      textInput(b.feedbackStyle, a.feedbackStyle, TERMS[1][1], view.feedbackStyle, 'e.g. direct and specific, in writing after each meeting.'),
      textInput(b.boundaries, a.boundaries, TERMS[2][1], view.boundaries, 'e.g. no messages after 18:00; what we discuss stays between us.'),
      textInput(b.myHope, a.myHope, 'What I hope to get from this mentorship', hopeOf(view, reader.userId), 'Your own: the other person writes theirs.'),
      {
        type: 'context',
        elements: [mrkdwn(`*What ${mention(other)} hopes to get:* ${otherHope ? escapeText(truncate(otherHope, 2800)) : '_not written yet_'}`)],
      },
    ],
  };
}

/** The button a dashboard offers for a pair's expectations, worded for where they stand. */
export function dashboardExpectationsButton(view: ExpectationsView, canChange: boolean, otherName: string): Button {
  const label = canChange && view.state.kind === 'none' ? 'Agree on expectations' : 'Expectations';
  // Every pair on the dashboard has one: a screen reader names whose it is.
  return { ...expectationsButton(view.pairId, label), accessibility_label: accessibilityLabel(`${label}: your mentorship with ${otherName}`) };
}

/**
 * The expectations on Home and in `/mentorship status`: where they stand and a short line per answer,
 * with Confirm beside Amend while they wait for the viewer. Nothing for an ended pair that never wrote any.
 */
export function dashboardExpectationsBlocks(
  view: ExpectationsView,
  viewer: { userId: string; zone: string; otherName: string },
  canChange: boolean,
): KnownBlock[] {
  if (!canChange && view.state.kind === 'none') return [];
  const summary = expectationsSummary(view, 150);
  const text = mrkdwn(`*Expectations* · ${expectationsStateText(view, viewer.userId, viewer.zone)}${summary ? `\n${summary}` : ''}`);
  const waitingForViewer = canChange && view.state.kind === 'proposed' && view.state.waitingFor === viewer.userId;
  if (!waitingForViewer) return [{ type: 'section', text, accessory: dashboardExpectationsButton(view, canChange, viewer.otherName) }];
  return [
    { type: 'section', text },
    { type: 'actions', elements: buttonsFor(view, viewer.userId, canChange) },
  ];
}
