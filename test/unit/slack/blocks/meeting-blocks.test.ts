import type { ActionItem, AgendaItem, Meeting, Pair } from '../../../../src/db/schema';
import { validateBlocks } from '../../../../src/devtools/slack-stand-in/blocks';
import { validateView } from '../../../../src/devtools/slack-stand-in/views';
import {
  actionItemView,
  type AgendaDraft,
  type AgendaView,
  agendaViewOf,
  membersOf,
  type NotesView,
  type PairMeetings,
  rhythmOf,
  slotOf,
} from '../../../../src/domain/meetings/views';
import { actionItemBlock, actionItemsSummaryBlocks, replaceActionItemBlock } from '../../../../src/slack/blocks/action-item-blocks';
import { agendaMessage } from '../../../../src/slack/blocks/agenda-message';
import { agendaModal } from '../../../../src/slack/blocks/agenda-modal';
import { meetingOverviewMessage } from '../../../../src/slack/blocks/meeting-overview';
import { meetingMovedMessage, timeProposedMessage } from '../../../../src/slack/blocks/meeting-changes';
import { proposeTimeModal, rescheduleModal, ruleModal } from '../../../../src/slack/blocks/meeting-modals';
import { notesModal } from '../../../../src/slack/blocks/notes-modal';
import { notesSummaryMessage } from '../../../../src/slack/blocks/notes-summary';
import { actionItemBlockId, OpenActions } from '../../../../src/slack/ids';
import { NO_LIFECYCLE } from '../../../support/lifecycle-rows';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

const LONG = 'x'.repeat(490);
const at = new Date('2026-12-01T09:00:00Z');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const pair: Pair = {
  id: uuid(1),
  team_id: 'T1',
  mentor_id: 'UMARIA',
  mentee_id: 'UTHEO',
  goals_channel_id: 'CGOALS',
  cadence: 'weekly',
  meeting_time: '10:00',
  time_zone: 'Europe/Berlin',
  first_meeting_on: '2026-12-01',
  meeting_minutes: 45,
  status: 'active',
  started_on: '2026-11-23',
  planned_end_on: '2027-06-01',
  anchor_sequence: 0,
  upcoming_valid_until: null,
  wrap_up_planned_at: null,
  created_by: 'UMARIA',
  ...NO_LIFECYCLE,
  created_at: at,
  updated_at: at,
};
const meeting: Meeting = {
  id: uuid(2),
  team_id: 'T1',
  pair_id: pair.id,
  sequence: 0,
  scheduled_at: at,
  duration_minutes: 45,
  status: 'scheduled',
  rescheduled_from: null,
  feedback_focus: `<!channel> ${'f'.repeat(290)}`,
  shared_highlight: LONG,
  takeaways: `<@UOTHER> ${'t'.repeat(2990)}`,
  feedback_received: LONG,
  feedback_application: LONG,
  notes_recorded_by: 'UMARIA',
  notes_recorded_at: at,
  agenda_shared_at: null,
  reminders_planned_at: null,
  created_at: at,
  updated_at: at,
};
const people = { names: { UMARIA: 'maria', UTHEO: 'theo' }, zones: { UMARIA: 'Europe/Berlin', UTHEO: 'America/New_York' } };
const item = (n: number, kind: AgendaItem['kind'], extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: uuid(100 + n),
  team_id: 'T1',
  meeting_id: meeting.id,
  author_id: 'UTHEO',
  kind,
  body: `<!here> ${kind} ${n} ${LONG}`,
  url: null,
  position: n,
  resolved: false,
  action_item_id: null,
  created_at: at,
  ...extra,
});
const action = (n: number, owner = n % 2 ? 'UTHEO' : 'UMARIA'): ActionItem => ({
  id: uuid(500 + n),
  team_id: 'T1',
  pair_id: pair.id,
  meeting_id: meeting.id,
  owner_id: owner,
  body: `action ${n} ${LONG}`,
  due_on: n % 3 ? '2026-12-10' : null,
  done_at: null,
  done_by: null,
  created_by: 'UMARIA',
  ...NO_LIFECYCLE,
  created_at: at,
  overdue_nudged_at: null,
});
const reader = { userId: 'UMARIA', zone: 'Europe/Berlin' };

/** The fullest agenda the modal allows: ten of each list, twenty carried action items, the wrap-up. */
function fullAgenda(): AgendaView {
  const actions = Array.from({ length: 20 }, (_, n) => action(n));
  const items = [
    ...Array.from({ length: 10 }, (_, n) => item(n, 'topic')),
    ...Array.from({ length: 10 }, (_, n) => item(10 + n, 'question')),
    ...Array.from({ length: 10 }, (_, n) => item(20 + n, 'material', { url: `https://example.com/${'p'.repeat(900)}${n}` })),
    ...actions.map((a, n) => item(40 + n, 'carry_over', { action_item_id: a.id, body: a.body })),
    ...Array.from({ length: 10 }, (_, n) => item(70 + n, 'carry_over')),
    ...Array.from({ length: 3 }, (_, n) => item(80 + n, 'wrap_up')),
  ];
  return agendaViewOf(meeting, pair, items, actions);
}

/** The agenda modal as Maria sees it: `role` and what it offers to carry over vary. */
const draftOf = (extra: Pick<AgendaDraft, 'role' | 'carryActionItems' | 'wrapUp'>): AgendaDraft => ({
  ...fullAgenda(),
  viewerId: 'UMARIA',
  viewerZone: 'Europe/Berlin',
  shared: false,
  plannedEndOn: pair.planned_end_on,
  names: people.names,
  carryFollowUps: [],
  firstMeeting: true,
  ...extra,
});

describe('readable agenda', () => {
  it('stays within Slack limits at its fullest and escapes what people typed', () => {
    const message = agendaMessage(fullAgenda(), reader, { authorId: 'UTHEO', added: fullAgenda().items.map((entry) => entry.body) });
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).not.toMatch(/<!(channel|here)>/);
    expect(text).toContain('…and 5 more');
    expect(text).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
  });

  it('never cuts a link in half when the list is too long for one section', () => {
    const message = agendaMessage(fullAgenda(), reader);
    const materials = message.blocks.find((block) => JSON.stringify(block).includes('To look at before the meeting'));
    const text = (materials as { text: { text: string } }).text.text;
    expect((text.match(/</g) ?? []).length).toBe((text.match(/>/g) ?? []).length);
    expect(text).toMatch(/…and \d+ more$/);
  });
});

describe('agenda modal', () => {
  it('lists up to ten carry-overs as checkboxes and switches to a multi-select beyond that', () => {
    const draft = (count: number): AgendaDraft =>
      draftOf({ role: 'mentee', carryActionItems: Array.from({ length: count }, (_, n) => actionItemView(action(n))), wrapUp: ['goals', 'contact', 'mentor'] });
    const small = agendaModal(draft(10));
    const large = agendaModal(draft(11));
    expect(validateView(small)).toEqual([]);
    expect(validateView(large)).toEqual([]);
    const carryType = (view: typeof small) =>
      view.blocks
        .map((block) => ('element' in block ? (block.element as { action_id?: string; type: string }) : undefined))
        .find((el) => el?.action_id === 'agenda_carry_pick')?.type;
    expect(carryType(small)).toBe('checkboxes');
    expect(carryType(large)).toBe('multi_static_select');
  });

  it("shows the mentor no feedback or highlight fields (they are the mentee's)", () => {
    const view = agendaModal(draftOf({ role: 'mentor', carryActionItems: [], wrapUp: [] }));
    const ids = view.blocks.map((block) => block.block_id);
    expect(ids).not.toContain('agenda_feedback_focus');
    expect(ids).toContain('agenda_topics');
    expect(view.submit?.text).toBe('Share agenda');
  });
});

describe('notes', () => {
  const summary: NotesView = {
    ...membersOf(pair),
    meeting: slotOf(meeting),
    recordedBy: meeting.notes_recorded_by,
    takeaways: meeting.takeaways!,
    feedbackReceived: meeting.feedback_received,
    feedbackApplication: meeting.feedback_application,
    actionItems: Array.from({ length: 15 }, (_, n) => actionItemView(action(n))),
    // The worst case: every line named no owner, so the summary lists them all as the writer's.
    unnamedOwnerItemIds: Array.from({ length: 15 }, (_, n) => action(n).id),
    notCovered: Array.from({ length: 10 }, (_, n) => item(n, 'topic').body),
    next: null,
  };

  it('summary stays within limits with fifteen action items (each with its Delete) and long texts, owners grouped mentee first', () => {
    const message = notesSummaryMessage(summary, reader);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    const owners = message.blocks.filter((block) => block.type === 'context' && JSON.stringify(block).includes('For ')).map((block) => JSON.stringify(block));
    expect(owners[0]).toContain('UTHEO');
    expect(owners[1]).toContain('UMARIA');
    expect(JSON.stringify(message.blocks)).toContain('&lt;@UOTHER&gt;');
  });

  it('modal stays within limits with many agenda entries to tick', () => {
    const coverable = Array.from({ length: 30 }, (_, n) => ({ id: item(n, 'topic').id, body: item(n, 'topic').body }));
    const view = notesModal({
      ...membersOf(pair),
      viewerId: 'UMARIA',
      viewerZone: 'Europe/Berlin',
      meeting: slotOf(meeting),
      feedbackFocus: meeting.feedback_focus,
      names: people.names,
      coverable,
    });
    expect(validateView(view)).toEqual([]);
  });
});

describe('action item blocks', () => {
  it('carry a Done button while open, and once done say who ticked them and carry Not done yet', () => {
    const open = actionItemBlock(actionItemView(action(1)));
    expect(open.block_id).toBe(actionItemBlockId(uuid(501)));
    expect(open.accessory).toMatchObject({ action_id: OpenActions.tickActionItem, value: uuid(501) });
    const done = actionItemBlock(actionItemView({ ...action(1), done_at: at, done_by: 'UTHEO' }));
    expect(done.accessory).toMatchObject({ action_id: OpenActions.reopenActionItem, value: uuid(501), text: { text: 'Not done yet' } });
    expect(done.text?.text).toContain('done by <@UTHEO>');
  });

  it('swap only the ticked item in a message, keeping whether the owner was shown', () => {
    const blocks = [
      { type: 'header', block_id: 'h' },
      actionItemBlock(actionItemView(action(1)), { showOwner: true }),
      actionItemBlock(actionItemView(action(2)), { showOwner: true }),
    ];
    const swapped = replaceActionItemBlock(blocks, actionItemView({ ...action(1), done_at: at, done_by: 'UTHEO' }));
    expect(swapped[0]).toBe(blocks[0]);
    expect(swapped[2]).toBe(blocks[2]);
    expect(JSON.stringify(swapped[1])).toContain('white_check_mark');
    expect(JSON.stringify(swapped[1])).toContain('· <@UTHEO>');
  });

  it('say so when there are none', () => {
    expect(JSON.stringify(actionItemsSummaryBlocks([], membersOf(pair)))).toContain('None this time');
  });
});

describe('meeting overview and modals', () => {
  it('fits six pairs in one message, each shown in the viewer zone', () => {
    const pairs: PairMeetings[] = Array.from({ length: 8 }, (_, n) => ({
      pairId: uuid(900 + n),
      otherId: 'UMARIA',
      status: 'active',
      plannedEndOn: pair.planned_end_on,
      rhythm: rhythmOf(pair),
      next: { ...slotOf(meeting), movedFrom: at },
      notesPending: slotOf(meeting),
      nearEnd: true,
      agendaItemCount: n,
    }));
    const message = meetingOverviewMessage({ viewerZone: 'America/New_York', pairs });
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(message.text).toBe('Your next meeting: Tue 1 Dec 2026, 04:00 (America/New_York).');
  });

  it("pre-fill the reschedule pickers with the meeting's local date and time in the pair's zone", () => {
    const view = rescheduleModal({
      meeting: { ...slotOf(meeting), at: new Date('2026-12-01T23:30:00Z') },
      otherId: 'UTHEO',
      viewerZone: 'Europe/Berlin',
      otherZone: 'America/New_York',
      pairZone: pair.time_zone,
    });
    expect(validateView(view)).toEqual([]);
    const elements = view.blocks.map((block) => ('element' in block ? block.element : undefined));
    expect(elements).toContainEqual(expect.objectContaining({ type: 'datepicker', initial_date: '2026-12-02' }));
    expect(elements).toContainEqual(expect.objectContaining({ type: 'timepicker', initial_time: '00:30' }));
  });

  it('build the cross-zone reschedule warning, the proposal modal and both DMs as Slack accepts them, every button spoken', () => {
    const draft = { meeting: slotOf(meeting), otherId: 'UTHEO', viewerZone: 'Europe/Berlin', otherZone: 'America/New_York', pairZone: pair.time_zone };
    const at = new Date('2026-12-03T08:00:00Z');
    const outside = { at, date: '2026-12-03', time: '09:00', otherId: 'UTHEO', otherZone: 'America/New_York', viewerZone: 'Europe/Berlin' };
    expect(validateView(rescheduleModal(draft, outside))).toEqual([]);
    expect(validateView(proposeTimeModal(draft))).toEqual([]);
    const moved = meetingMovedMessage({ actorId: 'UMARIA', previousAt: meeting.scheduled_at, meeting: slotOf(meeting), zone: 'America/New_York' });
    const proposed = timeProposedMessage({ actorId: 'UTHEO', actorZone: 'America/New_York', meeting: slotOf(meeting), proposedAt: at, zone: 'Europe/Berlin' });
    for (const message of [moved, proposed]) {
      expect(validateBlocks(message.blocks, 'message')).toEqual([]);
      expect(ambiguousButtons(message.blocks)).toEqual([]);
    }
  });

  it('offer the current meeting length even when it is not one of the usual ones', () => {
    const view = ruleModal({
      pairId: pair.id,
      otherId: 'UTHEO',
      viewerZone: 'Europe/Berlin',
      rhythm: rhythmOf({ ...pair, meeting_minutes: 75 }),
      next: slotOf(meeting),
      today: '2026-11-23',
    });
    expect(validateView(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain('"initial_option":{"text":{"type":"plain_text","text":"75 minutes","emoji":true},"value":"75"}');
  });
});

describe('meeting buttons for screen readers', () => {
  it("name the meeting each button acts on, in the viewer's zone, when several pairs are listed", () => {
    const pairs: PairMeetings[] = [0, 1].map((n) => ({
      pairId: uuid(950 + n),
      otherId: `UOTHER${n}`,
      status: 'active',
      plannedEndOn: pair.planned_end_on,
      rhythm: rhythmOf(pair),
      next: { ...slotOf(meeting), id: uuid(960 + n), at: new Date(meeting.scheduled_at.getTime() + n * 7 * 86_400_000), movedFrom: null },
      notesPending: { ...slotOf(meeting), id: uuid(970 + n), at: new Date(meeting.scheduled_at.getTime() - (n + 1) * 7 * 86_400_000) },
      nearEnd: false,
      agendaItemCount: 0,
    }));
    const message = meetingOverviewMessage({ viewerZone: 'America/New_York', pairs });
    expect(ambiguousButtons(message.blocks)).toEqual([]);
    expect(spokenButtons(message.blocks).map((b) => b.spoken)).toContain('Skip the meeting of Tue 1 Dec 2026, 04:00 (America/New_York)');
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
  });
});
