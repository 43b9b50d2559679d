import type { KnownBlock } from '@slack/types';
import type { Pair } from '../../db/schema';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { COMMAND } from '../ids';
import type { Message } from './help';
import { channelLink, mention, mrkdwn, plain } from './text';

const CADENCE_WORDS: Record<Pair['cadence'], string> = {
  weekly: 'every week',
  biweekly: 'every two weeks',
  monthly: 'every month',
};

const HABITS = [
  '*3-5 goals with target dates*, shared in the goals channel for your mentor to approve',
  '*An agenda before each meeting*: topics, one achievement or challenge, links to look at',
  '*One feedback request per meeting*, on one specific area, and how you applied it',
  '*Two learning resources* explored between sessions',
  '*A thank-you* at the end of each session',
];

/** The welcome DM; `viewerZone` is the reader's own zone, so the time is shown in it. */
export function welcomeMessage(pair: Pair, viewer: { userId: string; timeZone: string }, firstMeetingAt: Date): Message {
  const isMentor = viewer.userId === pair.mentor_id;
  const other = isMentor ? pair.mentee_id : pair.mentor_id;
  const role = isMentor ? `You are now mentoring ${mention(other)}.` : `${mention(other)} is now your mentor.`;
  const when = formatInZone(firstMeetingAt, viewer.timeZone);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Welcome to your mentorship', 150) },
    {
      type: 'section',
      text: mrkdwn(`${role} You meet ${CADENCE_WORDS[pair.cadence]} for ${pair.meeting_minutes} minutes; the first meeting is *${when}*. The mentorship runs until ${formatLocalDate(pair.planned_end_on)}.`),
    },
    { type: 'section', text: mrkdwn(`*How I help you keep the habits that make mentoring work*\n${HABITS.map((h) => `• ${h}`).join('\n')}`) },
    {
      type: 'context',
      elements: [mrkdwn(`Start with \`${COMMAND} goals\`${isMentor ? ' (your mentee drafts them, you approve them)' : ''}. \`${COMMAND} help\` lists everything; reminders come in your own time zone.`)],
    },
  ];
  return { text: `Welcome to your mentorship. First meeting: ${when}.`, blocks };
}

export function channelIntroMessage(pair: Pair): Message {
  const text = `${mention(pair.mentee_id)} and ${mention(pair.mentor_id)} are starting a mentorship. Goals will be shared here for ${mention(pair.mentor_id)} to approve.`;
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(`:seedling: ${text}`) },
      { type: 'context', elements: [mrkdwn(`They meet ${CADENCE_WORDS[pair.cadence]} until ${formatLocalDate(pair.planned_end_on)}.`)] },
    ],
  };
}

export function introFailedMessage(channelId: string): Message {
  const text = `The pair is set up, but I couldn't post the introduction in ${channelLink(channelId)}. Invite me there (\`/invite @Mentorship\`) so goals can be shared in it.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:warning: ${text}`) }] };
}
