import { validateBlocks } from '../../../../src/devtools/slack-stand-in';
import type { DomainEvent } from '../../../../src/domain/effects/events';
import type { FeedbackItem } from '../../../../src/domain/feedback/events';
import type { ResourceItem } from '../../../../src/domain/resources/events';
import type { PlannedNotice } from '../../../../src/slack/effects/plan';
import { planEffects, toNotice } from '../../../../src/slack/effects/recorder';
import { FeedbackActions, ResourceActions } from '../../../../src/slack/ids';
import type { AgendaShared } from '../../../../src/domain/meetings/events';
import { agendaLinksAreNews } from '../../../../src/slack/effects/meetings';

/** 23:30 in Berlin, 17:30 in New York: the mentor (Berlin) is in quiet hours, the mentee (New York) is not. */
const NOW = new Date('2026-11-23T22:30:00Z');
const BERLIN_MORNING = new Date('2026-11-24T07:00:00Z');
const SOURCE = { channelId: 'DMENTOR', ts: '1795312913.773000' };

/** Each planned notice as the outbox row would have it: target, when it is due, what it shows. */
function rows(event: DomainEvent) {
  const plan = planEffects(event);
  return {
    ...plan,
    rows: plan.notices.map((notice: PlannedNotice, index) => ({ notice, row: toNotice('T1', plan.pairId, `e:${index}`, notice, NOW) })),
  };
}
const shown = (notice: PlannedNotice) => `${notice.message.text}${JSON.stringify(notice.message.blocks)}`;

const item = (over: Partial<FeedbackItem> = {}): FeedbackItem => ({
  id: '00000000-0000-4000-8000-000000000001',
  pairId: 'P1',
  meetingId: null,
  requesterId: 'UMENTEE',
  responderId: 'UMENTOR',
  area: 'demos',
  question: 'What is one thing I could improve in demos?',
  answer: null,
  application: null,
  exampleAskedAt: null,
  example: null,
  exampleGivenAt: null,
  askedAt: NOW,
  answeredAt: null,
  appliedAt: null,
  ...over,
});
const resource = (over: Partial<ResourceItem> = {}): ResourceItem => ({
  id: '00000000-0000-4000-8000-000000000002',
  pairId: 'P1',
  title: 'Staff Engineer',
  url: 'https://example.com/staff',
  kind: 'book',
  recommendedBy: 'UMENTEE',
  exploredAt: null,
  exploredBy: null,
  takeaway: null,
  ...over,
});

describe('feedback planners', () => {
  it('asks the responder by DM after their quiet hours, with the Answer button, and refreshes both Homes', () => {
    const plan = rows({ type: 'feedback_requested', item: item(), meetingAt: null, readerZone: 'Europe/Berlin' });
    expect(plan.rows).toHaveLength(1);
    const { notice, row } = plan.rows[0]!;
    expect(notice.target).toEqual({ type: 'dm', userId: 'UMENTOR' });
    expect(row.dueAt).toEqual(BERLIN_MORNING);
    expect(shown(notice)).toContain(FeedbackActions.answer);
    expect(plan.home.sort()).toEqual(['UMENTEE', 'UMENTOR']);
    expect(validateBlocks(notice.message.blocks, 'message')).toEqual([]);
  });

  it('asks at once when the meeting it is for starts before the responder’s morning', () => {
    const meetingAt = new Date('2026-11-24T06:00:00Z');
    expect(rows({ type: 'feedback_requested', item: item(), meetingAt, readerZone: 'Europe/Berlin' }).rows[0]!.row.dueAt).toEqual(NOW);
  });

  it('sends the answer to the requester and updates the responder’s request DM at once, only when the service vouched for it', () => {
    const answered = item({ answer: 'Shorter', answeredAt: NOW });
    const event = {
      type: 'feedback_answered',
      item: answered,
      canReport: true,
      readerZone: 'America/New_York',
      responderZone: 'Europe/Berlin',
      source: SOURCE,
    } as const;
    const plan = rows(event);
    expect(plan.rows.map(({ notice }) => notice.target)).toEqual([
      { type: 'dm', userId: 'UMENTEE' },
      { type: 'update', ...SOURCE },
    ]);
    expect(plan.rows.map(({ row }) => row.dueAt)).toEqual([NOW, NOW]);
    expect(shown(plan.rows[0]!.notice)).toContain(FeedbackActions.apply);
    expect(shown(plan.rows[1]!.notice)).not.toContain(FeedbackActions.answer);
    expect(shown(plan.rows[1]!.notice)).toContain('You answered Mon 23 Nov 2026, 23:30 (Europe/Berlin)');
    expect(rows({ ...event, source: null }).rows).toHaveLength(1);
  });

  it('tells the mentor how it was applied after their quiet hours, and takes the button off the mentee’s answer DM at once', () => {
    const applied = item({ answer: 'Shorter', answeredAt: NOW, application: 'Did it', appliedAt: NOW });
    const plan = rows({
      type: 'feedback_applied',
      item: applied,
      mentorId: 'UMENTOR',
      readerZone: 'Europe/Berlin',
      requesterZone: 'America/New_York',
      source: SOURCE,
    });
    expect(plan.rows.map(({ notice, row }) => [notice.target.type, row.dueAt])).toEqual([
      ['dm', BERLIN_MORNING],
      ['update', NOW],
    ]);
    expect(shown(plan.rows[1]!.notice)).not.toContain(FeedbackActions.apply);
    expect(shown(plan.rows[1]!.notice)).toContain('how you applied it');
  });
});

describe('resource planners', () => {
  it('tells the other person of a new resource with "Mark explored", unfurling its link, after their quiet hours', () => {
    const plan = rows({ type: 'resource_added', resource: resource(), addedBy: 'UMENTEE', otherId: 'UMENTOR', readerZone: 'Europe/Berlin' });
    const { notice, row } = plan.rows[0]!;
    expect(notice.target).toEqual({ type: 'dm', userId: 'UMENTOR' });
    expect(row.dueAt).toEqual(BERLIN_MORNING);
    expect(row.payload.unfurl).toBe(true);
    expect(shown(notice)).toContain(ResourceActions.markExplored);
    expect(
      rows({ type: 'resource_added', resource: resource({ url: null }), addedBy: 'UMENTEE', otherId: 'UMENTOR', readerZone: 'UTC' }).rows[0]!.row.payload
        .unfurl,
    ).toBeUndefined();
  });

  it('tells nobody of an exploration, and only updates the DM it came from', () => {
    const done = resource({ exploredAt: NOW, exploredBy: 'UMENTOR', takeaway: 'Write it down' });
    const event = {
      type: 'resource_explored',
      resource: done,
      exploredBy: 'UMENTOR',
      otherId: 'UMENTEE',
      readerZone: 'Europe/Berlin',
      source: SOURCE,
    } as const;
    const plan = rows(event);
    expect(plan.rows.map(({ notice, row }) => [notice.target, row.dueAt])).toEqual([[{ type: 'update', ...SOURCE }, NOW]]);
    expect(shown(plan.rows[0]!.notice)).toContain('Write it down');
    expect(shown(plan.rows[0]!.notice)).not.toContain(ResourceActions.markExplored);
    expect(rows({ ...event, source: null }).notices).toEqual([]);
    expect(plan.home.sort()).toEqual(['UMENTEE', 'UMENTOR']);
  });
});

describe('the journal planner', () => {
  it('sends nothing to anyone and refreshes only the author’s Home', () => {
    expect(planEffects({ type: 'journal_written', authorId: 'UMENTEE', entryId: 'E1' })).toEqual({ pairId: null, notices: [], home: ['UMENTEE'] });
  });
});

describe('the pair set-up planner', () => {
  const created = {
    type: 'pair_created',
    pairId: 'P1',
    createdBy: 'UMENTOR',
    mentorId: 'UMENTOR',
    menteeId: 'UMENTEE',
    goalsChannelId: 'GPRIVATE',
    cadence: 'weekly',
    meetingMinutes: 45,
    plannedEndOn: '2027-06-01',
    firstMeetingAt: new Date('2026-12-01T09:00:00Z'),
    zones: { UMENTOR: 'Europe/Berlin', UMENTEE: 'America/New_York' },
  } as const;

  it('welcomes the creator at once and the other person in their own zone, and introduces the pair in its channel at once', () => {
    const plan = rows(created);
    const byTopic = plan.rows.map(({ notice, row }) => [notice.topic, notice.target, row.dueAt]);
    expect(byTopic).toEqual([
      ['pair_welcome', { type: 'dm', userId: 'UMENTOR' }, NOW],
      ['pair_welcome', { type: 'dm', userId: 'UMENTEE' }, NOW],
      ['pair_introduction', { type: 'channel', channelId: 'GPRIVATE' }, NOW],
    ]);
    expect(shown(plan.rows[1]!.notice)).toContain('Tue 1 Dec 2026, 04:00 (America/New_York)');
    expect(plan.home.sort()).toEqual(['UMENTEE', 'UMENTOR']);
  });

  it('holds the other person’s welcome for their quiet hours, and carries the DM that tells the creator if the channel refuses the introduction', () => {
    const plan = rows({ ...created, createdBy: 'UMENTEE' });
    expect(plan.rows[0]!.row.dueAt).toEqual(BERLIN_MORNING);
    const intro = plan.rows[2]!.row.payload;
    expect(intro.fallback).toMatchObject({ topic: 'pair_introduction_failed', target: { type: 'dm', userId: 'UMENTEE' } });
    expect(intro.fallback!.message.text).toMatch(/couldn't post the introduction/);
  });
});

describe('the reminder-settings planner', () => {
  it('confirms the saved settings in the person’s own DM at once, even in their night', () => {
    const plan = rows({ type: 'reminder_settings_saved', userId: 'UMENTOR', leadMinutes: 2880, pausedUntil: null, zone: 'Europe/Berlin' });
    expect(plan.rows.map(({ notice, row }) => [notice.target, row.dueAt])).toEqual([[{ type: 'dm', userId: 'UMENTOR' }, NOW]]);
    expect(plan.rows[0]!.notice.message.text).toContain('2 days before each meeting');
    expect(plan.home).toEqual(['UMENTOR']);
  });
});

describe('agenda link previews', () => {
  const entry = (kind: 'topic' | 'material', body: string, url: string | null = null) => ({ id: body, kind, body, url, actionItemId: null });
  const agenda = {
    items: [entry('topic', 'Career path'), entry('material', 'Design doc', 'https://docs.example.com/d/1')],
  } as unknown as AgendaShared['agenda'];

  it('unfurl the materials the first time the agenda is shared, and when an update adds one', () => {
    expect(agendaLinksAreNews({ agenda, added: null })).toBe(true);
    expect(agendaLinksAreNews({ agenda, added: ['Design doc'] })).toBe(true);
  });

  it('do not unfold the same previews again for an update without a new link, nor for an agenda without links', () => {
    expect(agendaLinksAreNews({ agenda, added: ['Career path'] })).toBe(false);
    expect(agendaLinksAreNews({ agenda: { items: [entry('topic', 'Career path')] } as unknown as AgendaShared['agenda'], added: null })).toBe(false);
  });
});
