import { ProgressCheckInModal } from '../../../../src/slack/ids';
import { parseCheckInButton, parseCheckInForm } from '../../../../src/slack/inputs/progress-check-in-form';

const PAIR = '00000000-0000-4000-8000-000000000001';
const { blocks: b, actions: a } = ProgressCheckInModal;
const values = (answer: string | null, note: string | null, share: boolean) => ({
  [b.answer]: { [a.answer]: { type: 'radio_buttons', selected_option: answer ? { value: answer } : null } },
  [b.note]: { [a.note]: { type: 'plain_text_input', value: note } },
  [b.share]: { [a.share]: { type: 'checkboxes', selected_options: share ? [{ value: ProgressCheckInModal.shareValue }] : [] } },
});

describe('a check-in button', () => {
  it('names a pair and checkpoint 1 or 2; anything else is no claim', () => {
    expect(parseCheckInButton(`${PAIR}:2`)).toEqual({ pairId: PAIR, checkpoint: 2 });
    for (const forged of [`${PAIR}:3`, `${PAIR}`, 'not-a-pair:1', `${PAIR}:1'--`, undefined]) expect(parseCheckInButton(forged)).toBeNull();
  });
});

describe('the check-in form', () => {
  const view = { private_metadata: JSON.stringify({ pairId: PAIR, checkpoint: 1 }) };

  it('reads the answer, the note (blank is none) and whether to share', () => {
    expect(parseCheckInForm(view, values('not_working', '  Too busy  ', true))).toEqual({
      ok: true,
      value: { pairId: PAIR, form: { checkpoint: 1, answer: 'not_working', note: 'Too busy', shared: true } },
    });
    expect(parseCheckInForm(view, values('great', '   ', false))).toMatchObject({ ok: true, value: { form: { note: null, shared: false } } });
  });

  it('refuses a forged answer or metadata under the answer', () => {
    expect(parseCheckInForm(view, values('splendid', null, false))).toEqual({ ok: false, errors: { [b.answer]: 'Pick how it is going.' } });
    expect(parseCheckInForm({ private_metadata: '{"pairId":"x","checkpoint":1}' }, values('great', null, false))).toMatchObject({ ok: false });
  });
});
