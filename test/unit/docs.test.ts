import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config';

/**
 * The documents an operator or a contributor reads: the README stays short and self-contained, every
 * link inside the repository leads somewhere, and every variable the bot reads is documented.
 */
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const documents = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const headings = markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
  return new Set(
    headings.map((line) =>
      line
        .replace(/^#+ /, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

function links(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
}

it('keeps the README under 250 lines, opening with the demo and test commands', () => {
  const readme = read('README.md');
  expect(readme.split('\n').length).toBeLessThan(250);
  const firstBlock = readme.split('```')[1] ?? '';
  expect(firstBlock).toContain('npm ci && npm run demo');
  expect(firstBlock).toContain('npm ci && npm test');
  // Exactly the two after the fence's `sh`: one runs the main job, one the tests (the sandbox and the rest are listed further down).
  expect(firstBlock.trim().split('\n').slice(1)).toHaveLength(2);
});

it.each(documents)('%s links only to files and headings inside the repository', (document) => {
  const text = read(document);
  for (const target of links(text)) {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path ? resolve(ROOT, dirname(document), path) : join(ROOT, document);
    expect({ target, inside: !relative(ROOT, file).startsWith('..') }).toEqual({ target, inside: true });
    expect({ target, exists: existsSync(file) }).toEqual({ target, exists: true });
    if (anchor && file.endsWith('.md')) expect({ target, anchor: anchors(readFileSync(file, 'utf8')).has(anchor) }).toEqual({ target, anchor: true });
  }
});

it('documents every variable the configuration reads, in .env.example and docs/operations.md', () => {
  const variables = CONFIG_VARIABLES;
  expect(variables).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'DATABASE_URL', 'PORT']));
  const example = read('.env.example');
  const operations = read('docs/operations.md');
  for (const variable of variables) {
    expect({ variable, inExample: new RegExp(`^${variable}=`, 'm').test(example) }).toEqual({ variable, inExample: true });
    expect({ variable, inOperations: operations.includes(`\`${variable}\``) }).toEqual({ variable, inOperations: true });
  }
});
