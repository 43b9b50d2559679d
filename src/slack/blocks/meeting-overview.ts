import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { MeetingOverview } from '../../domain/meetings/meetings.service';
import { WRAP_UP_TOPICS } from '../../domain/meetings/wrap-up';
import { otherMember } from '../../domain/pairs/membership';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { MeetingActions, OpenActions } from '../ids';
import type { Message } from './help';
import { meetingWhen, ruleLine } from './meeting-text';
import { mention, mrkdwn, plain } from './text';

/** Pairs shown in one reply: each takes up to seven blocks, well under the 50 of a message. */
const MAX_PAIRS = 6;

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button', action_id: actionId, value, text: plain(text, 75), ...(style ? { style } : {}),
});

/** `/mentorship meeting`: each pair's next meeting in the viewer's zone, with what can be done about it. */
export function meetingOverviewMessage(overviews: readonly MeetingOverview[], viewer: { userId: string; timeZone: string }): Message {
  const blocks: KnownBlock[] = [];
  for (const [index, overview] of overviews.slice(0, MAX_PAIRS).entries()) {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...pairBlocks(overview, viewer));
  }
  const first = overviews[0];
  const text = first?.next
    ? `Your next meeting: ${formatInZone(first.next.scheduled_at, viewer.timeZone)}.`
    : 'No meeting is planned.';
  return { text, blocks };
}

function pairBlocks(overview: MeetingOverview, viewer: { userId: string; timeZone: string }): KnownBlock[] {
  const { pair, next, notesPending } = overview;
  const other = otherMember(pair, viewer.userId);
  const blocks: KnownBlock[] = [];
  if (!next) {
    const why = pair.status !== 'active'
      ? `This mentorship is ${pair.status}, so no meetings are planned.`
      : `No more meetings are planned: the mentorship's planned end is ${formatLocalDate(pair.planned_end_on)}.`;
    blocks.push({ type: 'section', text: mrkdwn(`*Your mentorship with ${mention(other)}*\n${why}`) });
  } else {
    const moved = next.rescheduled_from ? `\n_Moved from ${formatInZone(next.rescheduled_from, viewer.timeZone)}._` : '';
    blocks.push({
      type: 'section',
      text: mrkdwn(`*Your next meeting with ${mention(other)}*\n:calendar: *${meetingWhen(next, viewer.timeZone)}*${moved}`),
    });
    const agenda = overview.agendaItemCount > 0 ? `Agenda: ${overview.agendaItemCount} item${overview.agendaItemCount === 1 ? '' : 's'} so far.` : 'No agenda yet.';
    blocks.push({ type: 'context', elements: [mrkdwn(`You meet ${ruleLine(pair)}. ${agenda}`)] });
    if (overview.nearEnd) blocks.push(wrapUpSection(pair.planned_end_on));
    blocks.push(meetingButtons(next.id, pair.id, formatInZone(next.scheduled_at, viewer.timeZone)));
  }
  if (notesPending) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`:memo: Notes for the meeting of ${formatInZone(notesPending.scheduled_at, viewer.timeZone)} are not recorded yet.`),
      accessory: button('Record notes', OpenActions.recordNotes, notesPending.id),
    });
  }
  return blocks;
}

function meetingButtons(meetingId: string, pairId: string, when: string): ActionsBlock {
  const skip: Button = {
    ...button('Skip', MeetingActions.skip, meetingId, 'danger'),
    confirm: {
      title: plain('Skip this meeting?', 100),
      text: plain(`The meeting of ${when} will not take place; the one after it becomes your next meeting. The other person is told.`, 300),
      confirm: plain('Skip it', 30),
      deny: plain('Keep it', 30),
      style: 'danger',
    },
  };
  return {
    type: 'actions',
    elements: [
      button('Prepare agenda', OpenActions.prepareAgenda, meetingId, 'primary'),
      button('Reschedule', MeetingActions.reschedule, meetingId),
      skip,
      button('Change rhythm', MeetingActions.changeRule, pairId),
    ],
  };
}

/** The wrap-up suggestions shown near the planned end (docs/usage.md: "Near the planned end"). */
export function wrapUpSection(plannedEnd: string): KnownBlock {
  const topics = WRAP_UP_TOPICS.map((topic) => `• ${topic.text}`).join('\n');
  return {
    type: 'section',
    text: mrkdwn(`:checkered_flag: *Your mentorship is planned to end on ${formatLocalDate(plannedEnd)}.* Make room to wrap up:\n${topics}`),
  };
}
