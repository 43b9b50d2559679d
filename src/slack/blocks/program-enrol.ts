import type { KnownBlock, ModalView } from '@slack/types';
import type { Cadence } from '../../db/schema';
import { ENROL_MAX_LINES, ENROL_MEETING_MINUTES, ENROL_PROGRAM_MONTHS, type EnrolPair, FORMAT, type LineError } from '../../domain/program/enrolment';
import { firstMeetingInstant } from '../../domain/pairs/pair-rules';
import { formatInZone } from '../../domain/time/zoned';
import { ProgramEnrolModal, ProgramEnrolPreview } from '../ids';
import type { Message } from './help';
import { channelLink, escapeText, mention, mrkdwn, plain } from './text';

/** Slack's limit on a plain_text_input: with about 60 characters a line, 50 lines fit. */
const MAX_TEXT = 3000;

const RHYTHM: Record<Cadence, string> = { weekly: 'every week', biweekly: 'every two weeks', monthly: 'every month' };

/** The enrolment form: one multiline input. Errors come back under it, naming their lines; what was typed stays. */
export function enrolModal(): ModalView {
  const { blocks: b, actions: a } = ProgramEnrolModal;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        `One pair per line: *${FORMAT}*. People as @mentions or email addresses; the rhythm as *every week*, *every two weeks* or *every month*; ` +
          `the first meeting as a date and time (\`2027-01-11 10:00\`), read in the mentee's Slack time zone.`,
      ),
    },
    {
      type: 'input',
      block_id: b.lines,
      label: plain('Pairs'),
      element: {
        type: 'plain_text_input',
        action_id: a.lines,
        multiline: true,
        max_length: MAX_TEXT,
        placeholder: plain('@maria, theo@example.com, #mentoring, every two weeks, 2027-01-11 10:00', 150),
      },
      hint: plain(
        `Up to ${ENROL_MAX_LINES} pairs and ${MAX_TEXT.toLocaleString('en')} characters at a time (about 30 lines of email addresses); send a longer list in batches. Next you see what will be created, before anything is.`,
      ),
    },
    {
      type: 'context',
      elements: [
        mrkdwn(
          `Each pair starts at once, like a pair a coordinator sets up: both people get a welcome and may step out, and the goals channel gets an introduction. ` +
            `Meetings last ${ENROL_MEETING_MINUTES} minutes and the mentorship runs ${ENROL_PROGRAM_MONTHS} months; the pair can change either later.`,
        ),
      ],
    },
  ];
  return {
    type: 'modal',
    callback_id: ProgramEnrolModal.callbackId,
    title: plain('Enrol pairs', 24),
    submit: plain('Preview', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/**
 * What will be created, one block per line (50 lines: 52 blocks of Slack's 100). Only ids rendered
 * by Slack, the channel, the rhythm and the first meeting: no text anyone typed. Back is the close
 * button: Slack returns to the form beneath with its text as it was.
 */
export function enrolPreviewModal(pairs: readonly EnrolPair[], metadata: string): ModalView {
  const count = pairs.length;
  return {
    type: 'modal',
    callback_id: ProgramEnrolPreview.callbackId,
    private_metadata: metadata,
    title: plain('Enrol pairs: check', 24),
    submit: plain(count === 1 ? 'Create 1 pair' : `Create ${count} pairs`, 24),
    close: plain('Back', 24),
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          `*${count === 1 ? 'This pair' : `These ${count} pairs`} will start at once*, each with welcomes to both people and an introduction in its goals channel. ` +
            `Press Back to change the list; nothing is created until you press ${count === 1 ? 'Create 1 pair' : `Create ${count} pairs`}.`,
        ),
      },
      ...pairs.map((pair): KnownBlock => ({ type: 'section', text: mrkdwn(previewLine(pair)) })),
    ],
  };
}

function previewLine({ line, draft }: EnrolPair): string {
  const first = formatInZone(firstMeetingInstant(draft), draft.timeZone);
  return (
    `Line ${line}: ${mention(draft.mentorId)} mentors ${mention(draft.menteeId)} in ${channelLink(draft.goalsChannelId)}\n` +
    `${RHYTHM[draft.cadence]}, first meeting ${first} (${draft.timeZone}), ${ENROL_MEETING_MINUTES} minutes, for ${ENROL_PROGRAM_MONTHS} months`
  );
}

/** A non-coordinator's answer to a forged confirmation: the modal shows the refusal, nothing was created. */
export function enrolRefusedModal(message: string): ModalView {
  return {
    type: 'modal',
    callback_id: ProgramEnrolPreview.callbackId,
    title: plain('Enrol pairs', 24),
    close: plain('Close', 24),
    blocks: [{ type: 'section', text: mrkdwn(message) }],
  };
}

/** The coordinator's private answer once the batch is set up: how many started, and any line refused meanwhile. */
export function enrolDoneMessage(created: readonly EnrolPair[], refused: readonly LineError[]): Message {
  const started = `${created.length} ${created.length === 1 ? 'pair' : 'pairs'} started`;
  const text = refused.length === 0 ? `:white_check_mark: ${started}; the welcomes are on their way.` : `${started}; ${refused.length} not created:`;
  const lines = [...refused].sort((a, b) => a.line - b.line).map((e) => `• Line ${e.line}: ${escapeText(e.message)}`);
  return {
    text: `${started}.`,
    blocks: [{ type: 'section', text: mrkdwn([text, ...lines].join('\n')) }],
  };
}
