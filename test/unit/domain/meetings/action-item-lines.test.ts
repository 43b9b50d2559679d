import { MAX_ACTION_ITEMS, parseActionItemLines } from '../../../../src/domain/meetings/action-item-lines';

const owners = { submitterId: 'UMARIA', mentorId: 'UMARIA', menteeId: 'UTHEO', names: { UMARIA: 'Maria Mentor', UTHEO: 'theo' } };
const TODAY = '2026-12-01';
const parse = (text: string, context = owners) => parseActionItemLines(text, context, TODAY);

describe('parseActionItemLines', () => {
  it('reads the owner by keyword or name, the action, and an optional due date', () => {
    const text = [
      'me: send the recording',
      'mentee: draft the doc by 2026-12-10',
      '- Theo: book the room (by 2026-12-04)',
      '2. maria: review it due 2026-12-14.',
      'you: rehearse',
      'MENTOR: call',
    ].join('\n');
    expect(parse(text)).toEqual({
      ok: true,
      items: [
        { ownerId: 'UMARIA', body: 'send the recording', dueOn: null },
        { ownerId: 'UTHEO', body: 'draft the doc', dueOn: '2026-12-10' },
        { ownerId: 'UTHEO', body: 'book the room', dueOn: '2026-12-04' },
        { ownerId: 'UMARIA', body: 'review it', dueOn: '2026-12-14' },
        { ownerId: 'UTHEO', body: 'rehearse', dueOn: null },
        { ownerId: 'UMARIA', body: 'call', dueOn: null },
      ],
    });
  });

  it('reads "me" and "you" from the side of whoever types', () => {
    const asTheo = { ...owners, submitterId: 'UTHEO' };
    expect(parse('me: a\nyou: b', asTheo)).toEqual({
      ok: true,
      items: [
        { ownerId: 'UTHEO', body: 'a', dueOn: null },
        { ownerId: 'UMARIA', body: 'b', dueOn: null },
      ],
    });
  });

  it('keeps colons and links in the action itself', () => {
    expect(parse('me: read https://example.com/a:b')).toEqual({ ok: true, items: [{ ownerId: 'UMARIA', body: 'read https://example.com/a:b', dueOn: null }] });
  });

  it('ignores empty lines and accepts nothing at all', () => {
    expect(parse('\n  \n')).toEqual({ ok: true, items: [] });
    expect(parse('me: a\n\n\nyou: b')).toMatchObject({ ok: true, items: [{ body: 'a' }, { body: 'b' }] });
  });

  it.each([
    ['a line without an owner', 'me: ok\nread the book', /^Line 2 \(“read the book”\): start it with who owns it: me, you, mentor, mentee, Maria or theo/],
    ['an unknown owner', 'Sam: call', /^Line 1 .*who owns it/],
    ['an owner with nothing to do', 'me:   ', /^Line 1 .*say what is to be done/],
    ['a date that does not exist', 'me: a by 2027-02-29', /^Line 1 .*“2027-02-29” is not a date.*by 2026-12-08/],
    ['a date in another format', 'me: a by 10/12/2026', /is not a date/],
    ['a date in the past', 'me: a by 2026-11-30', /in the past/],
    ['a date too far ahead', 'me: a by 2029-01-01', /within 2 years/],
    ['a line that is too long', `me: ${'x'.repeat(501)}`, /under 500 characters/],
  ])('refuses %s, naming the line', (_name, text, message) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('accepts a due date of today and the leap day', () => {
    expect(parse('me: a by 2026-12-01')).toMatchObject({ ok: true });
    expect(parseActionItemLines('me: a by 2028-02-29', owners, '2028-01-01')).toMatchObject({ ok: true, items: [{ dueOn: '2028-02-29' }] });
  });

  it(`refuses more than ${MAX_ACTION_ITEMS} items`, () => {
    const text = Array.from({ length: MAX_ACTION_ITEMS + 1 }, (_, i) => `me: item ${i}`).join('\n');
    expect(parse(text)).toEqual({ ok: false, error: expect.stringMatching(/Keep it to 15/) });
  });

  it('asks for a keyword when both people share the first name', () => {
    const twins = { ...owners, names: { UMARIA: 'Alex Smith', UTHEO: 'Alex Jones' } };
    expect(parse('alex: a', twins).ok).toBe(false);
    expect(parse('alex jones: a', twins)).toMatchObject({ ok: true, items: [{ ownerId: 'UTHEO' }] });
  });
});
