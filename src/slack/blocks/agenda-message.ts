import type { KnownBlock } from '@slack/types';
import type { AgendaItemKind } from '../../db/schema';
import { type AgendaEntry, type AgendaView, otherOf } from '../../domain/meetings/views';
import { formatInZone } from '../../domain/time/zoned';
import { OpenActions } from '../ids';
import { actionItemBlock } from './action-item-blocks';
import type { Message } from './help';
import { bullets, fitLines, meetingWhen } from './meeting-text';
import { escapeText, mention, mrkdwn, plain, truncate, accessibilityLabel } from './text';

/** Carried action items shown with their own Done button; more than this are summarised in one line. */
const MAX_ACTION_BLOCKS = 15;

const ofKind = (items: readonly AgendaEntry[], kind: AgendaItemKind) => items.filter((item) => item.kind === kind);

/** A typed link, rendered as a link whose label is escaped (the URL was checked when it was saved). */
const link = (item: AgendaEntry): string => (item.url ? `<${item.url}|${escapeText(truncate(item.body, 200))}>` : escapeText(truncate(item.body, 200)));

/**
 * The readable agenda of a meeting, for one reader (times in their zone): what the mentee wants
 * feedback on, their achievement or challenge, topics, questions, what carries over (action items
 * with a Done button), the materials to look at beforehand and, near the end, the wrap-up. With
 * `update`, it opens with who added what. Reminders reuse it.
 */
export function agendaMessage(agenda: AgendaView, reader: { userId: string; zone: string }, update?: { authorId: string; added: readonly string[] }): Message {
  const { meeting, items } = agenda;
  const other = otherOf(agenda, reader.userId);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(update ? 'Agenda updated' : 'Agenda for your next meeting', 150) }];
  blocks.push({ type: 'section', text: mrkdwn(`With ${mention(other)} · *${meetingWhen(meeting, reader.zone)}*`) });
  if (update && update.added.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(`:new: ${mention(update.authorId)} added:\n${bullets(update.added, 200)}`, 3000) });
  }
  if (agenda.feedbackFocus) blocks.push({ type: 'section', text: mrkdwn(`:dart: *Feedback wanted on:* ${escapeText(truncate(agenda.feedbackFocus, 300))}`) });
  if (agenda.highlight) blocks.push({ type: 'section', text: mrkdwn(`:sparkles: *Since last time:* ${escapeText(truncate(agenda.highlight, 1000))}`) });
  pushList(blocks, 'Topics', ofKind(items, 'topic'));
  pushList(blocks, 'Questions', ofKind(items, 'question'));
  const carried = ofKind(items, 'carry_over');
  pushList(
    blocks,
    'Carried over',
    carried.filter((item) => item.actionItemId === null),
  );
  const actions = carried.map((item) => (item.actionItemId ? agenda.actionItems[item.actionItemId] : undefined)).filter((item) => item !== undefined);
  if (actions.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn('*Action items to review*') });
    blocks.push(...actions.slice(0, MAX_ACTION_BLOCKS).map((item) => actionItemBlock(item, { showOwner: true })));
    if (actions.length > MAX_ACTION_BLOCKS) blocks.push({ type: 'context', elements: [mrkdwn(`…and ${actions.length - MAX_ACTION_BLOCKS} more.`)] });
  }
  const materials = ofKind(items, 'material');
  if (materials.length > 0)
    blocks.push({ type: 'section', text: mrkdwn(`:books: *To look at before the meeting*\n${fitLines(materials.map((item) => `• ${link(item)}`))}`) });
  pushList(blocks, ':checkered_flag: Wrap-up', ofKind(items, 'wrap_up'));
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: OpenActions.prepareAgenda,
        value: meeting.id,
        text: plain('Add to the agenda', 75),
        accessibility_label: accessibilityLabel(`Add to the agenda of the meeting of ${formatInZone(meeting.at, reader.zone)}`),
      },
    ],
  });
  const verb = update ? `${mention(update.authorId)} updated the agenda` : 'Agenda';
  return { text: `${verb} for your meeting of ${formatInZone(meeting.at, reader.zone)}.`, blocks };
}

/** A few lines summing up the agenda so far (for the modal, where it is read-only). Empty when there is nothing. */
export function agendaSummaryLines(agenda: Pick<AgendaView, 'items' | 'feedbackFocus'>): string {
  const lines = agenda.items.map((item) => `${LABELS[item.kind]}: ${item.body}`);
  if (agenda.feedbackFocus) lines.unshift(`Feedback wanted on: ${agenda.feedbackFocus}`);
  const shown = lines.slice(0, 12);
  const more = lines.length > shown.length ? `\n…and ${lines.length - shown.length} more` : '';
  return shown.length > 0 ? `${bullets(shown, 150)}${more}` : '';
}

const LABELS: Record<AgendaItemKind, string> = {
  topic: 'Topic',
  question: 'Question',
  feedback_area: 'Feedback area',
  highlight: 'Highlight',
  material: 'Link',
  carry_over: 'Carried over',
  wrap_up: 'Wrap-up',
};

function pushList(blocks: KnownBlock[], title: string, items: readonly AgendaEntry[]): void {
  if (items.length === 0) return;
  blocks.push({ type: 'section', text: mrkdwn(`*${title}*\n${fitLines(items.map((item) => `• ${link(item)}`))}`) });
}
