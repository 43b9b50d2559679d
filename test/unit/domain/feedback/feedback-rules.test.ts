import { AREA_MAX, checkFeedbackRequest, checkLongText, normalizeArea, suggestedQuestion } from '../../../../src/domain/feedback/feedback-rules';

describe('feedback request rules', () => {
  it('suggests "What is one thing I could improve in <area>?"', () => {
    expect(suggestedQuestion('running retros')).toBe('What is one thing I could improve in running retros?');
  });

  it('uses the suggested question when none was written, reading the area as one line without trailing punctuation', () => {
    expect(checkFeedbackRequest({ area: '  my code\n reviews?! ', question: null })).toEqual({
      ok: true,
      area: 'my code reviews',
      question: 'What is one thing I could improve in my code reviews?',
    });
    expect(checkFeedbackRequest({ area: 'demos', question: '   ' })).toMatchObject({ ok: true, question: 'What is one thing I could improve in demos?' });
  });

  it('keeps a question the person wrote', () => {
    expect(checkFeedbackRequest({ area: 'demos', question: ' Was my demo too long? ' })).toMatchObject({ ok: true, question: 'Was my demo too long?' });
  });

  it.each([
    ['an empty area', { area: '  ', question: null }, 'area'],
    ['an area that is only punctuation', { area: '???', question: null }, 'area'],
    ['an area too long to be one specific thing', { area: 'a'.repeat(AREA_MAX + 1), question: null }, 'area'],
    ['a question over 500 characters', { area: 'demos', question: 'q'.repeat(501) }, 'question'],
  ])('refuses %s on its field', (_name, draft, field) => {
    const result = checkFeedbackRequest(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual([field]);
  });

  it('normalizes areas idempotently', () => {
    for (const area of ['a  b', 'x?', ' talks. ', 'ok']) expect(normalizeArea(normalizeArea(area))).toBe(normalizeArea(area));
  });

  it('accepts an answer with words, refuses blank or overlong ones', () => {
    expect(checkLongText(' do less ', 10, 'empty')).toEqual({ ok: true, text: 'do less' });
    expect(checkLongText('   ', 10, 'empty')).toEqual({ ok: false, error: 'empty' });
    expect(checkLongText(null, 10, 'empty')).toEqual({ ok: false, error: 'empty' });
    expect(checkLongText('x'.repeat(11), 10, 'empty').ok).toBe(false);
  });
});
