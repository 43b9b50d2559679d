import type { KnownBlock } from '@slack/types';
import { formatInZone } from '../../domain/time/zoned';
import { OpenActions, ReminderActions } from '../ids';
import { expectationsButton } from './expectations';
import type { Message } from './help';
import { actionLines, actionsBlock, agendaLines, button, describeLead, footer, type ListedAction, section } from './reminder-parts';
import { escapeText, mention, truncate } from './text';

/** What a reminder about one meeting shows; every time is in the reader's zone. */
export interface MeetingReminderView {
  reminderId: string;
  meetingId: string;
  pairId: string;
  otherId: string;
  meetingAt: Date;
  zone: string;
  leadMinutes: number;
  agenda: ReadonlyArray<{ kind: string; body: string; actionItemId?: string | null }>;
  /** Someone already shared the agenda: the nudge offers to add to it instead of asking for it. */
  agendaShared: boolean;
  feedbackFocus: string | null;
  openActions: readonly ListedAction[];
  /** The pair's first meeting: the nudge also offers the expectations form. */
  firstMeeting: boolean;
}

const ZONE_NOTE = (zone: string) => `Reminders come in your time zone (${zone}), never between 21:00 and 08:00.`;

/**
 * To the mentee: the meeting time, the agenda so far, open action items; prepare, snooze or skip.
 * Once the agenda is shared it says so and offers to add to it (no snooze: there is nothing left to
 * be reminded of). An action item carried onto the agenda is listed there only, not again as open.
 */
export function prepNudge(view: MeetingReminderView): Message {
  const when = formatInZone(view.meetingAt, view.zone);
  const carried = new Set(view.agenda.map((item) => item.actionItemId).filter((id) => id));
  const otherOpen = view.openActions.filter((item) => !carried.has(item.id));
  const focus = view.feedbackFocus ? `\n• _Feedback on:_ ${escapeText(truncate(view.feedbackFocus, 200))}` : '';
  const blocks: KnownBlock[] = view.agendaShared
    ? [
        section(
          `:white_check_mark: *Your meeting with ${mention(view.otherId)} is ${when}.* Your agenda is already shared with them. Did something come up since? Add it to the agenda.`,
        ),
        section(`*Your agenda*\n${view.agenda.length ? agendaLines(view.agenda) : ''}${focus}`.trim()),
      ]
    : [
        section(
          `:spiral_note_pad: *Your meeting with ${mention(view.otherId)} is ${when}.* Time to prepare the agenda: a topic or two, one achievement or challenge to share, and the one area you want feedback on.`,
        ),
        section(view.agenda.length ? `*On the agenda so far*\n${agendaLines(view.agenda)}` : '*On the agenda so far*\n_Nothing yet._'),
      ];
  if (otherOpen.length) blocks.push(section(`*${carried.size ? 'Other open action items' : 'Open action items'}*\n${actionLines(otherOpen)}`));
  const prepare = view.agendaShared
    ? button('Add to the agenda', OpenActions.prepareAgenda, view.meetingId, 'primary', `Add to the agenda of the meeting of ${when}`)
    : button('Prepare agenda', OpenActions.prepareAgenda, view.meetingId, 'primary', `Prepare the agenda of the meeting of ${when}`);
  blocks.push(
    actionsBlock([
      prepare,
      ...(view.firstMeeting ? [expectationsButton(view.pairId, 'Agree on expectations')] : []),
      ...(view.agendaShared
        ? []
        : [button('Snooze 2 hours', ReminderActions.snooze, view.reminderId, undefined, `Remind me again in 2 hours about the meeting of ${when}`)]),
      {
        ...button('Skip this meeting', ReminderActions.skip, view.meetingId),
        confirm: {
          title: { type: 'plain_text', text: 'Skip this meeting?' },
          text: { type: 'mrkdwn', text: 'Its reminders are cancelled and your mentor is told by DM.' },
          confirm: { type: 'plain_text', text: 'Skip it' },
          deny: { type: 'plain_text', text: 'Keep it' },
        },
      },
    ]),
    ...footer(`Sent ${describeLead(view.leadMinutes)} before each meeting. ${ZONE_NOTE(view.zone)}`),
  );
  const text = view.agendaShared ? `Your mentorship meeting is ${when}; your agenda is shared.` : `Your mentorship meeting is ${when}: prepare the agenda.`;
  return { text, blocks };
}

/** To the mentor: a shorter heads-up with the agenda so far. */
export function prepHeadsUp(view: MeetingReminderView): Message {
  const when = formatInZone(view.meetingAt, view.zone);
  const agenda = view.agenda.length ? agendaLines(view.agenda, 5) : `_Nothing yet; ${mention(view.otherId)} is preparing it._`;
  return {
    text: `Heads-up: you meet your mentee ${when}.`,
    blocks: [section(`:wave: Heads-up: you meet ${mention(view.otherId)} *${when}*.\n*Agenda so far*\n${agenda}`), ...footer(ZONE_NOTE(view.zone))],
  };
}

/** At the end of the meeting: a thank-you, to the mentee for the session, to the mentor about the mentee's progress. */
export function thanksPrompt(view: MeetingReminderView, role: 'mentor' | 'mentee'): Message {
  const text =
    role === 'mentee'
      ? `:pray: How did today's session with ${mention(view.otherId)} go? A short thank-you, naming one thing that helped, keeps mentoring a two-way street.`
      : `:seedling: Anything ${mention(view.otherId)} did well lately? A few words about their progress go a long way.`;
  return {
    text: role === 'mentee' ? 'Say thanks to your mentor for today’s session.' : 'Tell your mentee about their progress.',
    blocks: [section(text), actionsBlock([button('Say thanks', OpenActions.sayThanks, view.pairId, 'primary')]), ...footer(ZONE_NOTE(view.zone))],
  };
}

/** An hour after the end: record the notes (takeaways, feedback, action items). */
export function notesPrompt(view: MeetingReminderView): Message {
  const when = formatInZone(view.meetingAt, view.zone);
  return {
    text: 'Record the notes of your mentorship meeting.',
    blocks: [
      section(
        `:memo: Your meeting with ${mention(view.otherId)} (${when}) is over. Record the notes while they are fresh: takeaways, the feedback received, and the action items. Either of you can do it; both get the summary.`,
      ),
      actionsBlock([button('Record notes', OpenActions.recordNotes, view.meetingId, 'primary')]),
      ...footer(ZONE_NOTE(view.zone)),
    ],
  };
}

/** A day after the end, when nobody recorded notes: what was on the agenda and what is still open. */
export function notesMissingSummary(view: MeetingReminderView): Message {
  const when = formatInZone(view.meetingAt, view.zone);
  const blocks: KnownBlock[] = [
    section(
      `:card_index_dividers: Nobody recorded notes for your meeting with ${mention(view.otherId)} (${when}). So nothing is dropped, here is where things stand.`,
    ),
    section(view.agenda.length ? `*What was on the agenda*\n${agendaLines(view.agenda)}` : '*What was on the agenda*\n_Nothing was on the agenda._'),
    section(view.openActions.length ? `*Action items still open*\n${actionLines(view.openActions)}` : '*Action items still open*\n_None._'),
    actionsBlock([button('Record notes', OpenActions.recordNotes, view.meetingId, 'primary')]),
    ...footer(ZONE_NOTE(view.zone)),
  ];
  return { text: 'No notes were recorded for your last mentorship meeting: here is the agenda and what is still open.', blocks };
}
