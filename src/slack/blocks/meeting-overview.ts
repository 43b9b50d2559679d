import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { MeetingsOverview, PairMeetings } from '../../domain/meetings/views';
import { WRAP_UP_TOPICS } from '../../domain/meetings/wrap-up';
import { formatInZone, formatLocalDate } from '../../domain/time/zoned';
import { MeetingActions, OpenActions } from '../ids';
import type { Message } from './help';
import { meetingWhen, ruleLine } from './meeting-text';
import { accessibilityLabel, mention, mrkdwn, plain } from './text';

/** Pairs shown in one reply: each takes up to seven blocks, well under the 50 of a message. */
const MAX_PAIRS = 6;

const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger', label?: string): Button => ({
  type: 'button',
  action_id: actionId,
  value,
  text: plain(text, 75),
  ...(style ? { style } : {}),
  ...(label ? { accessibility_label: accessibilityLabel(label) } : {}),
});

/** `/mentorship meeting`: each pair's next meeting in the viewer's zone, with what can be done about it. */
export function meetingOverviewMessage(overview: MeetingsOverview): Message {
  const zone = overview.viewerZone;
  const blocks: KnownBlock[] = [];
  for (const [index, pair] of overview.pairs.slice(0, MAX_PAIRS).entries()) {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...pairBlocks(pair, zone));
  }
  const first = overview.pairs[0];
  const text = first?.next ? `Your next meeting: ${formatInZone(first.next.at, zone)}.` : 'No meeting is planned.';
  return { text, blocks };
}

function pairBlocks(pair: PairMeetings, zone: string): KnownBlock[] {
  const { next, notesPending, otherId } = pair;
  const blocks: KnownBlock[] = [];
  if (!next) {
    const why =
      pair.status !== 'active'
        ? `This mentorship is ${pair.status}, so no meetings are planned.`
        : `No more meetings are planned: the mentorship's planned end is ${formatLocalDate(pair.plannedEndOn)}.`;
    blocks.push({ type: 'section', text: mrkdwn(`*Your mentorship with ${mention(otherId)}*\n${why}`) });
  } else {
    const moved = next.movedFrom ? `\n_Moved from ${formatInZone(next.movedFrom, zone)}._` : '';
    blocks.push({
      type: 'section',
      text: mrkdwn(`*Your next meeting with ${mention(otherId)}*\n:calendar: *${meetingWhen(next, zone)}*${moved}`),
    });
    const agenda = pair.agendaItemCount > 0 ? `Agenda: ${pair.agendaItemCount} item${pair.agendaItemCount === 1 ? '' : 's'} so far.` : 'No agenda yet.';
    blocks.push({ type: 'context', elements: [mrkdwn(`You meet ${ruleLine(pair.rhythm)}. ${agenda}`)] });
    if (pair.nearEnd) blocks.push(wrapUpSection(pair.plannedEndOn));
    blocks.push(meetingButtons(next.id, pair.pairId, formatInZone(next.at, zone)));
  }
  if (notesPending) {
    blocks.push({
      type: 'section',
      text: mrkdwn(`:memo: Notes for the meeting of ${formatInZone(notesPending.at, zone)} are not recorded yet.`),
      accessory: button(
        'Record notes',
        OpenActions.recordNotes,
        notesPending.id,
        undefined,
        `Record notes of the meeting of ${formatInZone(notesPending.at, zone)}`,
      ),
    });
  }
  return blocks;
}

function meetingButtons(meetingId: string, pairId: string, when: string): ActionsBlock {
  const skip: Button = {
    ...button('Skip', MeetingActions.skip, meetingId, 'danger', `Skip the meeting of ${when}`),
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
      button('Prepare agenda', OpenActions.prepareAgenda, meetingId, 'primary', `Prepare the agenda of the meeting of ${when}`),
      button('Reschedule', MeetingActions.reschedule, meetingId, undefined, `Reschedule the meeting of ${when}`),
      skip,
      button('Change rhythm', MeetingActions.changeRule, pairId, undefined, `Change the rhythm of your meetings, next on ${when}`),
    ],
  };
}

/** The wrap-up suggestions shown near the planned end (docs/usage.md: "Near the planned end"). */
function wrapUpSection(plannedEnd: string): KnownBlock {
  const topics = WRAP_UP_TOPICS.map((topic) => `• ${topic.text}`).join('\n');
  return {
    type: 'section',
    text: mrkdwn(`:checkered_flag: *Your mentorship is planned to end on ${formatLocalDate(plannedEnd)}.* Make room to wrap up:\n${topics}`),
  };
}
