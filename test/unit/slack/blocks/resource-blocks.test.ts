import { validateBlocks, validateView } from '../../../../src/devtools/slack-stand-in';
import type { ResourceItem } from '../../../../src/domain/resources/events';
import type { ResourceOverview } from '../../../../src/domain/resources/resources.service';
import {
  RESOURCE_LIST_LIMIT,
  progressLine,
  resourceAddModal,
  resourceAddedDm,
  resourceExploredModal,
  resourceLink,
  resourcesMessage,
} from '../../../../src/slack/blocks/resource-blocks';
import { ResourceActions } from '../../../../src/slack/ids';
import { at, choices, hostile, uuid } from './practice-builders';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

const resource = (over: Partial<ResourceItem> = {}): ResourceItem => ({
  id: uuid(),
  pairId: uuid(),
  title: hostile(200),
  url: `https://example.com/${'a'.repeat(970)}`,
  kind: 'video',
  recommendedBy: 'UMENTOR',
  exploredAt: null,
  exploredBy: null,
  takeaway: null,
  ...over,
});
const explored = (over: Partial<ResourceItem> = {}) => resource({ exploredAt: at, exploredBy: 'UMENTEE', takeaway: hostile(1000), ...over });

function overview(count: number, over: Partial<ResourceOverview['progress']> = {}): ResourceOverview {
  const resources = Array.from({ length: Math.min(count, RESOURCE_LIST_LIMIT) }, (_, i) => (i % 2 ? explored() : resource()));
  return { pairId: uuid(), startedOn: '2026-11-23', resources, total: count, progress: { since: at, sinceMeeting: true, explored: 1, target: 2, ...over } };
}

describe('resource builders', () => {
  it.each([1, 2, 3, 9, 12])('keep the list of %i pairs with full lists within 50 valid blocks', (pairs) => {
    const message = resourcesMessage(
      Array.from({ length: pairs }, (_, i) => ({ overview: overview(40), otherId: `U${i}` })),
      'UTC',
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).not.toMatch(/<!channel>|<@U999>|<#C1>|<https:\/\/evil/);
  });

  it('offer "Mark explored" only on resources not yet explored', () => {
    const message = resourcesMessage([{ overview: { ...overview(0), resources: [resource(), explored()], total: 2 }, otherId: 'U1' }], 'UTC');
    expect(JSON.stringify(message.blocks).split(ResourceActions.markExplored)).toHaveLength(2);
  });

  it("show the progress since the last meeting in the reader's zone, or since the start as a date", () => {
    const fromMeeting = overview(0, { since: new Date('2026-11-24T09:45:00Z'), sinceMeeting: true, explored: 3 });
    expect(progressLine(fromMeeting, 'Europe/Berlin')).toContain('ended Tue 24 Nov 2026, 10:45 (Europe/Berlin)): *2 of 2* :tada:');
    expect(progressLine(overview(0, { sinceMeeting: false, explored: 0 }), 'UTC')).toContain('since your mentorship started on Mon 23 Nov 2026: *0 of 2*');
  });

  it('link the title with both parts escaped, or show it bold without a link', () => {
    expect(resourceLink({ title: 'A & B <x>', url: 'https://e.com/?a=1&b=2' })).toBe('<https://e.com/?a=1&amp;b=2|A &amp; B &lt;x&gt;>');
    expect(resourceLink({ title: 'Paper book', url: null })).toBe('*Paper book*');
  });

  it('build valid modals and DMs from the longest input', () => {
    expect(validateView(resourceAddModal({ choices: choices(100), names: {} }))).toEqual([]);
    expect(validateView(resourceExploredModal(resource(), { channelId: 'C1', messageTs: '1795312913.773000' }))).toEqual([]);
    const dm = resourceAddedDm(resource(), 'UMENTEE');
    expect(validateBlocks(dm.blocks, 'message')).toEqual([]);
    expect(`${dm.text}${JSON.stringify(dm.blocks)}`).not.toMatch(/<!channel>|<@U999>/);
  });
});

describe('resource buttons for screen readers', () => {
  it('name the resource each "Mark explored" acts on', () => {
    const list = { ...overview(0), resources: [resource({ title: 'Clean Code' }), resource({ title: 'The Pragmatic Programmer' })], total: 2 };
    const message = resourcesMessage([{ overview: list, otherId: 'U1' }], 'UTC');
    expect(ambiguousButtons(message.blocks)).toEqual([]);
    expect(
      spokenButtons(message.blocks)
        .filter((b) => b.actionId === ResourceActions.markExplored)
        .map((b) => b.spoken),
    ).toEqual(['Mark explored: Clean Code', 'Mark explored: The Pragmatic Programmer']);
  });
});
