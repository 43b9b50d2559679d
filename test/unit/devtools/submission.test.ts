import { buildSubmission } from '../../../src/devtools/slack-driver';
import type { StoredView } from '../../../src/devtools/slack-stand-in';

const txt = (text: string) => ({ type: 'plain_text', text });
const opt = (v: string) => ({ text: txt(v.toUpperCase()), value: v });
function view(blocks: unknown[]): StoredView {
  return { id: 'V1', type: 'modal', blocks, state: { values: {} } } as unknown as StoredView;
}
const input = (block_id: string, element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'input',
  block_id,
  label: txt(block_id),
  element: { action_id: 'v', ...element },
  ...extra,
});

describe('buildSubmission', () => {
  it('shapes state per element type, as Slack does', () => {
    const v = view([
      input('text', { type: 'plain_text_input' }),
      input('num', { type: 'number_input', is_decimal_allowed: false }),
      input('who', { type: 'users_select' }),
      input('pick', { type: 'static_select', options: [opt('a'), opt('b')] }),
      input('many', { type: 'checkboxes', options: [opt('a'), opt('b')] }),
      input('day', { type: 'datepicker' }),
      input('at', { type: 'timepicker' }),
      input('when', { type: 'datetimepicker' }),
    ]);
    const { values, clientErrors } = buildSubmission(v, {
      text: 'hi',
      num: 3,
      who: 'U1',
      pick: 'b',
      many: ['a'],
      day: '2025-01-02',
      at: '09:30',
      when: 1700000000,
    });
    expect(clientErrors).toEqual({});
    expect(values).toEqual({
      text: { v: { type: 'plain_text_input', value: 'hi' } },
      num: { v: { type: 'number_input', value: '3' } },
      who: { v: { type: 'users_select', selected_user: 'U1' } },
      pick: { v: { type: 'static_select', selected_option: opt('b') } },
      many: { v: { type: 'checkboxes', selected_options: [opt('a')] } },
      day: { v: { type: 'datepicker', selected_date: '2025-01-02' } },
      at: { v: { type: 'timepicker', selected_time: '09:30' } },
      when: { v: { type: 'datetimepicker', selected_date_time: 1700000000 } },
    });
  });

  it('falls back to initial values, and to null for untouched optional inputs', () => {
    const v = view([
      input('text', { type: 'plain_text_input', initial_value: 'kept' }),
      input('pick', { type: 'static_select', options: [opt('a')], initial_option: opt('a') }),
      input('note', { type: 'plain_text_input' }, { optional: true }),
    ]);
    const { values, clientErrors } = buildSubmission(v, {});
    expect(clientErrors).toEqual({});
    expect(values.text!.v).toEqual({ type: 'plain_text_input', value: 'kept' });
    expect(values.pick!.v!.selected_option).toEqual(opt('a'));
    expect(values.note!.v).toEqual({ type: 'plain_text_input', value: null });
  });

  it("applies the client's own checks: required fields and length bounds", () => {
    const v = view([input('req', { type: 'plain_text_input' }), input('short', { type: 'plain_text_input', max_length: 3 })]);
    expect(buildSubmission(v, { short: 'toolong' }).clientErrors).toEqual({
      req: 'Please complete this required field.',
      short: 'Must be at most 3 characters',
    });
  });

  it('throws on inputs that the view does not have, or options that do not exist', () => {
    const v = view([input('pick', { type: 'static_select', options: [opt('a')] })]);
    expect(() => buildSubmission(v, { nope: 'x' })).toThrow(/No input block/);
    expect(() => buildSubmission(v, { pick: 'z' })).toThrow(/No option/);
  });
});
