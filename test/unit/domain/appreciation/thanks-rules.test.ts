import { checkMessage, MESSAGE_MAX, noteFromWords, suggestedThanks } from '../../../../src/domain/appreciation/appreciation-rules';

describe('thank-you notes', () => {
  it('suggests a note that fits who is thanking whom, ready to send as it is', () => {
    expect(suggestedThanks('mentee')).toMatch(/your time and advice/);
    expect(suggestedThanks('mentor')).toMatch(/well prepared/);
    expect(suggestedThanks(null)).toMatch(/Thank you/);
    for (const role of ['mentee', 'mentor', null] as const) expect(checkMessage(suggestedThanks(role)).ok).toBe(true);
  });

  it('reads "/mentorship thanks for …" as "Thank you for …" and keeps other words as typed', () => {
    expect(noteFromWords('for the tip')).toBe('Thank you for the tip');
    expect(noteFromWords('You rock')).toBe('You rock');
    expect(noteFromWords('fortunately it worked')).toBe('fortunately it worked');
  });

  it('refuses an empty or overlong note', () => {
    expect(checkMessage('  ').ok).toBe(false);
    expect(checkMessage('x'.repeat(MESSAGE_MAX + 1)).ok).toBe(false);
    expect(checkMessage(' Thanks! ')).toEqual({ ok: true, message: 'Thanks!' });
  });
});
