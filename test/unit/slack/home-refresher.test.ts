import pino from 'pino';
import type { HomeService } from '../../../src/domain/home/home.service';
import { createHomeRefresher } from '../../../src/slack/home-publisher';

/**
 * A Home service whose dashboard says which state it was built from, and a client that records each
 * publish. Everyone may be looking at their Home, except the people in `away`. A test whose steps must
 * all fall within one window gives it hundreds of ms: on a busy CI machine a 40 ms window ended mid-burst.
 */
function world(windowMs: number, away: ReadonlySet<string> = new Set()) {
  let state = 0;
  const published: Array<{ user: string; state: string }> = [];
  const reads: string[][] = [];
  const home = {
    watching: async (people: Array<{ teamId: string; userId: string }>) => people.filter((person) => !away.has(person.userId)),
    snapshots: async (_team: string, userIds: string[]) => {
      reads.push([...userIds]);
      return userIds.map((viewerId) => ({ viewerId, state }));
    },
  } as unknown as HomeService;
  const client = {
    views: {
      publish: async ({ user_id, view }: { user_id: string; view: unknown }) => {
        published.push({ user: user_id, state: JSON.stringify(view).match(/state (\d+)/)?.[1] ?? '?' });
        return { ok: true };
      },
    },
  };
  const refresher = createHomeRefresher({ home, clientFor: () => client as never, logger: pino({ level: 'silent' }), windowMs, watchersBatchMs: 0 });
  return { refresher, published, reads, setState: (value: number) => (state = value) };
}

jest.mock('../../../src/slack/blocks/home', () => ({
  homeView: (snapshot: { state: number }) => ({ type: 'home', blocks: [], text: `state ${snapshot.state}` }),
}));

describe('coalescing Home refreshes per person', () => {
  it('publishes the first change at once', async () => {
    const { refresher, published, setState } = world(1_000);
    setState(1);
    await refresher.refresh('T1', ['U1', 'U2']);
    expect(published).toEqual([
      { user: 'U1', state: '1' },
      { user: 'U2', state: '1' },
    ]);
    await refresher.stop();
  });

  it('publishes nothing for someone who is not looking at their Home: it is built when they next open it', async () => {
    const { refresher, published, reads } = world(1_000, new Set(['U2']));
    await refresher.refresh('T1', ['U1', 'U2']);
    await refresher.refresh('T1', ['U2']);
    await refresher.idle();
    expect(reads).toEqual([['U1']]);
    expect(published.map((p) => p.user)).toEqual(['U1']);
    await refresher.stop();
  });

  it('reads both people of a change in one go, and publishes each', async () => {
    const { refresher, published, reads } = world(1_000);
    await refresher.refresh('T1', ['U1', 'U2', 'U1']);
    expect(reads).toEqual([['U1', 'U2']]);
    expect(published.map((p) => p.user).sort()).toEqual(['U1', 'U2']);
    await refresher.stop();
  });

  it('publishes at once only the people outside their window, and the others once it ends', async () => {
    const { refresher, published, reads } = world(400);
    await refresher.refresh('T1', ['U1']);
    await refresher.refresh('T1', ['U1', 'U2']);
    expect(reads).toEqual([['U1'], ['U2']]);
    await refresher.idle();
    expect(reads).toEqual([['U1'], ['U2'], ['U1']]);
    expect(published.map((p) => p.user)).toEqual(['U1', 'U2', 'U1']);
  });

  it('folds a burst of changes into one more publish at the end of the window, showing the latest state', async () => {
    const { refresher, published, setState } = world(400);
    setState(1);
    await refresher.refresh('T1', ['U1']);
    for (let change = 2; change <= 10; change += 1) {
      setState(change);
      await refresher.refresh('T1', ['U1']);
    }
    expect(published).toEqual([{ user: 'U1', state: '1' }]);
    await refresher.idle();
    expect(published).toEqual([
      { user: 'U1', state: '1' },
      { user: 'U1', state: '10' },
    ]);
  });

  it('publishes nothing more when nothing changed during the window, and a later change publishes at once again', async () => {
    const { refresher, published, setState } = world(20);
    setState(1);
    await refresher.refresh('T1', ['U1']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(published).toHaveLength(1);
    setState(2);
    await refresher.refresh('T1', ['U1']);
    expect(published).toEqual([
      { user: 'U1', state: '1' },
      { user: 'U1', state: '2' },
    ]);
  });

  it("keeps people apart: one person's window does not hold back another's first publish", async () => {
    const { refresher, published } = world(1_000);
    await refresher.refresh('T1', ['U1']);
    await refresher.refresh('T1', ['U2']);
    await refresher.refresh('T2', ['U1']);
    expect(published.map((p) => p.user)).toEqual(['U1', 'U2', 'U1']);
    await refresher.stop();
  });

  it('drops waiting publishes on stop and takes no more', async () => {
    const { refresher, published } = world(1_000);
    await refresher.refresh('T1', ['U1']);
    await refresher.refresh('T1', ['U1']);
    await refresher.stop();
    await refresher.refresh('T1', ['U1']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(published).toHaveLength(1);
  });
});

describe('a publish slower than the window', () => {
  it('still publishes the change that arrived while it ran, and settles', async () => {
    let state = 0;
    const published: string[] = [];
    let release: () => void = () => undefined;
    const home = {
      watching: async (people: Array<{ teamId: string; userId: string }>) => people,
      snapshots: async (_team: string, userIds: string[]) => userIds.map((viewerId) => ({ viewerId, state })),
    } as unknown as HomeService;
    const client = {
      views: {
        publish: async ({ view }: { view: unknown }) => {
          const shown = JSON.stringify(view).match(/state (\d+)/)?.[1] ?? '?';
          if (shown === '1') await new Promise<void>((resolve) => (release = resolve));
          published.push(shown);
          return { ok: true };
        },
      },
    };
    const refresher = createHomeRefresher({ home, clientFor: () => client as never, logger: pino({ level: 'silent' }), windowMs: 5, watchersBatchMs: 0 });
    state = 1;
    const first = refresher.refresh('T1', ['U1']);
    await new Promise((resolve) => setTimeout(resolve, 30)); // the window ends while the publish hangs
    state = 2;
    await refresher.refresh('T1', ['U1']);
    release();
    await first;
    await refresher.idle();
    expect(published).toEqual(['1', '2']);
  });
});
