import { stripControlChars, stripControlCharsMiddleware } from '../../../../src/slack/middleware/strip-control-chars';

describe('control characters in typed text', () => {
  it('removes NUL and other control characters but keeps newlines, tabs and everything printable', () => {
    expect(stripControlChars('a\u0000b\u0007c\u001b[0m\nd\te\u007f <!channel> é 🙂')).toBe('abc[0m\nd\te <!channel> é 🙂');
  });

  it('cleans command text and every text value of a submitted view before listeners run', async () => {
    const body = {
      text: 'goals\u0000',
      view: { state: { values: { b1: { a1: { type: 'plain_text_input', value: 'x\u0000y' } }, b2: { a2: { type: 'datepicker', selected_date: '2026-12-01' } } } } },
    };
    let reached = false;
    await stripControlCharsMiddleware()({ body, next: async () => void (reached = true) } as never);
    expect(reached).toBe(true);
    expect(body.text).toBe('goals');
    expect(body.view.state.values.b1.a1.value).toBe('xy');
    expect(body.view.state.values.b2.a2).toEqual({ type: 'datepicker', selected_date: '2026-12-01' });
  });
});
