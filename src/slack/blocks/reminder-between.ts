import type { KnownBlock } from '@slack/types';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { OpenActions } from '../ids';
import type { Message } from './help';
import { actionsBlock, button, footer, type ListedAction, section } from './reminder-parts';
import { escapeText, mention, truncate } from './text';

/** Reminders between sessions: they keep the habits going when there is no meeting to prepare. */
const ZONE_NOTE = (zone: string) => `Reminders come in your time zone (${zone}), never between 21:00 and 08:00.`;

export interface MidCycleView {
  pairId: string;
  meetingId: string;
  otherId: string;
  meetingAt: Date;
  zone: string;
  resources: { total: number; explored: number };
}

export function midCycleNudge(view: MidCycleView): Message {
  const when = formatInZone(view.meetingAt, view.zone);
  const explored =
    view.resources.total === 0
      ? 'none added yet'
      : `${view.resources.explored} of ${view.resources.total} resource${view.resources.total === 1 ? '' : 's'} explored so far`;
  return {
    text: 'Half-way to your next mentorship meeting: two learning resources, and one achievement or challenge to share.',
    blocks: [
      section(
        `:books: Half-way to your next meeting with ${mention(view.otherId)} (${when}). Two habits for between sessions:\n• *Explore two learning resources* and note one takeaway from each (${explored}).\n• *Pick one achievement or challenge to share* and put it on the agenda.\nAnd a quick update keeps ${mention(view.otherId)} in the loop until you meet.`,
      ),
      actionsBlock([
        button('Send an update', OpenActions.sendUpdate, view.pairId),
        button('Add a resource', OpenActions.addResource, view.pairId),
        button('Prepare agenda', OpenActions.prepareAgenda, view.meetingId, 'primary'),
      ]),
      ...footer(ZONE_NOTE(view.zone)),
    ],
  };
}

export interface ActionsDueView {
  dueOn: string;
  zone: string;
  items: readonly ListedAction[];
}

const MAX_DUE_ITEMS = 10;

/** The day before: the recipient's own action items due tomorrow, each with a button to tick it off. */
export function actionsDueTomorrow(view: ActionsDueView): Message {
  const items = view.items.slice(0, MAX_DUE_ITEMS);
  const blocks: KnownBlock[] = [section(`:alarm_clock: *Due tomorrow, ${formatLocalDate(view.dueOn)}*`)];
  for (const item of items) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `• ${escapeText(truncate(item.body, 300))}` },
      accessory: button('Mark done', OpenActions.tickActionItem, item.id, undefined, `Mark done: ${item.body}`),
    });
  }
  if (view.items.length > items.length) blocks.push(section(`_…and ${view.items.length - items.length} more._`));
  blocks.push(...footer(ZONE_NOTE(view.zone)));
  return { text: `${view.items.length} action item${view.items.length === 1 ? '' : 's'} due tomorrow.`, blocks };
}

export interface GoalTargetView {
  title: string;
  targetDate: string;
  daysLeft: number;
  zone: string;
}

export function goalTargetNear(view: GoalTargetView): Message {
  const inDays = view.daysLeft === 1 ? 'tomorrow' : `in ${view.daysLeft} days`;
  return {
    text: `A goal's target date is ${inDays}.`,
    blocks: [
      section(
        `:dart: Your goal *${escapeText(truncate(view.title, 150))}* has its target date ${inDays} (${formatLocalDate(view.targetDate)}). Check its key results and milestones, and bring what is left to your next meeting.`,
      ),
      ...footer(ZONE_NOTE(view.zone)),
    ],
  };
}

export interface WrapUpView {
  otherId: string;
  role: 'mentor' | 'mentee';
  plannedEndOn: string;
  zone: string;
}

export function wrapUpPrompt(view: WrapUpView): Message {
  const lead =
    view.role === 'mentee'
      ? `Your mentorship with ${mention(view.otherId)} is planned to end on ${formatLocalDate(view.plannedEndOn)}.`
      : `Your mentorship of ${mention(view.otherId)} is planned to end on ${formatLocalDate(view.plannedEndOn)}.`;
  return {
    text: 'Your mentorship ends soon: time to plan the wrap-up.',
    blocks: [
      section(
        `:checkered_flag: ${lead} Time to plan the wrap-up: review each goal and what was achieved, share what you learned, thank each other, and agree what comes next.`,
      ),
      ...footer(ZONE_NOTE(view.zone)),
    ],
  };
}
