import type { ActionItem, AgendaItem, Meeting, Pair } from '../../../../src/db/schema';
import { validateBlocks } from '../../../../src/devtools/slack-stand-in/blocks';
import { validateView } from '../../../../src/devtools/slack-stand-in/views';
import type { AgendaDraft } from '../../../../src/domain/meetings/agenda.service';
import type { MeetingOverview } from '../../../../src/domain/meetings/meetings.service';
import type { NotesSummary } from '../../../../src/domain/meetings/notes.service';
import { actionItemBlock, actionItemsSummaryBlocks, replaceActionItemBlock } from '../../../../src/slack/blocks/action-item-blocks';
import { agendaMessage } from '../../../../src/slack/blocks/agenda-message';
import { agendaModal } from '../../../../src/slack/blocks/agenda-modal';
import { meetingOverviewMessage } from '../../../../src/slack/blocks/meeting-overview';
import { rescheduleModal, ruleModal } from '../../../../src/slack/blocks/meeting-modals';
import { notesModal } from '../../../../src/slack/blocks/notes-modal';
import { notesSummaryMessage } from '../../../../src/slack/blocks/notes-summary';
import { actionItemBlockId, OpenActions } from '../../../../src/slack/ids';

const LONG = 'x'.repeat(490);
const at = new Date('2026-12-01T09:00:00Z');
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const pair: Pair = {
  id: uuid(1), team_id: 'T1', mentor_id: 'UMARIA', mentee_id: 'UTHEO', goals_channel_id: 'CGOALS', cadence: 'weekly', meeting_time: '10:00',
  time_zone: 'Europe/Berlin', first_meeting_on: '2026-12-01', meeting_minutes: 45, status: 'active', started_on: '2026-11-23',
  planned_end_on: '2027-06-01', anchor_sequence: 0, upcoming_valid_until: null, wrap_up_planned_at: null, created_by: 'UMARIA', created_at: at, updated_at: at,
};
const meeting: Meeting = {
  id: uuid(2), team_id: 'T1', pair_id: pair.id, sequence: 0, scheduled_at: at, duration_minutes: 45, status: 'scheduled', rescheduled_from: null,
  feedback_focus: `<!channel> ${'f'.repeat(290)}`, shared_highlight: LONG, takeaways: `<@UOTHER> ${'t'.repeat(2990)}`, feedback_received: LONG,
  feedback_application: LONG, notes_recorded_by: 'UMARIA', notes_recorded_at: at, agenda_shared_at: null, reminders_planned_at: null, created_at: at, updated_at: at,
};
const people = { names: { UMARIA: 'maria', UTHEO: 'theo' }, zones: { UMARIA: 'Europe/Berlin', UTHEO: 'America/New_York' } };
const item = (n: number, kind: AgendaItem['kind'], extra: Partial<AgendaItem> = {}): AgendaItem => ({
  id: uuid(100 + n), team_id: 'T1', meeting_id: meeting.id, author_id: 'UTHEO', kind, body: `<!here> ${kind} ${n} ${LONG}`, url: null, position: n,
  resolved: false, action_item_id: null, created_at: at, ...extra,
});
const action = (n: number, owner = n % 2 ? 'UTHEO' : 'UMARIA'): ActionItem => ({
  id: uuid(500 + n), team_id: 'T1', pair_id: pair.id, meeting_id: meeting.id, owner_id: owner, body: `action ${n} ${LONG}`, due_on: n % 3 ? '2026-12-10' : null,
  done_at: null, done_by: null, created_by: 'UMARIA', created_at: at,
});
const viewer = { userId: 'UMARIA', timeZone: 'Europe/Berlin' };

/** The fullest agenda the modal allows: ten of each list, twenty carried action items, the wrap-up. */
function fullAgenda() {
  const actions = Array.from({ length: 20 }, (_, n) => action(n));
  const items = [
    ...Array.from({ length: 10 }, (_, n) => item(n, 'topic')),
    ...Array.from({ length: 10 }, (_, n) => item(10 + n, 'question')),
    ...Array.from({ length: 10 }, (_, n) => item(20 + n, 'material', { url: `https://example.com/${'p'.repeat(900)}${n}` })),
    ...actions.map((a, n) => item(40 + n, 'carry_over', { action_item_id: a.id, body: a.body })),
    ...Array.from({ length: 10 }, (_, n) => item(70 + n, 'carry_over')),
    ...Array.from({ length: 3 }, (_, n) => item(80 + n, 'wrap_up')),
  ];
  return { meeting, pair, people, items, actionItems: Object.fromEntries(actions.map((a) => [a.id, a])), nearEnd: true };
}

describe('readable agenda', () => {
  it('stays within Slack limits at its fullest and escapes what people typed', () => {
    const message = agendaMessage(fullAgenda(), viewer, { authorId: 'UTHEO', added: fullAgenda().items });
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).not.toMatch(/<!(channel|here)>/);
    expect(text).toContain('…and 5 more');
    expect(text).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
  });

  it('never cuts a link in half when the list is too long for one section', () => {
    const message = agendaMessage(fullAgenda(), viewer);
    const materials = message.blocks.find((block) => JSON.stringify(block).includes('To look at before the meeting'));
    const text = (materials as { text: { text: string } }).text.text;
    expect((text.match(/</g) ?? []).length).toBe((text.match(/>/g) ?? []).length);
    expect(text).toMatch(/…and \d+ more$/);
  });
});

describe('agenda modal', () => {
  it('lists up to ten carry-overs as checkboxes and switches to a multi-select beyond that', () => {
    const draft = (count: number): AgendaDraft => ({
      ...fullAgenda(),
      role: 'mentee',
      carryActionItems: Array.from({ length: count }, (_, n) => action(n)),
      carryFollowUps: [],
      wrapUp: ['goals', 'contact', 'mentor'],
    });
    const small = agendaModal(draft(10), viewer);
    const large = agendaModal(draft(11), viewer);
    expect(validateView(small)).toEqual([]);
    expect(validateView(large)).toEqual([]);
    const carryType = (view: typeof small) => view.blocks.map((block) => ('element' in block ? (block.element as { action_id?: string; type: string }) : undefined)).find((el) => el?.action_id === 'agenda_carry_pick')?.type;
    expect(carryType(small)).toBe('checkboxes');
    expect(carryType(large)).toBe('multi_static_select');
  });

  it("shows the mentor no feedback or highlight fields (they are the mentee's)", () => {
    const view = agendaModal({ ...fullAgenda(), role: 'mentor', carryActionItems: [], carryFollowUps: [], wrapUp: [] }, viewer);
    const ids = view.blocks.map((block) => block.block_id);
    expect(ids).not.toContain('agenda_feedback_focus');
    expect(ids).toContain('agenda_topics');
    expect(view.submit?.text).toBe('Share agenda');
  });
});

describe('notes', () => {
  const summary: NotesSummary = { meeting: { ...meeting, status: 'held' }, pair, people, actionItems: Array.from({ length: 15 }, (_, n) => action(n)), notCovered: Array.from({ length: 10 }, (_, n) => item(n, 'topic')), next: null };

  it('summary stays within limits with fifteen action items and long texts, owners grouped mentee first', () => {
    const message = notesSummaryMessage(summary, viewer);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    const owners = message.blocks.filter((block) => block.type === 'context' && JSON.stringify(block).includes('For ')).map((block) => JSON.stringify(block));
    expect(owners[0]).toContain('UTHEO');
    expect(owners[1]).toContain('UMARIA');
    expect(JSON.stringify(message.blocks)).toContain('&lt;@UOTHER&gt;');
  });

  it('modal stays within limits with many agenda entries to tick', () => {
    const view = notesModal({ meeting, pair, people, coverable: Array.from({ length: 30 }, (_, n) => item(n, 'topic')) }, viewer);
    expect(validateView(view)).toEqual([]);
  });
});

describe('action item blocks', () => {
  it('carry a Done button while open and say who ticked them once done', () => {
    const open = actionItemBlock(action(1));
    expect(open.block_id).toBe(actionItemBlockId(uuid(501)));
    expect(open.accessory).toMatchObject({ action_id: OpenActions.tickActionItem, value: uuid(501) });
    const done = actionItemBlock({ ...action(1), done_at: at, done_by: 'UTHEO' });
    expect(done.accessory).toBeUndefined();
    expect(done.text?.text).toContain('done by <@UTHEO>');
  });

  it('swap only the ticked item in a message, keeping whether the owner was shown', () => {
    const blocks = [{ type: 'header', block_id: 'h' }, actionItemBlock(action(1), { showOwner: true }), actionItemBlock(action(2), { showOwner: true })];
    const swapped = replaceActionItemBlock(blocks, { ...action(1), done_at: at, done_by: 'UTHEO' });
    expect(swapped[0]).toBe(blocks[0]);
    expect(swapped[2]).toBe(blocks[2]);
    expect(JSON.stringify(swapped[1])).toContain('white_check_mark');
    expect(JSON.stringify(swapped[1])).toContain('· <@UTHEO>');
  });

  it('say so when there are none', () => {
    expect(JSON.stringify(actionItemsSummaryBlocks([], pair))).toContain('None this time');
  });
});

describe('meeting overview and modals', () => {
  it('fits six pairs in one message, each shown in the viewer zone', () => {
    const overviews: MeetingOverview[] = Array.from({ length: 8 }, (_, n) => ({
      pair: { ...pair, id: uuid(900 + n) }, people, next: { ...meeting, rescheduled_from: at }, notesPending: meeting, nearEnd: true, agendaItemCount: n,
    }));
    const message = meetingOverviewMessage(overviews, { userId: 'UTHEO', timeZone: 'America/New_York' });
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(message.text).toBe('Your next meeting: Tue 1 Dec 2026, 04:00 (America/New_York).');
  });

  it("pre-fill the reschedule pickers with the meeting's local date and time in the pair's zone", () => {
    const view = rescheduleModal({ ...meeting, scheduled_at: new Date('2026-12-01T23:30:00Z') }, pair, viewer);
    expect(validateView(view)).toEqual([]);
    const elements = view.blocks.map((block) => ('element' in block ? block.element : undefined));
    expect(elements).toContainEqual(expect.objectContaining({ type: 'datepicker', initial_date: '2026-12-02' }));
    expect(elements).toContainEqual(expect.objectContaining({ type: 'timepicker', initial_time: '00:30' }));
  });

  it('offer the current meeting length even when it is not one of the usual ones', () => {
    const view = ruleModal({ ...pair, meeting_minutes: 75 }, meeting, viewer, '2026-11-23');
    expect(validateView(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toContain('"initial_option":{"text":{"type":"plain_text","text":"75 minutes","emoji":true},"value":"75"}');
  });
});
