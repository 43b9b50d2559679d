import type { KnownBlock } from '@slack/types';
import type { Cadence } from '../../db/schema';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { COMMAND, PairLifeActions } from '../ids';
import { expectationsButton } from './expectations';
import type { Message } from './help';
import { channelLink, mention, mrkdwn, plain } from './text';

const CADENCE_WORDS: Record<Cadence, string> = {
  weekly: 'every week',
  biweekly: 'every two weeks',
  monthly: 'every month',
};

/** The habits as each person lives them: the mentee drafts goals and asks for feedback, the mentor approves and answers. */
const HABITS: Record<'mentor' | 'mentee', readonly string[]> = {
  mentee: [
    '*3-5 goals with target dates*, shared in the goals channel for your mentor to approve',
    '*An agenda before each meeting*: topics, one achievement or challenge, links to look at',
    '*One feedback request per meeting*, on one specific area, and how you applied it',
    '*Two learning resources* explored between sessions',
    '*A thank-you* at the end of each session',
  ],
  mentor: [
    '*3-5 goals with target dates*, drafted by your mentee and shared in the goals channel for you to approve',
    '*An agenda before each meeting*: your mentee prepares it, you get it before you meet',
    '*One feedback request per meeting* from your mentee, on one specific area, for you to answer',
    '*Two learning resources* explored between sessions',
    '*A few words on their progress* at the end of each session',
  ],
};

/** A new pair, as its welcome and introduction show it. */
export interface NewPairView {
  pairId: string;
  mentorId: string;
  menteeId: string;
  cadence: Cadence;
  meetingMinutes: number;
  /** 'YYYY-MM-DD' */
  plannedEndOn: string;
  firstMeetingAt: Date;
  /** Who set the pair up: a coordinator's pair (neither of the two) offers each person to step out. */
  createdBy?: string;
}

/** The welcome DM to `viewer`, with the first meeting in their own zone. */
export function welcomeMessage(pair: NewPairView, viewer: { userId: string; timeZone: string }): Message {
  const isMentor = viewer.userId === pair.mentorId;
  const other = isMentor ? pair.menteeId : pair.mentorId;
  const role = isMentor ? `You are now mentoring ${mention(other)}.` : `${mention(other)} is now your mentor.`;
  const when = formatInZone(pair.firstMeetingAt, viewer.timeZone);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Welcome to your mentorship', 150) },
    {
      type: 'section',
      text: mrkdwn(
        `${role} You meet ${CADENCE_WORDS[pair.cadence]} for ${pair.meetingMinutes} minutes; the first meeting is *${when}*. The mentorship runs until ${formatLocalDate(pair.plannedEndOn)}.`,
      ),
    },
    {
      type: 'section',
      text: mrkdwn(
        `*First, agree on expectations* with ${mention(other)}: how and how often you talk between meetings, how you like feedback, boundaries and confidentiality, and what each of you hopes to get. One of you proposes them; the other confirms or amends.`,
      ),
      accessory: expectationsButton(pair.pairId, 'Agree on expectations', true),
    },
    {
      type: 'section',
      text: mrkdwn(`*How I help you keep the habits that make mentoring work*\n${HABITS[isMentor ? 'mentor' : 'mentee'].map((h) => `• ${h}`).join('\n')}`),
    },
    ...stepOut(pair),
    {
      type: 'context',
      elements: [
        mrkdwn(
          `Start with \`${COMMAND} goals\`${isMentor ? ' (your mentee drafts them, you approve them)' : ''}. \`${COMMAND} help\` lists everything; reminders come in your own time zone.`,
        ),
      ],
    },
  ];
  return { text: `Welcome to your mentorship. First meeting: ${when}.`, blocks };
}

/**
 * A coordinator paired these two without asking them first, so each may step out: the button opens
 * the same End form as /mentorship status (the reason stays with them and that coordinator, who is told).
 */
function stepOut(pair: NewPairView): KnownBlock[] {
  const { createdBy } = pair;
  if (!createdBy || createdBy === pair.mentorId || createdBy === pair.menteeId) return [];
  return [
    {
      type: 'section',
      text: mrkdwn(
        `${mention(createdBy)} set up this pair for the mentorship program. If it isn't right for you, you can step out; ${mention(createdBy)} will be told.`,
      ),
      accessory: { type: 'button', text: plain('Step out', 75), action_id: PairLifeActions.end, value: pair.pairId },
    },
  ];
}

export function channelIntroMessage(pair: NewPairView): Message {
  const text = `${mention(pair.menteeId)} and ${mention(pair.mentorId)} are starting a mentorship. Goals will be shared here for ${mention(pair.mentorId)} to approve.`;
  return {
    text,
    blocks: [
      { type: 'section', text: mrkdwn(`:seedling: ${text}`) },
      { type: 'context', elements: [mrkdwn(`They meet ${CADENCE_WORDS[pair.cadence]} until ${formatLocalDate(pair.plannedEndOn)}.`)] },
    ],
  };
}

export function introFailedMessage(channelId: string): Message {
  const text = `The pair is set up, but I couldn't post the introduction in ${channelLink(channelId)}. Invite me there (\`/invite @Mentorship\`) so goals can be shared in it.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:warning: ${text}`) }] };
}
