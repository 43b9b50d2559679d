import { checkJournalDraft } from '../../../../src/domain/journal/journal-rules';

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
