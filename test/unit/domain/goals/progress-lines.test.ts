import fc from 'fast-check';
import { formatKeyResults, formatMilestones, MAX_ITEM_TITLE, parseKeyResults, parseMilestones } from '../../../../src/domain/goals/progress-lines';

describe('parseKeyResults', () => {
  it('reads "title = number" as a target to reach and a bare line as done/not-done', () => {
    expect(parseKeyResults('Ship 3 features = 3\nGive a team talk\nCut p95 latency = 12,5')).toEqual({
      ok: true,
      items: [
        { title: 'Ship 3 features', target: 3, line: 1 },
        { title: 'Give a team talk', target: null, line: 2 },
        { title: 'Cut p95 latency', target: 12.5, line: 3 },
      ],
    });
  });

  it('treats empty text as no key results and skips blank lines, keeping the line numbers people see', () => {
    expect(parseKeyResults(null)).toEqual({ ok: true, items: [] });
    expect(parseKeyResults('  \n')).toEqual({ ok: true, items: [] });
    const parsed = parseKeyResults('\nFirst\n\nSecond = 2');
    expect(parsed).toEqual({
      ok: true,
      items: [
        { title: 'First', target: null, line: 2 },
        { title: 'Second', target: 2, line: 4 },
      ],
    });
  });

  it('drops list bullets people paste in front of items', () => {
    const parsed = parseKeyResults('- Ship = 3\n* Talk\n• Blog\n1. Mentor = 1\n2) Review');
    expect(parsed.ok && parsed.items.map((item) => item.title)).toEqual(['Ship', 'Talk', 'Blog', 'Mentor', 'Review']);
  });

  it('refuses a sixth key result, saying how many were written', () => {
    expect(parseKeyResults('a\nb\nc\nd\ne\nf')).toEqual({ ok: false, error: expect.stringMatching(/At most 5 key results \(you wrote 6\)/) });
    expect(parseKeyResults('a\nb\nc\nd\ne').ok).toBe(true);
  });

  it.each([
    ['a target that is not a number', 'Talk\nShip = lots', /Line 2 \("Ship = lots"\): after "=" write the number/],
    ['a negative target', 'Ship = -3', /Line 1 .*after "="/],
    ['a zero target', 'Ship = 0', /Line 1: the number to reach must be more than 0/],
    ['a missing title', '= 3', /Line 1: write the key result itself/],
    ['a repeated key result', 'Ship = 3\nship = 4', /Line 2 repeats a key result/],
    ['an over-long title', `${'x'.repeat(MAX_ITEM_TITLE + 1)} = 2`, /Line 1: keep each key result under 150/],
  ])('refuses %s, naming the line', (_name, text, error) => {
    const parsed = parseKeyResults(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('parseMilestones', () => {
  it('reads the date first, then what happens, with or without a separator', () => {
    expect(parseMilestones('2027-01-15 Draft the design doc\n2027-2-1: Review\n2027-03-01 - Ship')).toEqual({
      ok: true,
      items: [
        { title: 'Draft the design doc', dueDate: '2027-01-15', line: 1 },
        { title: 'Review', dueDate: '2027-02-01', line: 2 },
        { title: 'Ship', dueDate: '2027-03-01', line: 3 },
      ],
    });
  });

  it.each([
    ['a line without a date', 'Draft the doc', /Line 1 \("Draft the doc"\): start with the date/],
    ['a date that is not on the calendar', '2027-02-29 Review', /Line 1: 2027-02-29 is not a date on the calendar/],
    ['a date with nothing after it', '2027-02-01', /Line 1 .*start with the date/],
    ['a repeated milestone', '2027-01-01 Review\n2027-02-01 review', /Line 2 repeats a milestone/],
    [
      'more than ten milestones',
      Array.from({ length: 11 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')} Step ${i}`).join('\n'),
      /At most 10 milestones/,
    ],
  ])('refuses %s', (_name, text, error) => {
    const parsed = parseMilestones(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });

  it('accepts a leap day in a leap year', () => {
    expect(parseMilestones('2028-02-29 Leap').ok).toBe(true);
  });
});

describe('formatting back for the edit modal', () => {
  const title = fc.stringMatching(/^[A-Za-z][A-Za-z ,.'()]{0,40}[A-Za-z]$/);

  it('round-trips any key results it parsed', () => {
    const keyResult = fc.record({ title, target: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }) });
    fc.assert(
      fc.property(fc.uniqueArray(keyResult, { maxLength: 5, selector: (kr) => kr.title.trim().toLowerCase() }), (items) => {
        const parsed = parseKeyResults(formatKeyResults(items));
        expect(parsed.ok && parsed.items.map(({ title: t, target }) => ({ title: t, target }))).toEqual(items.map((kr) => ({ ...kr, title: kr.title.trim() })));
      }),
    );
  });

  it('round-trips any milestones it parsed', () => {
    const day = fc
      .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const milestone = fc.record({ title, dueDate: day });
    fc.assert(
      fc.property(fc.uniqueArray(milestone, { maxLength: 10, selector: (m) => m.title.trim().toLowerCase() }), (items) => {
        const parsed = parseMilestones(formatMilestones(items));
        expect(parsed.ok && parsed.items.map(({ title: t, dueDate }) => ({ title: t, dueDate }))).toEqual(items.map((m) => ({ ...m, title: m.title.trim() })));
      }),
    );
  });
});
