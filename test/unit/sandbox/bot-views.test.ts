/**
 * The renderer against what the bot really sends: views and messages from the block builders in
 * src/slack/blocks, rendered and read back. Every element is drawn (no placeholder), every action and
 * input is wired with the hooks the page uses, and typed text stays text.
 */
import type { Goal, GoalStatus } from '../../../src/db/schema';
import type { ProgressItem } from '../../../src/domain/goals/goals.repository';
import { goalViewOf, type PairGoalsView } from '../../../src/domain/goals/goal-view';
import { renderHome, renderMessage, renderModal, type Json } from '../../../src/sandbox/render';
import { goalListMessage } from '../../../src/slack/blocks/goal-list';
import { goalProgressModal } from '../../../src/slack/blocks/goal-progress-modal';
import { goalShareMessage } from '../../../src/slack/blocks/goal-share';
import { homeView } from '../../../src/slack/blocks/home';
import { choiceElement } from '../../../src/slack/blocks/meeting-choices';
import { changeModal } from '../../../src/slack/blocks/pair-life-modals';
import { pairModal } from '../../../src/slack/blocks/pair-modal';
import { resourceAddModal } from '../../../src/slack/blocks/resource-blocks';
import { GoalActions, GoalProgressModal, PairModal, ResourceModal } from '../../../src/slack/ids';
import { homeSnapshot, pairSnapshot } from '../../support/home-snapshots';
import { MemoryWorld } from '../../support/memory/world';
import { choices } from '../slack/blocks/practice-builders';
import { markupProblems, renderContext } from './render-context';

const ctx = renderContext();
const HOSTILE = '<script>alert("x")</script> "\' <!channel>';

/** What the page needs from a rendered view: every action hooked, every input named, nothing unsupported. */
function expectWired(blocks: Json[], html: string): void {
  expect(html).not.toContain('[unsupported');
  expect(markupProblems(html)).toEqual([]);
  for (const block of blocks) {
    if (block.type === 'input') {
      expect(html).toContain(`data-block-id="${block.block_id}" data-element-type="${block.element.type}"`);
      expect(html).toContain(`name="${block.block_id}"`);
    }
    for (const el of [block.accessory, ...(block.type === 'actions' ? block.elements : [])].filter(Boolean)) {
      expect(html).toContain(`data-action-id="${el.action_id}"`);
    }
  }
}

const world = new MemoryWorld();
const pair = world.pair('UMENTOR', 'UMENTEE');
const goal = (status: GoalStatus, title = 'Speak at a meetup'): Goal => world.goal(pair.id, title, { status });
const tracked = goal('approved');
const item = (n: number, kind: ProgressItem['kind'], target: number | null): ProgressItem => ({
  id: `cccccccc-0000-4000-8000-00000000000${n}`,
  team_id: 'T1',
  goal_id: tracked.id,
  kind,
  title: `Step ${n}`,
  target_value: target,
  current_value: 1,
  due_date: kind === 'milestone' ? '2027-01-15' : null,
  done: n === 2,
  position: n,
  updated_by: null,
  updated_at: new Date('2026-11-23T12:00:00Z'),
});

describe('modals the bot opens', () => {
  it('the pair set-up: people and channel pickers, selects, date and time, with the defaults chosen', () => {
    const view = pairModal({ timeZone: 'Europe/Berlin', firstDate: '2026-12-09', mentorId: 'UMENTOR' });
    const html = renderModal({ ...view, id: 'V1' }, ctx);
    expectWired(view.blocks, html);
    expect(html).toContain(`<form class="modal" novalidate data-view-id="V1" data-callback-id="${PairModal.callbackId}">`);
    expect(html).toContain('<h2 class="modal-title">New mentorship pair</h2>');
    expect(html).toContain('<option value="UMENTOR" selected>Maria</option>');
    expect(html).toContain('<option value="CGOALS">mentorship-goals</option>');
    expect(html).toContain(`name="${PairModal.blocks.firstDate}" id="input-${PairModal.blocks.firstDate}" value="2026-12-09"`);
    expect(html).toContain(`<input type="time" name="${PairModal.blocks.firstTime}" id="input-${PairModal.blocks.firstTime}" value="10:00">`);
    expect(html).toContain('<option value="weekly" selected>Every week</option>');
    expect(html).toContain(`data-dispatch-action="${PairModal.actions.mentee}"`);
    expect(html).toContain('data-modal="submit">Create pair</button>');
  });

  it('the pair set-up with a field error from the bot: shown under that field only', () => {
    const view = pairModal({ timeZone: 'Europe/Berlin', firstDate: '2026-12-09' });
    const html = renderModal(view, ctx, { [PairModal.blocks.mentee]: 'Pick someone other than the mentor.' });
    const mentee = html.slice(html.indexOf(`data-block-id="${PairModal.blocks.mentee}"`));
    expect(mentee.slice(0, mentee.indexOf('</div>') + 6)).toContain(
      `<div class="field-error" data-error-for="${PairModal.blocks.mentee}">Pick someone other than the mentor.</div>`,
    );
    expect(html.match(/class="field-error"/g)).toHaveLength(1);
  });

  it('changing a pair: the goals channel pre-selected and the planned end as a date', () => {
    const view = changeModal(pair, {});
    const html = renderModal(view, ctx);
    expectWired(view.blocks, html);
    expect(html).toContain('<option value="CGOALS" selected>mentorship-goals</option>');
    expect(html).toContain('<span class="mention channel">#mentorship-goals</span>');
    expect(html).toContain('<code>/mentorship meeting</code>');
  });

  it('adding a resource: a pair picker, a URL field, a kind select and radio buttons', () => {
    const view = resourceAddModal({ choices: choices(2), names: { UMENTEE1: 'Theo' } });
    const html = renderModal(view, ctx);
    expectWired(view.blocks, html);
    expect(html).toContain(`<input type="url" name="${ResourceModal.add.blocks.url}"`);
    expect(html).toContain(`<input type="radio" name="${ResourceModal.add.blocks.recommendedBy}" value="me" checked>`);
    expect(html).toContain('<span class="optional">(optional)</span>');
  });

  it('updating progress: number fields and checkboxes with their descriptions', () => {
    const view = goalProgressModal(goalViewOf(tracked, pair, [item(1, 'key_result', 10), item(2, 'key_result', null), item(3, 'milestone', null)]), {
      timeZone: 'Europe/Berlin',
      names: {},
    });
    const html = renderModal(view, ctx);
    expectWired(view.blocks, html);
    expect(html).toMatch(/<input type="number" name="[^"]+" id="[^"]+" value="1" step="any" min="0">/);
    expect(html).toContain(`<input type="checkbox" name="${GoalProgressModal.checks.block}" value="${item(2, 'key_result', null).id}" checked>`);
    expect(html).toContain('<span class="choice-description">Not updated yet</span>');
  });

  it('a long list to tick becomes a multi-select with its placeholder', () => {
    const element = choiceElement(
      'pick',
      Array.from({ length: 12 }, (_, i) => ({ value: `v${i}`, label: `Item ${i}` })),
      true,
    );
    const html = renderModal(
      {
        type: 'modal',
        title: { type: 'plain_text', text: 'Pick' },
        blocks: [{ type: 'input', block_id: 'items', label: { type: 'plain_text', text: 'Items' }, element }],
      },
      ctx,
    );
    expect(html).toContain('<select multiple name="items" id="input-items" data-placeholder="Pick the ones that apply">');
    expect(html.match(/ selected>/g)).toHaveLength(12);
  });
});

describe('messages the bot posts', () => {
  const entry = (): PairGoalsView => ({
    pairId: pair.id,
    role: 'mentee',
    otherId: 'UMENTOR',
    otherName: 'Maria',
    mentorId: 'UMENTOR',
    active: [goalViewOf(goal('approved', HOSTILE), pair, [])],
    activeTotal: 1,
    achieved: 0,
    achievedGoals: [],
    dropped: 0,
    advice: [],
    hasSwot: false,
  });

  it('the goal list: styled buttons with confirm dialogs, and a typed title shown as text', () => {
    const message = goalListMessage([entry()]);
    const html = renderMessage(message, ctx);
    expectWired(message.blocks, html);
    expect(html).toContain('<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;&#39; &lt;!channel&gt;</b>');
    expect(html).not.toContain('class="mention broadcast"');
    const drop = new RegExp(`<button type="button" class="btn btn-danger" data-action-id="${GoalActions.drop}"[^>]*data-confirm="[^"]*Drop it[^"]*"`);
    expect(html).toMatch(drop);
    expect(html).toMatch(new RegExp(`class="btn btn-primary" data-action-id="${GoalActions.achieve}"`));
  });

  it('the goal shared for approval in the channel: mentions by name and the approve buttons', () => {
    const message = goalShareMessage(goalViewOf(goal('awaiting_approval'), pair, []));
    const html = renderMessage(message, ctx);
    expectWired(message.blocks, html);
    expect(html).toContain('New goal for <span class="mention">@Theo</span>. <span class="mention">@Maria</span>, please approve it');
    expect(html).toContain(`data-action-id="${GoalActions.approve}"`);
  });
});

describe('the Home tab', () => {
  it('renders the dashboard the bot publishes, every button wired', () => {
    const view = homeView(homeSnapshot([pairSnapshot()]));
    const html = renderHome({ ...view, id: 'VH' }, ctx);
    expectWired(view.blocks, html);
    expect(html.startsWith('<div class="home" data-view-id="VH">')).toBe(true);
    expect(html).toContain('<b>Next meeting:</b> Mon 30 Nov 2026, 13:00 (Europe/Berlin)');
    expect(html).toContain('<code>/mentorship help</code>');
    expect(html).toContain('class="btn btn-danger" data-action-id="pair_end"');
  });
});
