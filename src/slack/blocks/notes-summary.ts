import type { KnownBlock } from '@slack/types';
import type { NotesSummary } from '../../domain/meetings/notes.service';
import { otherMember } from '../../domain/pairs/membership';
import { formatInZone } from '../../domain/time/zoned';
import { actionItemsSummaryBlocks } from './action-item-blocks';
import type { Message } from './help';
import { bullets, meetingWhen } from './meeting-text';
import { escapeText, mention, mrkdwn, plain, truncate } from './text';

/**
 * The summary both people get after notes are recorded: the same content for both (takeaways, action
 * items by owner with due dates and a Done button each, feedback and how it will be applied), each with
 * times in the reader's own zone.
 */
export function notesSummaryMessage(summary: NotesSummary, viewer: { userId: string; timeZone: string }): Message {
  const { meeting, pair } = summary;
  const recordedBy = meeting.notes_recorded_by ? ` · notes by ${mention(meeting.notes_recorded_by)}` : '';
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Meeting notes', 150) },
    { type: 'section', text: mrkdwn(`With ${mention(otherMember(pair, viewer.userId))} · ${meetingWhen(meeting, viewer.timeZone)}${recordedBy}`) },
    { type: 'section', text: mrkdwn(`*Key takeaways*\n${escapeText(truncate(meeting.takeaways ?? '', 2800))}`) },
    ...actionItemsSummaryBlocks(summary.actionItems, pair),
  ];
  if (meeting.feedback_received) {
    const applied = meeting.feedback_application ? `\n*How it will be applied*\n${escapeText(truncate(meeting.feedback_application, 1300))}` : '';
    blocks.push({ type: 'section', text: mrkdwn(`*Feedback received*\n${escapeText(truncate(meeting.feedback_received, 1300))}${applied}`) });
  }
  if (summary.notCovered.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`*Not covered: offered on the next agenda*\n${bullets(summary.notCovered.map((item) => item.body), 150)}`) });
  }
  const next = summary.next ? `Next meeting: ${formatInZone(summary.next.scheduled_at, viewer.timeZone)}.` : 'No further meeting is planned.';
  blocks.push({ type: 'context', elements: [mrkdwn(`${next} Tick an action item when it is done.`)] });
  return { text: `Notes from your meeting of ${formatInZone(meeting.scheduled_at, viewer.timeZone)}: ${summary.actionItems.length} action item(s).`, blocks };
}
