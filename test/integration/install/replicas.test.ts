import pino from 'pino';
import { createDb, type Db } from '../../../src/db/create-db';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { WorkspacesService } from '../../../src/domain/workspaces/workspaces.service';
import { createScheduler } from '../../../src/scheduler/create';
import { housekeep } from '../../../src/scheduler/housekeeping';
import { DEFAULT_SCHEDULER_SETTINGS, type Scheduler } from '../../../src/scheduler/scheduler';
import { BOT_SCOPES } from '../../../src/slack/install/scopes';
import { teamTokensFor } from '../../../src/slack/install/team-tokens';
import { NOTICE_HOOKS } from '../../../src/slack/effects/hooks';
import { OAUTH } from '../../support/harness';
import { createTestDb } from '../../support/test-db';
import { writeNotice } from '../scheduler/notice-fixtures';

/**
 * Two workspaces served by two replicas on one PostgreSQL, each replica with its own pool and its own
 * token source (the installations in the database): every row is sent once, with its own workspace's
 * token, whichever replica claims it. And the retention purge runs in batches beside a pass that is
 * sending, neither waiting for the other.
 */
const REASON = 'needs DATABASE_URL (a real PostgreSQL): two replicas on one database';
const describePg = process.env.DATABASE_URL ? describe : describe.skip;
const TEAMS = ['TREPA', 'TREPB'] as const;
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

describePg(`workspaces across replicas (${process.env.DATABASE_URL ? 'PostgreSQL' : REASON})`, () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let standIn: SlackStandIn;
  const pools: Db[] = [];
  let replicas: Scheduler[];

  beforeAll(async () => {
    db = await createTestDb('postgres');
    standIn = await SlackStandIn.start({ botToken: 'xoxb-unused', teamId: 'TUNUSED' });
    standIn.enableOAuth(OAUTH.clientId, OAUTH.clientSecret);
    standIn.addChannel({ id: 'CGOALS', name: 'goals' });
    const workspaces = new WorkspacesService(db.kysely, () => new Date());
    for (const teamId of TEAMS) {
      const token = `xoxb-${teamId}-token`;
      standIn.addBotToken(token, teamId);
      await workspaces.installed({
        teamId,
        teamName: teamId,
        enterpriseId: null,
        appId: 'A0001',
        botToken: token,
        botId: 'BBOT',
        botUserId: 'UBOT',
        botScopes: BOT_SCOPES,
        botRefreshToken: null,
        botTokenExpiresAt: null,
        installerUserId: 'UINSTALLER',
      });
    }
    replicas = [];
    for (const name of ['replica-1', 'replica-2']) {
      const pool = await createDb({ kind: 'postgres', url: db.url! }, { poolSize: 4 });
      pools.push(pool);
      const tokens = teamTokensFor(
        { kind: 'oauth', ...OAUTH },
        { workspaces: new WorkspacesService(pool.kysely, () => new Date()), apiUrl: standIn.apiUrl, logger },
      );
      replicas.push(
        createScheduler({
          db: pool.kysely,
          config: { remindersDryRun: false, remindersDailyCap: 6 },
          tokens,
          apiUrl: standIn.apiUrl,
          logger,
          noticeHooks: NOTICE_HOOKS,
          settings: { replica: name, rate: { perSecond: 10_000, burst: 10_000 }, sendTimeoutMs: 2_000, purgeBatch: 100 },
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    for (const pool of pools) await pool.close();
    await standIn.stop();
    await db.close();
  });

  it('sends every row once, each with its own workspace token, whichever replica claims it', async () => {
    const now = new Date();
    const texts: Array<{ teamId: string; text: string }> = [];
    for (const teamId of TEAMS) {
      for (let i = 0; i < 30; i += 1) {
        const text = `${teamId} row ${i}`;
        texts.push({ teamId, text });
        await writeNotice(db.kysely, { teamId, dueAt: now, payload: { target: { type: 'channel', channelId: 'CGOALS' }, message: { text, blocks: [] } } });
      }
    }
    const reports = await Promise.all(replicas.map((replica) => replica.runPass(() => new Date())));
    expect(reports.every((report) => report !== undefined)).toBe(true);
    const posts = standIn.callsTo('chat.postMessage').filter((call) => call.ok);
    for (const { teamId, text } of texts)
      expect({ text, teams: posts.filter((call) => call.args.text === text).map((call) => call.teamId) }).toEqual({ text, teams: [teamId] });
    expect(reports.map((report) => report!.dispatch.claimed).reduce((a, b) => a + b, 0)).toBe(texts.length);
  });

  it('purges old history in batches while another replica is sending; neither waits for the other, no open row is touched', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    await db.kysely
      .insertInto('outbox')
      .values(
        Array.from({ length: 1_000 }, (_, i) => ({
          team_id: TEAMS[i % 2]!,
          kind: 'notice',
          recipient_id: 'UX',
          dedupe_key: `old:${i}`,
          payload: '{}',
          due_at: old,
          next_attempt_at: old,
          state: 'sent' as const,
          updated_at: old,
        })),
      )
      .execute();
    const sending = [];
    for (let i = 0; i < 4; i += 1) {
      sending.push(
        await writeNotice(db.kysely, {
          teamId: 'TREPA',
          dueAt: new Date(),
          payload: { target: { type: 'channel', channelId: 'CGOALS' }, message: { text: `slow ${i}`, blocks: [] } },
        }),
      );
    }
    // Each post of replica 1's pass takes 300 ms: the pass is sending for over a second.
    standIn.failNext('chat.postMessage', { hangMs: 300, afterApplying: true }, 4);
    let passDone = false;
    const pass = replicas[0]!
      .runPass(() => new Date())
      .then((report) => {
        passDone = true;
        return report;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const purged = await housekeep(pools[1]!.kysely, new Date(), { ...DEFAULT_SCHEDULER_SETTINGS, purgeBatch: 100 }, { stopped: false });
    expect(purged.outbox).toBe(1_000);
    expect(passDone).toBe(false);
    const report = await pass;
    expect(report?.dispatch.sent).toBe(4);
    const rows = await db.kysely.selectFrom('outbox').select('state').where('id', 'in', sending).execute();
    expect(rows.map((row) => row.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await db.kysely.selectFrom('outbox').select('id').where('dedupe_key', 'like', 'old:%').execute()).toEqual([]);
  });
});
