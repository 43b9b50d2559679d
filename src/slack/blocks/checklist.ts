import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import { type ChecklistItem, type ChecklistState, checklistScore } from '../../domain/home/checklist';
import type { HomeSnapshot, PairSnapshot } from '../../domain/home/snapshot';
import { formatLocalDate, localDateIn } from '../../domain/time/zoned';
import { CHECKLIST_LABEL, checklistButton } from './home-buttons';
import { who, whom } from './home-format';
import { mrkdwn } from './text';

const ICON: Record<ChecklistState, string> = { done: '✅', todo: '⬜', waiting: '⏳' };

function detail(snapshot: HomeSnapshot, pair: PairSnapshot, item: ChecklistItem): string {
  const thanks = pair.latestAppreciation;
  // Only thanks said for the last meeting (at or after its start): an older one would contradict the line.
  const forLastMeeting = thanks && (!pair.lastHeld || thanks.createdAt.getTime() >= pair.lastHeld.scheduledAt.getTime());
  if (item.key === 'thanks' && thanks && forLastMeeting) {
    const on = formatLocalDate(localDateIn(thanks.createdAt, snapshot.viewerZone));
    return `${item.detail} Latest: ${who(snapshot, thanks.fromId)} thanked ${whom(snapshot, thanks.toId)} on ${on}.`;
  }
  return item.detail;
}

/** The full checklist: a title, then one line per item with the button that does it. */
export function checklistBlocks(snapshot: HomeSnapshot, pair: PairSnapshot, items: readonly ChecklistItem[]): KnownBlock[] {
  const score = checklistScore(items);
  const title: SectionBlock = { type: 'section', text: mrkdwn(`*Mentorship checklist*: ${score.done} of ${score.total} done`) };
  return [
    title,
    ...items.map((item): SectionBlock => {
      const button = item.state === 'todo' ? checklistButton(item, pair.pair.id, snapshot.names[pair.otherId]) : null;
      return {
        type: 'section',
        text: mrkdwn(`${ICON[item.state]} *${CHECKLIST_LABEL[item.key]}*\n${detail(snapshot, pair, item)}`),
        ...(button ? { accessory: button } : {}),
      };
    }),
  ];
}

/** The checklist in one block; its buttons go to the pair's actions row instead. */
export function checklistSummaryBlock(items: readonly ChecklistItem[]): SectionBlock {
  const score = checklistScore(items);
  const lines = items.map((item) => `${ICON[item.state]} ${CHECKLIST_LABEL[item.key]}`);
  return { type: 'section', text: mrkdwn(`*Mentorship checklist*: ${score.done} of ${score.total} done\n${lines.join('\n')}`) };
}

/** The buttons of the items still to do, for the compact layout. */
export function checklistTodoButtons(pair: PairSnapshot, items: readonly ChecklistItem[], other?: string): Button[] {
  return items.flatMap((item) => {
    const button = item.state === 'todo' ? checklistButton(item, pair.pair.id, other) : null;
    return button ? [button] : [];
  });
}
