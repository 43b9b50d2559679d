import type { HomeView, KnownBlock } from '@slack/types';
import type { HomeSnapshot } from '../../domain/home/snapshot';
import { formatInZone } from '../../domain/time/zoned';
import { COMMAND, HomeActions } from '../ids';
import type { ProgramSummary } from '../../domain/program/overview';
import { type Level, pairBlocks } from './home-pair';
import { programHomeBlocks } from './program-home';
import { mrkdwn, plain } from './text';

/** Slack's limits: 100 blocks in a Home tab, 50 in a message. */
export const HOME_MAX_BLOCKS = 100;
export const MESSAGE_MAX_BLOCKS = 50;

const LEVELS: readonly Level[] = ['full', 'compact', 'minimal'];

/** The dashboard; a coordinator's starts with the program at a glance (`program`: their counts). */
export function homeView(snapshot: HomeSnapshot, program?: ProgramSummary | null): HomeView {
  const head = program ? programHomeBlocks(program) : [];
  return { type: 'home', blocks: [...head, ...dashboardBlocks(snapshot, HOME_MAX_BLOCKS - head.length)] };
}

/**
 * The dashboard within `maxBlocks`. Pairs come soonest-meeting first; each gets the richest layout
 * that still leaves room for every later pair at its smallest, so the pair that matters next shows
 * the most. If even the smallest layouts do not fit, the last pairs are named as left out.
 */
export function dashboardBlocks(snapshot: HomeSnapshot, maxBlocks: number): KnownBlock[] {
  if (snapshot.pairs.length === 0) return noPairBlocks();
  const head = headBlocks(snapshot);
  const minimal = snapshot.pairs.map((pair) => pairBlocks(snapshot, pair, 'minimal'));
  let room = maxBlocks - head.length;
  // How many pairs fit at all (keeping one block for the note about the others).
  let fitting = snapshot.pairs.length;
  const total = (n: number) => minimal.slice(0, n).reduce((sum, blocks) => sum + blocks.length, 0);
  if (total(fitting) > room) {
    room -= 1;
    while (fitting > 0 && total(fitting) > room) fitting -= 1;
  }
  const body: KnownBlock[] = [];
  for (let i = 0; i < fitting; i += 1) {
    const reserve = minimal.slice(i + 1, fitting).reduce((sum, blocks) => sum + blocks.length, 0);
    const pair = snapshot.pairs[i]!;
    const chosen =
      LEVELS.map((level) => (level === 'minimal' ? minimal[i]! : pairBlocks(snapshot, pair, level))).find((blocks) => blocks.length + reserve <= room) ??
      minimal[i]!;
    body.push(...chosen);
    room -= chosen.length;
  }
  if (body.at(-1)?.type === 'divider') body.pop();
  const hidden = snapshot.pairs.length - fitting;
  if (hidden > 0)
    body.push({
      type: 'context',
      elements: [mrkdwn(`… and ${hidden} more ${hidden === 1 ? 'mentorship' : 'mentorships'} with later meetings, not shown for lack of space.`)],
    });
  return [...head, ...body];
}

function headBlocks(snapshot: HomeSnapshot): KnownBlock[] {
  const count = snapshot.pairs.length;
  const pairs = count === 1 ? 'your mentorship' : `your ${count} mentorships, next meeting first`;
  return [
    { type: 'header', text: plain('Your mentorship at a glance', 150) },
    {
      type: 'context',
      elements: [
        mrkdwn(
          `Here is ${pairs}. Times are in your time zone, ${snapshot.viewerZone}; updated ${formatInZone(snapshot.now, snapshot.viewerZone)}. \`${COMMAND} help\` lists everything.`,
        ),
      ],
    },
  ];
}

/** Someone in no pair: what the bot is for and how to start. */
export function noPairBlocks(): KnownBlock[] {
  return [
    { type: 'header', text: plain('Welcome to Mentorship', 150) },
    {
      type: 'section',
      text: mrkdwn(
        `You're not in a mentorship pair yet. Anyone can start one: pick a mentor, a mentee and a goals channel, and I'll welcome you both, ` +
          `remind you before each meeting and keep your goals, notes and action items here. You can also type \`${COMMAND} pair\`.`,
      ),
    },
    {
      type: 'actions',
      elements: [{ type: 'button', action_id: HomeActions.startPair, text: plain('Start a mentorship pair', 75), style: 'primary', value: 'start' }],
    },
    {
      type: 'context',
      elements: [
        mrkdwn(
          'Mentoring pays off with small habits: 3-5 goals, an agenda before each meeting, one feedback request per meeting, two resources between sessions, and a thank-you at the end.',
        ),
      ],
    },
  ];
}
