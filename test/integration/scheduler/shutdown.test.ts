import pino from 'pino';
import { sql } from 'kysely';
import { dispatchDue } from '../../../src/scheduler/dispatcher';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../../src/scheduler/scheduler';
import type { ReminderSlack } from '../../../src/scheduler/slack-gateway';
import { anyTeamSlack } from '../../../src/scheduler/team-slack';
import { clockedWorld } from './clocked-world';
import { writeNotice } from './notice-fixtures';
import { postsPerReminder, RACE_TEAM, replicaScheduler } from './replicas';

/** Shutdown never closes the database under a send that is still running, and starts no send once it began. */
const T0 = new Date('2026-12-01T10:00:00Z');
const world = clockedWorld(T0);
const { clock } = world;

const row = (id: string) => world.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

it('a pass whose work for one workspace throws still waits for the sends it started for another before it ends', async () => {
  await sql`insert into workspaces (team_id) values ('TFAST'), ('TSLOW')`.execute(world.db.kysely);
  const failing = await writeNotice(world.db.kysely, { teamId: 'TFAST', dueAt: T0, payload: { target: { type: 'channel', channelId: 'CFAST' } } });
  const slowly = await writeNotice(world.db.kysely, { teamId: 'TSLOW', dueAt: T0, payload: { target: { type: 'channel', channelId: 'CSLOW' } } });
  let slowPostDone = false;
  const slack: ReminderSlack = {
    openDm: async () => 'D0',
    findPosted: async () => null,
    update: async () => undefined,
    post: async (channel) => {
      if (channel === 'CFAST') throw Object.assign(new Error('rate limited'), { code: 'slack_webapi_rate_limited_error', retryAfter: 1 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      slowPostDone = true;
      return { ts: '1.000001' };
    },
  };
  const deps = {
    db: world.db.kysely,
    slack: anyTeamSlack(slack),
    logger: pino({ level: 'silent' }),
    settings: DEFAULT_SCHEDULER_SETTINGS,
    // The database fails right when the fast workspace's 429 is recorded.
    onRateLimited: async () => {
      throw new Error('connection terminated');
    },
  };
  const stats = await dispatchDue(world.db.kysely, deps, clock, {
    ...DEFAULT_SCHEDULER_SETTINGS,
    replica: 'r',
    rate: { perSecond: 100, burst: 100 },
    budgetMs: 2_000,
  });
  expect(slowPostDone).toBe(true);
  expect(await row(slowly)).toMatchObject({ state: 'sent', slack_ts: '1.000001' });
  // The one that threw keeps its lease, to be looked at again once it runs out.
  expect(await row(failing)).toMatchObject({ state: 'sending', attempt: 1 });
  expect(stats).toMatchObject({ sent: 1, errors: 1 });
});

it('once shutdown began, a row whose post had not started is handed back instead of posted', async () => {
  await sql`insert into workspaces (team_id) values (${RACE_TEAM})`.execute(world.db.kysely);
  const scheduler = replicaScheduler(world.db.kysely, world.standIn, 'stopping', { sendTimeoutMs: 2_000 });
  const id = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: { type: 'channel', channelId: 'CPUBLIC' } } });
  // Attempt 1 ends in doubt; attempt 2 first looks for it, and Slack takes its time to answer.
  world.standIn.failNext('chat.postMessage', { status: 500, afterApplying: false });
  await scheduler.runPass(clock);
  world.set(T0.getTime() + 60_000);
  world.standIn.failNext('conversations.history', { hangMs: 400, afterApplying: true });
  const pass = scheduler.runPass(clock);
  await new Promise((resolve) => setTimeout(resolve, 150));
  await scheduler.stop();
  expect(await pass).toBeDefined();
  expect(world.standIn.callsTo('conversations.history')).toHaveLength(1);
  expect(world.standIn.callsTo('chat.postMessage')).toHaveLength(1);
  expect(postsPerReminder(world.standIn).get(id)).toBeUndefined();
  expect(await row(id)).toMatchObject({ state: 'unknown', last_error: 'released_on_shutdown', sends: 1 });
});
