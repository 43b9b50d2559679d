import { stripControlChars, stripControlCharsMiddleware } from '../../../../src/slack/middleware/strip-control-chars';

describe('control characters in typed text', () => {
  it('removes NUL and other control characters but keeps newlines, tabs and everything printable', () => {
    expect(stripControlChars('a\u0000b\u0007c\u001b[0m\nd\te\u007f <!channel> é 🙂')).toBe('abc[0m\nd\te <!channel> é 🙂');
  });

  it('removes bidirectional overrides, isolates and marks, so typed text cannot be made to read backwards', () => {
    // "Approve goal" followed by a right-to-left override that would show "exe.txt" as "txt.exe".
    expect(stripControlChars('Approve\u202E goal \u202Dexe.txt\u202C')).toBe('Approve goal exe.txt');
    expect(stripControlChars('a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u061Ch\u202Ai\u202Bj')).toBe('abcdefghij');
  });

  it('removes zero-width spaces, word joiners and byte-order marks, keeping the joiners that emoji and scripts need', () => {
    expect(stripControlChars('\uFEFF<!chan\u200Bnel> wo\u2060rd\u180E')).toBe('<!channel> word');
    expect(stripControlChars('x\u200Dy \u200C!')).toBe('xy !');
    const family = '👩\u200D👩\u200D👧';
    const persian = 'می\u200Cخواهم';
    expect(stripControlChars(`${family} ${persian}`)).toBe(`${family} ${persian}`);
  });

  it('cleans command text and every text value of a submitted view before listeners run', async () => {
    const body = {
      text: 'goals\u0000',
      view: {
        state: {
          values: { b1: { a1: { type: 'plain_text_input', value: 'x\u0000y\u202E' } }, b2: { a2: { type: 'datepicker', selected_date: '2026-12-01' } } },
        },
      },
    };
    let reached = false;
    await stripControlCharsMiddleware()({ body, next: async () => void (reached = true) } as never);
    expect(reached).toBe(true);
    expect(body.text).toBe('goals');
    expect(body.view.state.values.b1.a1.value).toBe('xy');
    expect(body.view.state.values.b2.a2).toEqual({ type: 'datepicker', selected_date: '2026-12-01' });
  });
});
