import type { RenderContext } from '../../../src/sandbox/render';

/** A small world for the renderer: two people, one channel, a viewer in Berlin on 2 December 2026 at 13:00. */
export const NOW = new Date('2026-12-02T12:00:00Z');
const PEOPLE = [
  { id: 'UMENTOR', name: 'Maria' },
  { id: 'UMENTEE', name: 'Theo' },
];
const CHANNELS = [{ id: 'CGOALS', name: 'mentorship-goals' }];

export function renderContext(viewerTz = 'Europe/Berlin'): RenderContext {
  return {
    viewerTz,
    now: NOW,
    directory: {
      user: (id) => PEOPLE.find((p) => p.id === id),
      channel: (id) => CHANNELS.find((c) => c.id === id),
      users: () => PEOPLE,
      channels: () => CHANNELS,
    },
  };
}

const TAGS = new Set(
  'a b blockquote br button code details div figcaption figure footer form h2 h3 header hr i img input label li ol optgroup option pre s select span summary textarea time ul'.split(
    ' ',
  ),
);
const TAG = /^<\/?([a-z][a-z0-9]*)((?:\s[a-z-]+(?:="[^"<>]*")?)*)\s*>$/;

/**
 * Whatever went in, the HTML holds only the renderer's own tags and attributes: a tag or an attribute
 * a message smuggled in would show up here (text can only hold &lt; &gt; &quot;, never a raw < > ").
 */
export function markupProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
    const m = TAG.exec(tag);
    if (!m) {
      problems.push(`malformed: ${tag}`);
      continue;
    }
    if (!TAGS.has(m[1]!)) problems.push(`tag: ${m[1]}`);
    for (const [, name] of (m[2] ?? '').matchAll(/\s([a-z-]+)(?:="[^"]*")?/g)) {
      if (name!.startsWith('on') || name === 'style' || name === 'srcdoc') problems.push(`attribute: ${name}`);
    }
  }
  const hrefs = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
  problems.push(...hrefs.filter((u) => !/^(https?:|mailto:)/i.test(u)).map((u) => `url: ${u}`));
  return problems;
}
