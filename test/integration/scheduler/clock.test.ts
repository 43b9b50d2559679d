import pino from 'pino';
import type { Db } from '../../../src/db/create-db';
import { startSchedulerClock } from '../../../src/scheduler/clock';
import type { MeetingSource } from '../../../src/scheduler/meeting-source';
import { Scheduler } from '../../../src/scheduler/scheduler';
import type { ReminderSlack } from '../../../src/scheduler/slack-gateway';
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
  const scheduler = new Scheduler({ db: db.kysely, slack: noSlack, meetings: slowMeetings, logger: pino({ level: 'silent' }) });
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
