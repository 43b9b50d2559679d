import { validateBlocks } from '../../../src/devtools/slack-stand-in/blocks';

const txt = (text: string, type = 'plain_text') => ({ type, text });
const s = (n: number) => 'x'.repeat(n);
const section = (text = 'hi') => ({ type: 'section', text: txt(text, 'mrkdwn') });
const button = (extra: Record<string, unknown> = {}) => ({ type: 'button', action_id: 'b', text: txt('Go'), ...extra });
const actions = (elements: unknown[]) => ({ type: 'actions', elements });
const option = (text: string, value: string, extra: Record<string, unknown> = {}) => ({ text: txt(text), value, ...extra });
const input = (element: unknown, extra: Record<string, unknown> = {}) => ({ type: 'input', label: txt('Label'), element, ...extra });
const select = (options: unknown[]) => ({ type: 'static_select', action_id: 's', options });

/** Asserts exactly one limit is broken, at the given pointer. */
function rejectsAt(blocks: unknown[], pointer: string, surface: 'message' | 'modal' = 'message'): void {
  const problems = validateBlocks(blocks, surface);
  expect(problems.map((p) => p.pointer)).toContain(pointer);
}

describe('Block Kit validator', () => {
  it('accepts a well-formed message', () => {
    const blocks = [
      { type: 'header', text: txt('Weekly check-in') },
      section('*Goal*: ship it'),
      { type: 'divider' },
      { type: 'context', elements: [txt('by <@U1>', 'mrkdwn')] },
      actions([button({ value: 'v', style: 'primary' }), { type: 'overflow', action_id: 'o', options: [option('a', 'a'), option('b', 'b')] }]),
      input({ type: 'plain_text_input', action_id: 'p', multiline: true }, { hint: txt('hint') }),
    ];
    expect(validateBlocks(blocks, 'message')).toEqual([]);
  });

  it('rejects more than 50 blocks in a message but allows 100 in a modal', () => {
    const many = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    rejectsAt(many(51), '/blocks');
    expect(validateBlocks(many(100), 'modal')).toEqual([]);
    rejectsAt(many(101), '/blocks', 'modal');
  });

  it('rejects empty and over-long text objects', () => {
    rejectsAt([section('')], '/blocks/0/text/text');
    rejectsAt([section(s(3001))], '/blocks/0/text/text');
    expect(validateBlocks([section(s(3000))], 'message')).toEqual([]);
  });

  it('rejects a section with neither text nor fields, more than 10 fields, or a field over 2000', () => {
    rejectsAt([{ type: 'section' }], '/blocks/0');
    rejectsAt([{ type: 'section', fields: Array.from({ length: 11 }, () => txt('f')) }], '/blocks/0/fields');
    rejectsAt([{ type: 'section', fields: [txt(s(2001))] }], '/blocks/0/fields/0/text');
  });

  it('rejects a header over 150 characters or in mrkdwn', () => {
    rejectsAt([{ type: 'header', text: txt(s(151)) }], '/blocks/0/text/text');
    rejectsAt([{ type: 'header', text: txt('x', 'mrkdwn') }], '/blocks/0/text/type');
  });

  it('rejects input label and hint over 2000 and placeholder over 150', () => {
    rejectsAt([input({ type: 'plain_text_input', action_id: 'a' }, { label: txt(s(2001)) })], '/blocks/0/label/text');
    rejectsAt([input({ type: 'plain_text_input', action_id: 'a' }, { hint: txt(s(2001)) })], '/blocks/0/hint/text');
    rejectsAt([input({ type: 'plain_text_input', action_id: 'a', placeholder: txt(s(151)) })], '/blocks/0/element/placeholder/text');
    rejectsAt([input({ type: 'plain_text_input', action_id: 'a', max_length: 3001 })], '/blocks/0/element/max_length');
  });

  it('rejects block_id and action_id over 255 and duplicate block_ids', () => {
    rejectsAt([{ type: 'divider', block_id: s(256) }], '/blocks/0/block_id');
    rejectsAt([actions([button({ action_id: s(256) })])], '/blocks/0/elements/0/action_id');
    rejectsAt(
      [
        { type: 'divider', block_id: 'a' },
        { type: 'divider', block_id: 'a' },
      ],
      '/blocks/1/block_id',
    );
    rejectsAt([actions([button(), button()])], '/blocks/0/elements/1/action_id');
  });

  it('rejects more than 25 actions elements and more than 10 context elements', () => {
    rejectsAt([actions(Array.from({ length: 26 }, (_, i) => button({ action_id: `b${i}` })))], '/blocks/0/elements');
    rejectsAt([{ type: 'context', elements: Array.from({ length: 11 }, () => txt('c')) }], '/blocks/0/elements');
  });

  it('enforces button text 75, value 2000, url 3000', () => {
    rejectsAt([actions([button({ text: txt(s(76)) })])], '/blocks/0/elements/0/text/text');
    rejectsAt([actions([button({ value: s(2001) })])], '/blocks/0/elements/0/value');
    rejectsAt([actions([button({ url: `https://x/${s(3000)}` })])], '/blocks/0/elements/0/url');
    rejectsAt([actions([button({ style: 'green' })])], '/blocks/0/elements/0/style');
  });

  it('rejects a button accessibility_label over 75 characters, as Slack does', () => {
    expect(validateBlocks([actions([button({ accessibility_label: s(75) })])], 'message')).toEqual([]);
    rejectsAt([actions([button({ accessibility_label: s(76) })])], '/blocks/0/elements/0/accessibility_label');
    rejectsAt([{ ...section(), accessory: button({ accessibility_label: s(76) }) }], '/blocks/0/accessory/accessibility_label');
  });

  it('enforces static_select options 100 and option text/value/description 75', () => {
    const opts = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
    rejectsAt([actions([select(opts(101))])], '/blocks/0/elements/0/options');
    rejectsAt([actions([select([option(s(76), 'v')])])], '/blocks/0/elements/0/options/0/text/text');
    rejectsAt([actions([select([option('t', s(76))])])], '/blocks/0/elements/0/options/0/value');
    rejectsAt([actions([select([option('t', 'v', { description: txt(s(76)) })])])], '/blocks/0/elements/0/options/0/description/text');
    expect(validateBlocks([actions([select(opts(100))])], 'message')).toEqual([]);
  });

  it('allows at most 10 checkboxes or radio options and 5 overflow options', () => {
    const opts = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
    rejectsAt([input({ type: 'checkboxes', action_id: 'c', options: opts(11) })], '/blocks/0/element/options');
    rejectsAt([input({ type: 'radio_buttons', action_id: 'r', options: opts(11) })], '/blocks/0/element/options');
    rejectsAt([actions([{ type: 'overflow', action_id: 'o', options: opts(6) }])], '/blocks/0/elements/0/options');
  });

  it('enforces confirm dialog limits', () => {
    const confirm = { title: txt('Sure?'), text: txt('Really'), confirm: txt('Yes'), deny: txt('No') };
    expect(validateBlocks([actions([button({ confirm })])], 'message')).toEqual([]);
    rejectsAt([actions([button({ confirm: { ...confirm, title: txt(s(101)) } })])], '/blocks/0/elements/0/confirm/title/text');
    rejectsAt([actions([button({ confirm: { ...confirm, text: txt(s(301)) } })])], '/blocks/0/elements/0/confirm/text/text');
    rejectsAt([actions([button({ confirm: { ...confirm, confirm: txt(s(31)) } })])], '/blocks/0/elements/0/confirm/confirm/text');
    rejectsAt([actions([button({ confirm: { ...confirm, deny: txt(s(31)) } })])], '/blocks/0/elements/0/confirm/deny/text');
  });

  it('allows a markdown block up to 12000 characters', () => {
    expect(validateBlocks([{ type: 'markdown', text: s(12000) }], 'message')).toEqual([]);
    rejectsAt([{ type: 'markdown', text: s(12001) }], '/blocks/0/text');
  });

  it('rejects unknown block types and elements that do not belong where they are', () => {
    rejectsAt([{ type: 'carousel' }], '/blocks/0/type');
    rejectsAt([actions([{ type: 'plain_text_input', action_id: 'x' }])], '/blocks/0/elements/0/type');
    rejectsAt([input({ type: 'button', action_id: 'x', text: txt('b') })], '/blocks/0/element/type');
    rejectsAt([{ type: 'section', text: txt('x'), accessory: { type: 'magic_select' } }], '/blocks/0/accessory/type');
  });

  it('rejects blocks that are not an array', () => {
    rejectsAt({} as unknown as unknown[], '/blocks');
  });
});
