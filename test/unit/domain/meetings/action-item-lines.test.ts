import { MAX_ACTION_ITEMS, type OwnerContext, parseActionItemLines } from '../../../../src/domain/meetings/action-item-lines';

const owners: OwnerContext = { submitterId: 'UMARIA', mentorId: 'UMARIA', menteeId: 'UTHEO', names: { UMARIA: 'Maria Mentor', UTHEO: 'theo' } };
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
        { ownerId: 'UMARIA', body: 'send the recording', dueOn: null, ownerNamed: true },
        { ownerId: 'UTHEO', body: 'draft the doc', dueOn: '2026-12-10', ownerNamed: true },
        { ownerId: 'UTHEO', body: 'book the room', dueOn: '2026-12-04', ownerNamed: true },
        { ownerId: 'UMARIA', body: 'review it', dueOn: '2026-12-14', ownerNamed: true },
        { ownerId: 'UTHEO', body: 'rehearse', dueOn: null, ownerNamed: true },
        { ownerId: 'UMARIA', body: 'call', dueOn: null, ownerNamed: true },
      ],
    });
  });

  it('reads "me" and "you" from the side of whoever types', () => {
    const asTheo = { ...owners, submitterId: 'UTHEO' };
    expect(parse('me: a\nyou: b', asTheo)).toEqual({
      ok: true,
      items: [
        { ownerId: 'UTHEO', body: 'a', dueOn: null, ownerNamed: true },
        { ownerId: 'UMARIA', body: 'b', dueOn: null, ownerNamed: true },
      ],
    });
  });

  it('keeps colons and links in the action itself', () => {
    expect(parse('me: read https://example.com/a:b')).toEqual({
      ok: true,
      items: [{ ownerId: 'UMARIA', body: 'read https://example.com/a:b', dueOn: null, ownerNamed: true }],
    });
  });

  it('ignores empty lines and accepts nothing at all', () => {
    expect(parse('\n  \n')).toEqual({ ok: true, items: [] });
    expect(parse('me: a\n\n\nyou: b')).toMatchObject({ ok: true, items: [{ body: 'a' }, { body: 'b' }] });
  });

  it.each([
    [
      'an unknown owner',
      'me: ok\nSam: call',
      /^Line 2 \(“Sam: call”\): “Sam” is not one of you two: start the line with me, you, mentor, mentee, Maria or theo and a colon \(or leave the owner out/,
    ],
    ['an unknown two-word owner', 'Sam Smith: call', /^Line 1 .*“Sam Smith” is not one of you two/],
    ['a mention of someone outside the pair', '<@USTRANGER> call', /^Line 1 .*<@USTRANGER> is not one of you two/],
    ['an owner who is only a surname of nobody', 'Mentor: ok\nsmith: call', /^Line 2 .*“smith” is not one of you two/],
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

  it('asks for the full name or a keyword when both people share the first name', () => {
    const twins = { ...owners, names: { UMARIA: 'Alex Smith', UTHEO: 'Alex Jones' } };
    expect(parse('alex: a', twins)).toEqual({ ok: false, error: expect.stringMatching(/^Line 1 .*you both go by “alex”: write the full name, or me or you/) });
    expect(parse('alex jones: a', twins)).toMatchObject({ ok: true, items: [{ ownerId: 'UTHEO' }] });
    expect(parse('ALEX SMITH: a', twins)).toMatchObject({ ok: true, items: [{ ownerId: 'UMARIA' }] });
  });

  describe('a line with no owner', () => {
    it.each([
      ['plain words', 'read the book', 'read the book'],
      ['a link with its colon', 'read https://example.com/a', 'read https://example.com/a'],
      ['a time with its colon', 'call at 10:30 on Friday', 'call at 10:30 on Friday'],
      ['a long lead-in before a colon', 'next step for the design doc: outline it', 'next step for the design doc: outline it'],
      ['a bullet', '- book the room', 'book the room'],
    ])('belongs to the writer: %s', (_name, text, body) => {
      expect(parse(text, { ...owners, submitterId: 'UTHEO' })).toEqual({ ok: true, items: [{ ownerId: 'UTHEO', body, dueOn: null, ownerNamed: false }] });
    });

    it('keeps its due date', () => {
      expect(parse('draft the doc by 2026-12-10')).toEqual({
        ok: true,
        items: [{ ownerId: 'UMARIA', body: 'draft the doc', dueOn: '2026-12-10', ownerNamed: false }],
      });
    });

    it('sits among lines that name their owner', () => {
      expect(parse('you: a\nb\nme: c')).toMatchObject({
        ok: true,
        items: [
          { ownerId: 'UTHEO', ownerNamed: true },
          { ownerId: 'UMARIA', ownerNamed: false },
          { ownerId: 'UMARIA', ownerNamed: true },
        ],
      });
    });
  });

  describe('owners written in other ways', () => {
    const named = { ...owners, names: { UMARIA: ['maria', 'Maria Fernanda Lopez'], UTHEO: ['Teddy', 'Theo Baker'] } };
    it.each([
      ['an @mention with a colon', '<@UTHEO>: call', 'UTHEO'],
      ['an @mention without a colon', '<@UTHEO> call', 'UTHEO'],
      ['an @mention with the name Slack adds', '<@UMARIA|maria> call', 'UMARIA'],
      ['the display name', 'Teddy: call', 'UTHEO'],
      ['the display name typed as @name', '@teddy: call', 'UTHEO'],
      ['the real name in full', 'theo baker: call', 'UTHEO'],
      ['the first word of the real name', 'THEO: call', 'UTHEO'],
      ['a three-word real name', 'Maria Fernanda Lopez: call', 'UMARIA'],
      ['"I" for the writer', 'I: call', 'UMARIA'],
      ['extra spaces', '  you  :   call  ', 'UTHEO'],
    ])('%s', (_name, text, ownerId) => {
      expect(parse(text, named)).toEqual({ ok: true, items: [{ ownerId, body: 'call', dueOn: null, ownerNamed: true }] });
    });

    it('tells two people apart by their real names when their display names clash', () => {
      const clash = { ...owners, names: { UMARIA: ['Sam', 'Samantha Reyes'], UTHEO: ['Sam', 'Samuel Ito'] } };
      expect(parse('sam: call', clash).ok).toBe(false);
      expect(parse('samuel: call', clash)).toMatchObject({ ok: true, items: [{ ownerId: 'UTHEO' }] });
      expect(parse('Samantha Reyes: call', clash)).toMatchObject({ ok: true, items: [{ ownerId: 'UMARIA' }] });
    });

    it("prefers a full name over another person's first name", () => {
      const overlap = { ...owners, names: { UMARIA: 'Jo', UTHEO: 'Jo Jo' } };
      expect(parse('jo jo: call', overlap)).toMatchObject({ ok: true, items: [{ ownerId: 'UTHEO' }] });
      expect(parse('jo: call', overlap)).toMatchObject({ ok: true, items: [{ ownerId: 'UMARIA' }] });
    });
  });
});
