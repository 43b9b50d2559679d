import type { KnownBlock } from '@slack/types';
import type { AgendaItem } from '../../db/schema';
import type { AgendaDetails } from '../../domain/meetings/agenda.service';
import { otherMember } from '../../domain/pairs/membership';
import { formatInZone } from '../../domain/time/zoned';
import { OpenActions } from '../ids';
import { actionItemBlock } from './action-item-blocks';
import type { Message } from './help';
import { bullets, fitLines, meetingWhen } from './meeting-text';
import { escapeText, mention, mrkdwn, plain, truncate } from './text';

/** Carried action items shown with their own Done button; more than this are summarised in one line. */
const MAX_ACTION_BLOCKS = 15;

const ofKind = (items: readonly AgendaItem[], kind: AgendaItem['kind']) => items.filter((item) => item.kind === kind);

/** A typed link, rendered as a link whose label is escaped (the URL was checked when it was saved). */
const link = (item: AgendaItem): string => (item.url ? `<${item.url}|${escapeText(truncate(item.body, 200))}>` : escapeText(truncate(item.body, 200)));

/**
 * The readable agenda of a meeting, for one reader (times in their zone): what the mentee wants
 * feedback on, their achievement or challenge, topics, questions, what carries over (action items
 * with a Done button), the materials to look at beforehand and, near the end, the wrap-up. With
 * `update`, it opens with who added what. Reminders reuse it.
 */
export function agendaMessage(details: AgendaDetails, viewer: { userId: string; timeZone: string }, update?: { authorId: string; added: readonly AgendaItem[] }): Message {
  const { meeting, pair, items } = details;
  const other = otherMember(pair, viewer.userId);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(update ? 'Agenda updated' : 'Agenda for your next meeting', 150) }];
  blocks.push({ type: 'section', text: mrkdwn(`With ${mention(other)} · *${meetingWhen(meeting, viewer.timeZone)}*`) });
  if (update && update.added.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`:new: ${mention(update.authorId)} added:\n${bullets(update.added.map((item) => item.body), 200)}`, 3000) });
  }
  if (meeting.feedback_focus) blocks.push({ type: 'section', text: mrkdwn(`:dart: *Feedback wanted on:* ${escapeText(truncate(meeting.feedback_focus, 300))}`) });
  if (meeting.shared_highlight) blocks.push({ type: 'section', text: mrkdwn(`:sparkles: *Since last time:* ${escapeText(truncate(meeting.shared_highlight, 1000))}`) });
  pushList(blocks, 'Topics', ofKind(items, 'topic'));
  pushList(blocks, 'Questions', ofKind(items, 'question'));
  const carried = ofKind(items, 'carry_over');
  pushList(blocks, 'Carried over', carried.filter((item) => item.action_item_id === null));
  const actions = carried.map((item) => (item.action_item_id ? details.actionItems[item.action_item_id] : undefined)).filter((item) => item !== undefined);
  if (actions.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn('*Action items to review*') });
    blocks.push(...actions.slice(0, MAX_ACTION_BLOCKS).map((item) => actionItemBlock(item, { showOwner: true })));
    if (actions.length > MAX_ACTION_BLOCKS) blocks.push({ type: 'context', elements: [mrkdwn(`…and ${actions.length - MAX_ACTION_BLOCKS} more.`)] });
  }
  const materials = ofKind(items, 'material');
  if (materials.length > 0) blocks.push({ type: 'section', text: mrkdwn(`:books: *To look at before the meeting*\n${fitLines(materials.map((item) => `• ${link(item)}`))}`) });
  pushList(blocks, ':checkered_flag: Wrap-up', ofKind(items, 'wrap_up'));
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', action_id: OpenActions.prepareAgenda, value: meeting.id, text: plain('Add to the agenda', 75) }],
  });
  const verb = update ? `${mention(update.authorId)} updated the agenda` : 'Agenda';
  return { text: `${verb} for your meeting of ${formatInZone(meeting.scheduled_at, viewer.timeZone)}.`, blocks };
}

/** A few lines summing up the agenda so far (for the modal, where it is read-only). Empty when there is nothing. */
export function agendaSummaryLines(details: Pick<AgendaDetails, 'items' | 'meeting'>): string {
  const lines = details.items.map((item) => `${LABELS[item.kind]}: ${item.body}`);
  if (details.meeting.feedback_focus) lines.unshift(`Feedback wanted on: ${details.meeting.feedback_focus}`);
  const shown = lines.slice(0, 12);
  const more = lines.length > shown.length ? `\n…and ${lines.length - shown.length} more` : '';
  return shown.length > 0 ? `${bullets(shown, 150)}${more}` : '';
}

const LABELS: Record<AgendaItem['kind'], string> = {
  topic: 'Topic',
  question: 'Question',
  feedback_area: 'Feedback area',
  highlight: 'Highlight',
  material: 'Link',
  carry_over: 'Carried over',
  wrap_up: 'Wrap-up',
};

function pushList(blocks: KnownBlock[], title: string, items: readonly AgendaItem[]): void {
  if (items.length === 0) return;
  blocks.push({ type: 'section', text: mrkdwn(`*${title}*\n${fitLines(items.map((item) => `• ${link(item)}`))}`) });
}
