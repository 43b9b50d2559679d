import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ids from '../slack/ids';

/**
 * The code map of docs/code-map.md: for every subcommand, action id, view callback id and event, the
 * file that handles it. Read from the registration files (the router's registry as written), so the
 * table cannot drift from the code: a test compares it with the file and with what the app registers.
 */
export interface CodeMapRow {
  surface: 'subcommand' | 'action' | 'view' | 'event';
  id: string;
  file: string;
}

const LISTENERS = 'src/slack/listeners';

export function codeMapRows(root: string): CodeMapRow[] {
  return [
    ...subcommandRows(root),
    ...routerRows(root, `${LISTENERS}/actions`, 'action'),
    ...routerRows(root, `${LISTENERS}/views`, 'view'),
    ...eventRows(root),
  ].sort((a, b) => a.surface.localeCompare(b.surface) || a.id.localeCompare(b.id));
}

export function renderCodeMap(rows: readonly CodeMapRow[]): string {
  const lines = [
    '# Code map',
    '',
    'Where each interaction is handled: every `/mentorship` subcommand, block action (`action_id`, with the modal',
    'it is scoped to), view submission (`callback_id`) and event. Generated from the registration files by',
    '`npm run codemap`; a test fails when this copy is stale.',
    '',
    '| surface | id | handled in |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.surface} | \`${row.id}\` | [${row.file}](../${row.file}) |`),
    '',
  ];
  return lines.join('\n');
}

/** `import { a, b } from './file'` -> name -> file path. */
function importsOf(source: string, dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(/import \{([^}]+)\} from '\.\/([\w./-]+)';/g)) {
    for (const name of match[1]!
      .split(',')
      .map((part) => part.trim().replace(/^type /, ''))
      .filter(Boolean))
      found.set(name, `${dir}/${match[2]}.ts`);
  }
  return found;
}

/** `GoalActions.approve` or `FeedbackModal.request.callbackId` read from the ids module. */
function idValue(expression: string): string {
  const value = expression
    .trim()
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], ids as unknown);
  if (typeof value !== 'string') throw new Error(`code map: cannot resolve the id ${expression}`);
  return value;
}

function routerRows(root: string, dir: string, surface: 'action' | 'view'): CodeMapRow[] {
  const source = readFileSync(join(root, dir, 'index.ts'), 'utf8');
  const imports = importsOf(source, dir);
  const rows: CodeMapRow[] = [];
  for (const match of source.matchAll(/router\.(?:action|view)(?:<[^>]*>)?\(([\s\S]+?),\s*(\w+)(?:\([^)]*\))?\);/g)) {
    const [, target, handler] = match as unknown as [string, string, string];
    const file = imports.get(handler);
    if (!file) throw new Error(`code map: ${handler} is not imported in ${dir}/index.ts`);
    rows.push({ surface, id: constraintId(target), file });
  }
  return rows;
}

/** An id, or `{ action_id: X, callback_id: Y }` shown as `X@Y`. */
function constraintId(target: string): string {
  const object = target.match(/\{([\s\S]*)\}/);
  if (!object) return idValue(target);
  const field = (name: string) => object[1]!.match(new RegExp(`${name}:\\s*([\\w.]+)`))?.[1];
  const action = field('action_id');
  const callback = field('callback_id');
  if (!action) throw new Error(`code map: no action_id in ${target}`);
  return callback ? `${idValue(action)}@${idValue(callback)}` : idValue(action);
}

function subcommandRows(root: string): CodeMapRow[] {
  const dir = `${LISTENERS}/commands`;
  const source = readFileSync(join(root, dir, 'mentorship.ts'), 'utf8');
  const imports = importsOf(source, dir);
  const table = source.match(/const HANDLERS[^=]*=\s*\{([\s\S]*?)\};/)?.[1];
  if (!table) throw new Error('code map: no HANDLERS table in mentorship.ts');
  return table
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, handler = name] = entry.split(':').map((part) => part.trim()) as [string, string?];
      const file = imports.get(handler);
      if (!file) throw new Error(`code map: ${handler} is not imported in mentorship.ts`);
      return { surface: 'subcommand' as const, id: `${ids.COMMAND} ${name}`, file };
    });
}

function eventRows(root: string): CodeMapRow[] {
  const dir = `${LISTENERS}/events`;
  const source = readFileSync(join(root, dir, 'index.ts'), 'utf8');
  const imports = importsOf(source, dir);
  return [...source.matchAll(/app\.event\('([\w.]+)',\s*(?:withLeanClient\()?(\w+)/g)].map((match) => {
    const file = imports.get(match[2]!);
    if (!file) throw new Error(`code map: ${match[2]} is not imported in ${dir}/index.ts`);
    return { surface: 'event' as const, id: match[1]!, file };
  });
}

/** `npm run codemap`: rewrites docs/code-map.md. */
if (require.main === module) {
  const root = process.cwd();
  writeFileSync(join(root, 'docs', 'code-map.md'), renderCodeMap(codeMapRows(root)));
  process.stdout.write('docs/code-map.md written\n');
}
