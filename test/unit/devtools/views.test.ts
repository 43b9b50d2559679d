import { validateView, viewTooLarge } from '../../../src/devtools/slack-stand-in/views';

const txt = (text: string) => ({ type: 'plain_text', text });
const modal = (extra: Record<string, unknown> = {}) => ({ type: 'modal', title: txt('Goals'), blocks: [], ...extra });
const inputBlock = { type: 'input', block_id: 'goal', label: txt('Goal'), element: { type: 'plain_text_input', action_id: 'v' } };
const pointers = (view: unknown) => validateView(view).map((p) => p.pointer);

describe('view validator', () => {
  it('accepts a modal with inputs and a submit button, and a home view', () => {
    expect(validateView(modal({ blocks: [inputBlock], submit: txt('Save'), close: txt('Cancel') }))).toEqual([]);
    expect(validateView({ type: 'home', blocks: [{ type: 'divider' }] })).toEqual([]);
  });

  it('requires a modal title of at most 24 characters', () => {
    expect(pointers({ type: 'modal', blocks: [] })).toContain('/view/title');
    expect(pointers(modal({ title: txt('x'.repeat(25)) }))).toContain('/view/title/text');
  });

  it('limits submit and close to 24 plain_text characters', () => {
    expect(pointers(modal({ submit: txt('x'.repeat(25)) }))).toContain('/view/submit/text');
    expect(pointers(modal({ close: txt('x'.repeat(25)) }))).toContain('/view/close/text');
    expect(pointers(modal({ close: { type: 'mrkdwn', text: 'x' } }))).toContain('/view/close/type');
  });

  it('requires submit when the modal has an input block', () => {
    const problems = validateView(modal({ blocks: [inputBlock] }));
    expect(problems).toEqual([{ pointer: '/view/submit', message: 'must define submit to use input block' }]);
  });

  it('allows 100 blocks in a modal and home, not 101', () => {
    const many = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(validateView(modal({ blocks: many(100) }))).toEqual([]);
    expect(pointers(modal({ blocks: many(101) }))).toContain('/view/blocks');
    expect(pointers({ type: 'home', blocks: many(101) })).toContain('/view/blocks');
  });

  it('limits callback_id and external_id to 255 and private_metadata to 3000', () => {
    expect(pointers(modal({ callback_id: 'x'.repeat(256) }))).toContain('/view/callback_id');
    expect(pointers(modal({ external_id: 'x'.repeat(256) }))).toContain('/view/external_id');
    expect(pointers(modal({ private_metadata: 'x'.repeat(3001) }))).toContain('/view/private_metadata');
    expect(validateView(modal({ private_metadata: 'x'.repeat(3000) }))).toEqual([]);
  });

  it('reports nested block problems with a /view/blocks pointer', () => {
    expect(pointers(modal({ blocks: [{ type: 'section', text: txt('') }] }))).toContain('/view/blocks/0/text/text');
  });

  it('rejects unknown view types', () => {
    expect(pointers({ type: 'workflow_step', blocks: [] })).toContain('/view/type');
  });

  it('flags views over 250 kB', () => {
    const big = modal({ blocks: Array.from({ length: 100 }, () => ({ type: 'section', text: txt('x'.repeat(2600)) })) });
    expect(viewTooLarge(big)).toBe(true);
    expect(viewTooLarge(modal())).toBe(false);
  });
});
