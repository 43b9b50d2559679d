import { checkJournalDraft, pageStart } from '../../../../src/domain/journal/journal-rules';

describe('journal entries', () => {
  it('needs at least one prompt answered, and says so on the first prompt', () => {
    expect(checkJournalDraft({ wentWell: null, learned: '  ', tryNext: null })).toEqual({
      ok: false,
      errors: { wentWell: 'Answer at least one of the three prompts.' },
    });
  });

  it('stores unanswered prompts as null and trims the rest', () => {
    expect(checkJournalDraft({ wentWell: null, learned: ' pairing helps ', tryNext: '' })).toEqual({
      ok: true,
      entry: { wentWell: null, learned: 'pairing helps', tryNext: null },
    });
  });

  it('refuses an answer over 2000 characters on its own prompt', () => {
    const result = checkJournalDraft({ wentWell: 'fine', learned: null, tryNext: 'x'.repeat(2001) });
    expect(result).toEqual({ ok: false, errors: { tryNext: 'Keep it under 2000 characters.' } });
  });
});

describe('pageStart', () => {
  it('starts a page on a multiple of its size, and moves back to the last page when fewer entries are left', () => {
    expect(pageStart(0, 12, 5)).toBe(0);
    expect(pageStart(7, 12, 5)).toBe(5);
    expect(pageStart(10, 12, 5)).toBe(10);
    expect(pageStart(15, 12, 5)).toBe(10);
    expect(pageStart(10, 10, 5)).toBe(5);
    expect(pageStart(5, 0, 5)).toBe(0);
  });
});
