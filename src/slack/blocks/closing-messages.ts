import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { CheckInNoteSent, ClosingSummary, PairEnded } from '../../domain/pairs/events';
import { formatLocalDate } from '../../domain/time/zoned';
import { PairLifeActions } from '../ids';
import type { Message } from './help';
import { inlineTyped, quoteTyped } from './quote';
import { mention, mrkdwn, plain } from './text';

/** The end of a pair and after: the closing summary, the channel's closing post, check-ins and their notes. */

function duration(summary: Pick<ClosingSummary, 'startedOn' | 'endedOn'>): string {
  const days = Math.max(1, Math.round(DateTime.fromISO(summary.endedOn).diff(DateTime.fromISO(summary.startedOn), 'days').days));
  const span = days >= 60 ? `about ${Math.round(days / 30.4)} months` : days >= 14 ? `${Math.round(days / 7)} weeks` : `${days} day${days === 1 ? '' : 's'}`;
  return `${formatLocalDate(summary.startedOn)} – ${formatLocalDate(summary.endedOn)} (${span})`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryLines(summary: ClosingSummary): string[] {
  const lines = [`*Duration:* ${duration(summary)}`, `*Meetings held:* ${summary.meetingsHeld}`];
  const achieved = summary.goalsAchieved.map((goal) => `• ${inlineTyped(goal.title, 120)}${goal.reflection ? `\n${quoteTyped(goal.reflection, 300)}` : ''}`);
  lines.push(achieved.length > 0 ? `*Goals achieved (${achieved.length}):*\n${achieved.join('\n')}` : '*Goals achieved:* none recorded.');
  if (summary.goalsOpen.length > 0) lines.push(`*Goals still open:*\n${summary.goalsOpen.map((title) => `• ${inlineTyped(title, 120)}`).join('\n')}`);
  const actions = summary.openActionItems;
  if (actions.total > 0)
    lines.push(
      `*Action items still open (${actions.total}):*\n${actions.shown.map((body) => `• ${inlineTyped(body, 120)}`).join('\n')}${actions.total > actions.shown.length ? '\n…' : ''}`,
    );
  const resources = summary.resourcesExplored;
  lines.push(
    resources.total > 0
      ? `*Resources explored (${resources.total}):* ${resources.shown.map((title) => inlineTyped(title, 80)).join(', ')}${resources.total > resources.shown.length ? ', …' : ''}`
      : '*Resources explored:* none recorded.',
  );
  lines.push(`*Feedback:* ${plural(summary.feedback.asked, 'request')} asked for, ${summary.feedback.applied} applied.`);
  return lines;
}

/**
 * The closing summary to one of the two, with the reflection prompt and the check-in choice. The
 * reason for an early end is shown to the person who gave it only.
 */
export function closingSummaryMessage(event: PairEnded, viewerId: string): Message {
  const otherId = viewerId === event.mentorId ? event.menteeId : event.mentorId;
  const how =
    event.endedBy === null
      ? `Your mentorship with ${mention(otherId)} has reached its planned end.`
      : event.endedBy === viewerId
        ? `You ended your mentorship with ${mention(otherId)}.`
        : `${mention(event.endedBy)} ended your mentorship.`;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Your mentorship: the closing summary', 150) },
    { type: 'section', text: mrkdwn(`${how} Here is what you did together.`) },
    ...chunked(summaryLines(event.summary)),
  ];
  if (event.reason && event.endedBy === viewerId)
    blocks.push({
      type: 'context',
      elements: [
        mrkdwn(`Your reason, kept private to you${event.coordinatorId ? ' and the coordinator who set the pair up' : ''}: ${inlineTyped(event.reason, 300)}`),
      ],
    });
  blocks.push(
    {
      type: 'section',
      text: mrkdwn(
        '*A closing reflection* (private to you): what you learned, what you will do next, your long-term goals, how you will stay in touch, and whether you would mentor someone yourself.',
      ),
      accessory: { type: 'button', text: plain('Write my reflection', 75), action_id: PairLifeActions.reflect, value: event.pairId, style: 'primary' },
    },
    {
      type: 'section',
      text: mrkdwn("*Staying in touch:* I'll check in by DM 1, 3 and 6 months from now, in your time zone, to ask how your long-term goals are going."),
      accessory: { type: 'button', text: plain('No check-ins, thanks', 75), action_id: PairLifeActions.stopCheckIns, value: event.pairId },
    },
  );
  return { text: `Your mentorship has ended: ${plural(event.summary.meetingsHeld, 'meeting')} held. Here is your closing summary.`, blocks };
}

/** Sections hold 3000 characters: the lines are grouped into as few sections as fit. */
function chunked(lines: readonly string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + line.length + 1 > 2900) {
      blocks.push({ type: 'section', text: mrkdwn(current) });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push({ type: 'section', text: mrkdwn(current) });
  return blocks;
}

/** The goals channel's closing post: counts only, nothing private. */
export function closingPost(event: PairEnded): Message {
  const achieved = event.summary.goalsAchieved.length;
  const text = `${mention(event.menteeId)} and ${mention(event.mentorId)} have completed their mentorship: ${plural(event.summary.meetingsHeld, 'meeting')}, ${plural(achieved, 'goal')} achieved. Thank you both, and good luck with what comes next!`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:tada: ${text}`) }] };
}

/** To the coordinator who set the pair up, when one of the two stepped out. */
export function coordinatorEndNotice(event: PairEnded): Message {
  const reason = event.reason ? ` Their reason (private to them and you): ${inlineTyped(event.reason, 300)}` : '';
  const text = `${mention(event.endedBy ?? '')} ended the mentorship of ${mention(event.menteeId)} with ${mention(event.mentorId)} that you set up.${reason}`;
  return { text: 'A mentorship you set up has ended early.', blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

export interface CheckInView {
  pairId: string;
  otherId: string;
  months: number;
  longTermGoals: string | null;
  zone: string;
}

/** A stay-in-touch check-in, 1, 3 or 6 months after the end. */
export function checkInMessage(view: CheckInView): Message {
  const since = view.months === 1 ? 'a month' : `${view.months} months`;
  const goals = view.longTermGoals ? `\nYour long-term goals, as you wrote them:\n${quoteTyped(view.longTermGoals, 800)}` : '';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(`:wave: It's been ${since} since your mentorship with ${mention(view.otherId)} ended. How are your long-term goals going?${goals}`),
    },
    {
      type: 'actions',
      elements: [
        { type: 'button', text: plain('Send them a note', 75), action_id: PairLifeActions.checkInNote, value: view.pairId, style: 'primary' },
        { type: 'button', text: plain('Stop check-ins', 75), action_id: PairLifeActions.stopCheckIns, value: view.pairId },
      ],
    },
    { type: 'context', elements: [mrkdwn(`Check-ins come in your time zone (${view.zone}), never between 21:00 and 08:00.`)] },
  ];
  return { text: `It's been ${since} since your mentorship ended: how are your long-term goals going?`, blocks };
}

export function checkInNoteMessage(event: CheckInNoteSent): Message {
  return {
    text: `A note from <@${event.fromId}>, staying in touch after your mentorship.`,
    blocks: [
      {
        type: 'section',
        text: mrkdwn(`:envelope: ${mention(event.fromId)} sent you a note, staying in touch after your mentorship:\n${quoteTyped(event.note, 1000)}`),
      },
    ],
  };
}
