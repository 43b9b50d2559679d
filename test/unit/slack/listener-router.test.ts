import type { App } from '@slack/bolt';
import { createListenerRouter } from '../../../src/slack/listeners/router';

type Registered = { kind: 'action' | 'view'; constraints: unknown; listener: (args: unknown) => Promise<void> };

function fakeApp(): { app: App; registered: Registered[] } {
  const registered: Registered[] = [];
  const app = {
    action: (constraints: unknown, listener: Registered['listener']) => registered.push({ kind: 'action', constraints, listener }),
    view: (constraints: unknown, listener: Registered['listener']) => registered.push({ kind: 'view', constraints, listener }),
  } as unknown as App;
  return { app, registered };
}

const calls: string[] = [];
const handler = (name: string) => async (args: unknown) => {
  calls.push(name);
  (args as { seen?: string[] }).seen?.push(name);
};

beforeEach(() => {
  calls.length = 0;
});

describe('listener router', () => {
  function setUp() {
    const { app, registered } = fakeApp();
    const router = createListenerRouter(app);
    router.action('goal_edit', handler('edit'));
    router.action({ type: 'block_actions', action_id: 'pick', callback_id: 'agenda' }, handler('pick agenda'));
    router.action({ type: 'block_actions', action_id: 'pick', callback_id: 'notes' }, handler('pick notes'));
    router.view('pair_modal', handler('pair'));
    const action = registered.find((r) => r.kind === 'action')!;
    const view = registered.find((r) => r.kind === 'view')!;
    return { router, registered, action: action.listener, view: view.listener };
  }

  it('registers one Bolt listener for actions and one for views, with no constraint of their own', () => {
    const { registered } = setUp();
    expect(registered.map((r) => [r.kind, r.constraints])).toEqual([
      ['action', {}],
      ['view', {}],
    ]);
  });

  it('hands the handler the arguments Bolt built, unchanged', async () => {
    const { action } = setUp();
    const args = { payload: { action_id: 'goal_edit' }, body: { type: 'block_actions' }, seen: [] as string[] };
    await action(args);
    expect(args.seen).toEqual(['edit']);
  });

  it('matches block actions by action id, and by callback id and type where given', async () => {
    const { action } = setUp();
    await action({ payload: { action_id: 'pick' }, body: { type: 'block_actions', view: { callback_id: 'notes' } } });
    await action({ payload: { action_id: 'pick' }, body: { type: 'block_actions', view: { callback_id: 'agenda' } } });
    await action({ payload: { action_id: 'pick' }, body: { type: 'block_actions', callback_id: 'agenda' } });
    await action({ payload: { action_id: 'pick' }, body: { type: 'block_actions', view: { callback_id: 'other' } } });
    await action({ payload: { action_id: 'pick' }, body: { type: 'interactive_message', view: { callback_id: 'agenda' } } });
    await action({ payload: { action_id: 'pick' }, body: { type: 'block_actions' } });
    await action({ payload: { action_id: 'unknown' }, body: { type: 'block_actions' } });
    await action({ payload: { name: 'goal_edit' }, body: { type: 'interactive_message' } });
    await action({ payload: { action_id: 7 }, body: { type: 'block_actions' } });
    expect(calls).toEqual(['pick notes', 'pick agenda', 'pick agenda']);
  });

  it('matches view submissions by callback id, not view_closed', async () => {
    const { view } = setUp();
    await view({ payload: {}, body: { type: 'view_submission', view: { callback_id: 'pair_modal' } } });
    await view({ payload: {}, body: { type: 'view_closed', view: { callback_id: 'pair_modal' } } });
    await view({ payload: {}, body: { type: 'view_submission', view: { callback_id: 'other' } } });
    await view({ payload: {}, body: { type: 'view_submission', view: {} } });
    expect(calls).toEqual(['pair']);
  });

  it('passes a handler failure on to Bolt', async () => {
    const { app, registered } = fakeApp();
    const router = createListenerRouter(app);
    router.view('boom', async () => {
      throw new Error('boom');
    });
    await expect(registered[1]!.listener({ payload: {}, body: { type: 'view_submission', view: { callback_id: 'boom' } } })).rejects.toThrow('boom');
  });

  it('refuses two registrations that could match the same request', () => {
    const { router } = setUp();
    expect(() => router.action('goal_edit', handler('again'))).toThrow(/two listeners/);
    expect(() => router.action('pick', handler('any pick'))).toThrow(/two listeners/);
    expect(() => router.action({ action_id: 'pick', callback_id: 'notes' }, handler('notes again'))).toThrow(/two listeners/);
    expect(() => router.view('pair_modal', handler('again'))).toThrow(/two listeners/);
  });
});
