import fc from 'fast-check';
import { checkResourceDraft, checkTakeaway, checkUrl, TITLE_MAX } from '../../../../src/domain/resources/resource-rules';

describe('resource links', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['  http://Example.com  ', 'http://example.com/'],
    ['https://example.com/a|b<c>?q=<d>', 'https://example.com/a%7Cb%3Cc%3E?q=%3Cd%3E'],
    ['https://localhost:8080/x', 'https://localhost:8080/x'],
  ])('keeps %s as %s', (raw, stored) => {
    expect(checkUrl(raw)).toEqual({ ok: true, url: stored });
  });

  it('treats an empty link as no link', () => {
    expect(checkUrl('   ')).toEqual({ ok: true, url: null });
    expect(checkUrl(null)).toEqual({ ok: true, url: null });
  });

  it.each([
    'javascript:alert(1)',
    'ftp://example.com/x',
    'mailto:a@example.com',
    'data:text/html,hi',
    'https://',
    'https://exa mple.com',
    'example.com',
    'https://user:pw@example.com',
    'https://-bad-.com',
    `https://example.com/${'a'.repeat(1000)}`,
  ])('refuses %s', (raw) => {
    expect(checkUrl(raw).ok).toBe(false);
  });

  it('never stores a link that could close or relabel Slack link syntax', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (tail) => {
        const result = checkUrl(`https://example.com/${tail}`);
        if (result.ok && result.url) expect(result.url).not.toMatch(/[|<>\s]/);
      }),
    );
  });
});

describe('resource drafts', () => {
  it('accepts a title with a kind, without a link', () => {
    expect(checkResourceDraft({ title: ' Clean   Code ', url: null, kind: 'book' })).toEqual({ ok: true, title: 'Clean Code', url: null, kind: 'book' });
  });

  it('reports every problem on its own field', () => {
    const result = checkResourceDraft({ title: ' ', url: 'ftp://x.org', kind: 'poem' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['kind', 'title', 'url']);
  });

  it('refuses a title longer than the column allows', () => {
    expect(checkResourceDraft({ title: 't'.repeat(TITLE_MAX + 1), url: null, kind: 'article' }).ok).toBe(false);
  });

  it('requires a takeaway to mark a resource explored', () => {
    expect(checkTakeaway('  ').ok).toBe(false);
    expect(checkTakeaway(' Use it ')).toEqual({ ok: true, takeaway: 'Use it' });
    expect(checkTakeaway('x'.repeat(1001)).ok).toBe(false);
  });
});
