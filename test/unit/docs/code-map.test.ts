import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeMapRows, renderCodeMap } from '../../../src/devtools/code-map';
import type { AppDeps } from '../../../src/slack/context';
import { registerActions } from '../../../src/slack/listeners/actions';
import type { ListenerRouter } from '../../../src/slack/listeners/router';
import { registerViews } from '../../../src/slack/listeners/views';
import { SUBCOMMANDS } from '../../../src/slack/subcommands';

const ROOT = join(__dirname, '..', '..', '..');

/** What the app registers at run time: each action as `action_id` (or `action_id@callback_id`), each view by callback id. */
function registered(): { actions: string[]; views: string[] } {
  const actions: string[] = [];
  const views: string[] = [];
  const router = {
    action: (constraints: string | { action_id: string; callback_id?: string }) =>
      actions.push(
        typeof constraints === 'string' ? constraints : constraints.callback_id ? `${constraints.action_id}@${constraints.callback_id}` : constraints.action_id,
      ),
    view: (callbackId: string) => views.push(callbackId),
  } as unknown as ListenerRouter;
  registerActions(router, {} as AppDeps);
  registerViews(router, {} as AppDeps);
  return { actions: actions.sort(), views: views.sort() };
}

describe('the code map (docs/code-map.md)', () => {
  const rows = codeMapRows(ROOT);

  it('is up to date: `npm run codemap` rewrites it', () => {
    expect(readFileSync(join(ROOT, 'docs', 'code-map.md'), 'utf8')).toBe(renderCodeMap(rows));
  });

  it('lists exactly what the app registers, and every subcommand of the help', () => {
    const { actions, views } = registered();
    expect(
      rows
        .filter((row) => row.surface === 'action')
        .map((row) => row.id)
        .sort(),
    ).toEqual(actions);
    expect(
      rows
        .filter((row) => row.surface === 'view')
        .map((row) => row.id)
        .sort(),
    ).toEqual(views);
    expect(
      rows
        .filter((row) => row.surface === 'subcommand')
        .map((row) => row.id)
        .sort(),
    ).toEqual(SUBCOMMANDS.map((sub) => `/mentorship ${sub.name}`).sort());
  });

  it('names files that exist', () => {
    for (const row of rows) expect(() => readFileSync(join(ROOT, row.file))).not.toThrow();
  });
});
