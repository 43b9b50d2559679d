import type { KnownBlock } from '@slack/types';
import { type NotesView, otherOf } from '../../domain/meetings/views';
import { formatInZone } from '../../domain/time/zoned';
import { actionItemsSummaryBlocks } from './action-item-blocks';
import { OpenActions } from '../ids';
import type { Message } from './help';
import { bullets, meetingWhen } from './meeting-text';
import { escapeText, mention, mrkdwn, plain, truncate } from './text';

/**
 * The summary both people get after notes are recorded: the same content for both (takeaways, action
 * items by owner with due dates and a Done button each, feedback and how it will be applied), each with
 * times in the reader's own zone.
 */
export function notesSummaryMessage(notes: NotesView, reader: { userId: string; zone: string }, options: { amendedBy?: string } = {}): Message {
  const { meeting } = notes;
  const recordedBy = notes.recordedBy ? ` · notes by ${mention(notes.recordedBy)}` : '';
  const amended = options.amendedBy ? ` · *amended by ${mention(options.amendedBy)}*` : '';
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(options.amendedBy ? 'Amended meeting notes' : 'Meeting notes', 150) },
    { type: 'section', text: mrkdwn(`With ${mention(otherOf(notes, reader.userId))} · ${meetingWhen(meeting, reader.zone)}${recordedBy}${amended}`) },
    { type: 'section', text: mrkdwn(`*Key takeaways*\n${escapeText(truncate(notes.takeaways, 2800))}`) },
    ...actionItemsSummaryBlocks(notes.actionItems, notes),
    ...unnamedOwnerBlocks(notes, reader.userId),
  ];
  if (notes.feedbackReceived) {
    const applied = notes.feedbackApplication ? `\n*How it will be applied*\n${escapeText(truncate(notes.feedbackApplication, 1300))}` : '';
    blocks.push({ type: 'section', text: mrkdwn(`*Feedback received*\n${escapeText(truncate(notes.feedbackReceived, 1300))}${applied}`) });
  }
  if (notes.notCovered.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`*Not covered: offered on the next agenda*\n${bullets(notes.notCovered, 150)}`) });
  }
  const next = notes.next ? `Next meeting: ${formatInZone(notes.next.at, reader.zone)}.` : 'No further meeting is planned.';
  blocks.push({ type: 'context', elements: [mrkdwn(`${next} Tick an action item when it is done.`)] });
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: OpenActions.amendNotes,
        value: meeting.id,
        text: plain('Amend notes', 75),
        accessibility_label: truncate(`Amend the notes of the meeting of ${formatInZone(meeting.at, reader.zone)}`, 75),
      },
    ],
  });
  const when = formatInZone(meeting.at, reader.zone);
  const text = options.amendedBy ? `Amended notes for your meeting of ${when}` : `Notes from your meeting of ${when}`;
  return { text: `${text}: ${notes.actionItems.length} action item(s).`, blocks };
}

/** Items typed without an owner are the writer's: the summary says so, so nobody wonders who took them on. */
function unnamedOwnerBlocks(notes: NotesView, readerId: string): KnownBlock[] {
  const ids = new Set(notes.unnamedOwnerItemIds ?? []);
  const items = notes.actionItems.filter((item) => ids.has(item.id));
  const writer = items[0]?.ownerId;
  if (!writer) return [];
  const whose = writer === readerId ? 'yours' : `${mention(writer)}'s`;
  const list = items.map((item) => `“${escapeText(truncate(item.body, 80))}”`).join(', ');
  return [{ type: 'context', elements: [mrkdwn(truncate(`${list}: ${whose}, since no owner was named.`, 2900))] }];
}
