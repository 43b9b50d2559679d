import { agendaRoomError, MAX_AGENDA_ITEMS, MAX_AGENDA_LINES, parseAgendaLines, parseMaterialLines } from '../../../../src/domain/meetings/agenda-lines';

describe('parseAgendaLines', () => {
  it('takes one entry per line, dropping pasted bullets and empty lines', () => {
    expect(parseAgendaLines('- one\n\n• two\n3. three\n  four  ', 'topics')).toEqual({ ok: true, items: ['one', 'two', 'three', 'four'] });
    expect(parseAgendaLines(null, 'topics')).toEqual({ ok: true, items: [] });
  });

  it('refuses too many lines and a line that is too long', () => {
    const many = Array.from({ length: MAX_AGENDA_LINES + 1 }, (_, i) => `t${i}`).join('\n');
    expect(parseAgendaLines(many, 'questions')).toEqual({ ok: false, error: expect.stringMatching(/10 questions \(there are 11\)/) });
    expect(parseAgendaLines(`ok\n${'x'.repeat(501)}`, 'topics')).toEqual({ ok: false, error: expect.stringMatching(/^Line 2 is over 500/) });
  });
});

describe('parseMaterialLines', () => {
  it('reads a title around a link, or names the link by itself', () => {
    expect(
      parseMaterialLines(
        'Design doc https://docs.example.com/d/1\nhttps://example.org/\n- Talk: https://example.org/talk (watch first 10 min)\nhttps://example.org/x.',
      ),
    ).toEqual({
      ok: true,
      items: [
        { title: 'Design doc', url: 'https://docs.example.com/d/1' },
        { title: 'example.org', url: 'https://example.org/' },
        { title: 'Talk (watch first 10 min)', url: 'https://example.org/talk' },
        { title: 'example.org/x', url: 'https://example.org/x' },
      ],
    });
  });

  it.each([
    ['a line without a link', 'The design doc', /^Line 1 .*add the link/],
    ['a link with Slack control characters', 'https://example.com/a|<!channel>', /does not look right/],
    ['a link without a real host', 'see http://localhost/admin', /does not look right/],
    ['another scheme', 'javascript:alert(1) https:/x', /add the link/],
  ])('refuses %s', (_name, text, message) => {
    const result = parseMaterialLines(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('the room left on one meeting’s agenda', () => {
  it('lets additions up to the cap through and says how many more fit past it', () => {
    expect(agendaRoomError(0, MAX_AGENDA_ITEMS)).toBeNull();
    expect(agendaRoomError(MAX_AGENDA_ITEMS - 1, 1)).toBeNull();
    expect(agendaRoomError(MAX_AGENDA_ITEMS - 3, 4)).toBe(`This agenda has room for 3 more items (at most ${MAX_AGENDA_ITEMS} in all); you are adding 4.`);
    expect(agendaRoomError(MAX_AGENDA_ITEMS - 1, 2)).toMatch(/room for 1 more item \(/);
    expect(agendaRoomError(MAX_AGENDA_ITEMS, 1)).toMatch(new RegExp(`already has ${MAX_AGENDA_ITEMS} items`));
  });
});
