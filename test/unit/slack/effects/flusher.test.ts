import type { Recorded } from '../../../../src/domain/effects/effects';
import type { NoticeSender } from '../../../../src/domain/notices/notice';
import { createEffectsFlusher } from '../../../../src/slack/effects/flusher';
import type { HomeRefresher } from '../../../../src/slack/home-refresher';

/** After a commit: which notices are handed to the sender, and whether it must look them up first. */
function flusherWithSpies() {
  const sent: Array<{ ids: readonly string[]; known?: { teamId: string } }> = [];
  const refreshed: Array<readonly string[]> = [];
  const notices: NoticeSender = { sendNow: async (ids, known) => void sent.push({ ids, known }) };
  const home: HomeRefresher = { refresh: async (_team, users) => void refreshed.push(users), idle: async () => undefined, stop: async () => undefined };
  return { flusher: createEffectsFlusher({ notices, home }), sent, refreshed };
}

const recorded = (extra: Partial<Recorded>): Recorded => ({ teamId: 'T1', outboxIds: ['a', 'b'], homeUsers: ['U1'], ...extra });

it('hands over only the notices written due now, as known rows of the workspace that need no look-up', async () => {
  const { flusher, sent, refreshed } = flusherWithSpies();
  await flusher.flush(recorded({ dueNowIds: ['a'] }));
  expect(sent).toEqual([{ ids: ['a'], known: { teamId: 'T1' } }]);
  expect(refreshed).toEqual([['U1']]);
});

it("sends nothing at once when every notice waits for the end of someone's quiet hours", async () => {
  const { flusher, sent } = flusherWithSpies();
  await flusher.flush(recorded({ dueNowIds: [] }));
  expect(sent).toEqual([]);
});

it('lets the sender look the notices up when the writer did not say which are due (merged changes)', async () => {
  const { flusher, sent } = flusherWithSpies();
  await flusher.flush(recorded({}));
  expect(sent).toEqual([{ ids: ['a', 'b'], known: undefined }]);
  await flusher.flush(recorded({ outboxIds: [] }));
  expect(sent).toHaveLength(1);
});

it('waits for the notices only when the caller asks (a reply that says whether they went out)', async () => {
  let release!: () => void;
  const posted = new Promise<void>((resolve) => (release = resolve));
  const notices: NoticeSender = { sendNow: () => posted };
  const home: HomeRefresher = { refresh: async () => undefined, idle: async () => undefined, stop: async () => undefined };
  const flusher = createEffectsFlusher({ notices, home });
  await flusher.flush(recorded({ dueNowIds: ['a'] }));
  let waited = false;
  const waiting = flusher.flush(recorded({ dueNowIds: ['a'] }), { waitForNotices: true }).then(() => (waited = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect(waited).toBe(false);
  release();
  await waiting;
  expect(waited).toBe(true);
});
