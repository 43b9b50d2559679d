import pino from 'pino';
import type { Db } from '../../../src/db/create-db';
import { startSchedulerClock } from '../../../src/scheduler/clock';
import type { MeetingSource } from '../../../src/domain/reminders/meeting-source';
import { anchoredClock, databaseClock, recentDatabaseClock, Scheduler } from '../../../src/scheduler/scheduler';
import { databaseNow } from '../../../src/db/now';
import type { ReminderSlack } from '../../../src/scheduler/slack-gateway';
import { anyTeamSlack } from '../../../src/scheduler/team-slack';
import { createTestDb } from '../../support/test-db';
import { eventually } from '../../support/wait';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const noSlack: ReminderSlack = {
  openDm: async () => 'D0',
  post: async () => ({ ts: '1.0' }),
  update: async () => undefined,
  findPosted: async () => null,
};

it('ticks passes on its own, and stop() waits for the pass in flight and starts no other', async () => {
  let passes = 0;
  let release: () => void = () => undefined;
  const slowMeetings: MeetingSource = {
    ensureUpcoming: () => {
      passes += 1;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  };
  const scheduler = new Scheduler({ db: db.kysely, slack: anyTeamSlack(noSlack), meetings: slowMeetings, logger: pino({ level: 'silent' }) });
  const clock = startSchedulerClock(scheduler, db.kysely, pino({ level: 'silent' }), '* * * * * *'); // every second
  await eventually(() => passes === 1, 5_000);

  let stopped = false;
  const stopping = clock.stop().then(() => {
    stopped = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 1_500)); // a tick would have fired meanwhile
  expect(stopped).toBe(false);
  expect(passes).toBe(1); // noOverlap, and no new pass once stopping
  release();
  await stopping;
  expect(stopped).toBe(true);
  await clock.stop(); // safe to call twice
});

describe('the clock a pass runs on', () => {
  afterEach(() => jest.restoreAllMocks());

  it('starts at the database’s time and keeps moving forward when the host’s wall clock steps back (NTP)', async () => {
    const clock = await databaseClock(db.kysely);
    const first = clock().getTime();
    expect(Math.abs(first - (await databaseNow(db.kysely)).getTime())).toBeLessThan(1_000);
    const wall = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(wall - 3_600_000); // an hour back
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = clock().getTime();
    expect(after).toBeGreaterThanOrEqual(first + 15);
    expect(after - first).toBeLessThan(1_000);
  });

  it("for the notice sender, reads the database's time once per refresh period, not for every request", async () => {
    let reads = 0;
    const counted = db.kysely.withPlugin({
      transformQuery: (args) => {
        reads += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const clockOf = recentDatabaseClock(counted, 200);
    const [a, b] = await Promise.all([clockOf(), clockOf()]);
    const c = await clockOf();
    expect(reads).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(Math.abs(c().getTime() - (await databaseNow(db.kysely)).getTime())).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await clockOf();
    expect(reads).toBe(2);
  });

  it('anchored at --now, moves on in monotonic time too', async () => {
    const clock = anchoredClock(new Date('2026-12-01T09:00:00Z'));
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() - 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reading = clock().getTime() - Date.parse('2026-12-01T09:00:00Z');
    expect(reading).toBeGreaterThanOrEqual(15);
    expect(reading).toBeLessThan(1_000);
  });
});
