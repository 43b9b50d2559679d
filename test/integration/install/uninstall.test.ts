import { DEFAULT_SCHEDULER_SETTINGS } from '../../../src/scheduler/scheduler';
import { housekeep } from '../../../src/scheduler/housekeeping';
import { type Harness, startHarness } from '../../support/harness';
import { driverFor, installWorkspace } from '../../support/install';
import { eventually } from '../../support/wait';
import { leftOf, seedWorkspace } from '../../support/workspace-data';

/**
 * Uninstall and reinstall in multi-workspace mode: Slack's `app_uninstalled` / `tokens_revoked`
 * stop everything at once; the data waits UNINSTALL_RETENTION_DAYS (a reinstall brings it back),
 * then scheduler passes delete it in small batches, leaving every other workspace as it was.
 */
const DAY = 86_400_000;
let h: Harness;
beforeAll(async () => {
  // Tiny purge batches, so deleting one small workspace takes several of them.
  h = await startHarness({ oauth: true, scheduler: { purgeBatch: 2 } });
  await installWorkspace(h, { teamId: 'TKEEP' });
  await seedWorkspace(h.db.kysely, 'TKEEP', 'KEEPMARK', h.clock.now());
});
afterAll(() => h.close());

const workspace = (teamId: string) => h.db.kysely.selectFrom('workspaces').selectAll().where('team_id', '=', teamId).executeTakeFirst();
const installation = (teamId: string) => h.db.kysely.selectFrom('installations').selectAll().where('team_id', '=', teamId).executeTakeFirst();
const outbox = (teamId: string) =>
  h.db.kysely.selectFrom('outbox').select(['id', 'kind', 'state', 'last_error']).where('team_id', '=', teamId).orderBy('dedupe_key').execute();
const uninstall = (teamId: string, type: 'app_uninstalled' | 'tokens_revoked' = 'app_uninstalled') => {
  h.standIn.revokeTokensOf(teamId);
  return driverFor(h, teamId).event(type === 'app_uninstalled' ? { type } : { type, tokens: { bot: ['UBOT'] } });
};

describe('uninstall, then reinstall within the retention period', () => {
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  beforeAll(async () => {
    await installWorkspace(h, { teamId: 'TBACK' });
    seeded = await seedWorkspace(h.db.kysely, 'TBACK', 'BACKMARK', h.clock.now());
  });

  it('cancels every unsent message at once and marks the installation revoked; the data stays', async () => {
    const response = await uninstall('TBACK');
    expect(response.status).toBe(200);
    await eventually(async () => (await installation('TBACK'))?.revoked_at != null);
    expect(await installation('TBACK')).toMatchObject({ bot_token: '', bot_refresh_token: null });
    expect((await workspace('TBACK'))?.uninstalled_at).toEqual(h.clock.now());
    expect((await outbox('TBACK')).map((row) => [row.kind, row.state, row.last_error])).toEqual([
      ['notice', 'cancelled', 'uninstalled'],
      ['prep', 'cancelled', 'uninstalled'],
      ['notice', 'sent', null],
    ]);
    expect(await leftOf(h.db.kysely, 'TBACK', 'BACKMARK')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pairs: 1$/), expect.stringMatching(/^journal_entries: 1$/)]),
    );
  });

  it('brings everything back on a reinstall: the installation, the data, the reminders (the notices stay cancelled)', async () => {
    h.clock.advance(10 * DAY);
    expect((await installWorkspace(h, { teamId: 'TBACK' })).status).toBe(200);
    expect(await installation('TBACK')).toMatchObject({ revoked_at: null, bot_token: h.standIn.tokensOf('TBACK').at(-1) });
    expect((await workspace('TBACK'))?.uninstalled_at).toBeNull();
    const rows = await outbox('TBACK');
    expect(rows.find((row) => row.id === seeded.reminderId)).toMatchObject({ state: 'pending', last_error: null });
    expect(rows.find((row) => row.id === seeded.noticeId)).toMatchObject({ state: 'cancelled' });
    const report = await h.bot.scheduler.runPass(h.clock.now);
    expect(report?.housekeeping?.workspaceRows).toBe(0);
    expect(await workspace('TBACK')).toBeDefined();
  });
});

describe('uninstall, and the retention period runs out', () => {
  beforeAll(async () => {
    await installWorkspace(h, { teamId: 'TGONE' });
    await seedWorkspace(h.db.kysely, 'TGONE', 'GONEMARK', h.clock.now());
  });

  it('keeps the data for UNINSTALL_RETENTION_DAYS, then deletes every row of the workspace in small batches, and nothing of another', async () => {
    await uninstall('TGONE', 'tokens_revoked');
    await eventually(async () => (await workspace('TGONE'))?.uninstalled_at != null);
    h.clock.advance(29 * DAY);
    expect((await h.bot.scheduler.runPass(h.clock.now))?.housekeeping?.workspaceRows).toBe(0);

    h.clock.advance(2 * DAY);
    const reports = [];
    while ((await workspace('TGONE')) !== undefined && reports.length < 20) reports.push((await h.bot.scheduler.runPass(h.clock.now))!.housekeeping!);
    expect(await leftOf(h.db.kysely, 'TGONE', 'GONEMARK')).toEqual([]);
    // Batches of at most two rows of a table (pairs one at a time, with what hangs off them): many small deletes.
    const batches = reports.reduce((sum, report) => sum + report.workspaceBatches, 0);
    const rows = reports.reduce((sum, report) => sum + report.workspaceRows, 0);
    expect(batches).toBeGreaterThanOrEqual(Math.ceil(rows / 2));
    expect(reports.at(-1)?.workspacesDeleted).toBe(1);
    // The other workspace: everything still there (its passes planned more meetings and reminders meanwhile).
    expect(await leftOf(h.db.kysely, 'TKEEP', 'KEEPMARK')).toEqual(
      expect.arrayContaining(['workspaces: 1', 'pairs: 1', 'people: 2', 'journal_entries: 1', 'installations: 1', 'journal_entries holds KEEPMARK: 1']),
    );
  });

  it('starts afresh when the workspace installs the app again after the period', async () => {
    expect((await installWorkspace(h, { teamId: 'TGONE' })).status).toBe(200);
    expect(await leftOf(h.db.kysely, 'TGONE', 'GONEMARK')).toEqual(['workspaces: 1', 'installations: 1']);
    expect(await installation('TGONE')).toMatchObject({ revoked_at: null });
  });

  it('deletes at the next pass when UNINSTALL_RETENTION_DAYS is 0', async () => {
    await installWorkspace(h, { teamId: 'TNOW' });
    await seedWorkspace(h.db.kysely, 'TNOW', 'NOWMARK', h.clock.now());
    await uninstall('TNOW');
    await eventually(async () => (await workspace('TNOW'))?.uninstalled_at != null);
    const settings = { ...DEFAULT_SCHEDULER_SETTINGS, uninstallRetentionDays: 0, purgeBatch: 500 };
    await housekeep(h.db.kysely, h.clock.now(), settings, { stopped: false });
    expect(await leftOf(h.db.kysely, 'TNOW', 'NOWMARK')).toEqual([]);
  });
});

describe('retention of history', () => {
  it('purges sent and failed rows and event ids older than 30 days, in batches; open, cancelled and recent rows stay', async () => {
    const now = h.clock.now();
    const old = new Date(now.getTime() - 31 * DAY);
    const recent = new Date(now.getTime() - 29 * DAY);
    const write = (key: string, state: 'sent' | 'failed' | 'pending' | 'cancelled', updatedAt: Date) =>
      h.db.kysely
        .insertInto('outbox')
        .values({
          team_id: 'TKEEP',
          kind: 'notice',
          recipient_id: 'UX',
          dedupe_key: `history:${key}`,
          payload: '{}',
          due_at: updatedAt,
          next_attempt_at: new Date(now.getTime() + DAY),
          state,
          updated_at: updatedAt,
        })
        .execute();
    for (let i = 0; i < 5; i += 1) await write(`old-sent-${i}`, 'sent', old);
    await write('old-failed', 'failed', old);
    await write('old-pending', 'pending', old);
    await write('old-cancelled', 'cancelled', old);
    await write('recent-sent', 'sent', recent);
    const report = await housekeep(h.db.kysely, now, { ...DEFAULT_SCHEDULER_SETTINGS, purgeBatch: 2 }, { stopped: false });
    expect(report.outbox).toBe(6);
    const left = await h.db.kysely.selectFrom('outbox').select('dedupe_key').where('dedupe_key', 'like', 'history:%').orderBy('dedupe_key').execute();
    expect(left.map((row) => row.dedupe_key)).toEqual(['history:old-cancelled', 'history:old-pending', 'history:recent-sent']);
  });
});
