/**
 * Slack's Web API failing in the middle of a command or a submission: an HTTP 500, a 429, a call
 * hanging past the client's 5 s timeout. The person always hears what happened and that trying
 * again will work; nothing is half-saved; the process keeps serving.
 */
import { sql } from 'kysely';
import type { Fault } from '../../src/devtools/slack-stand-in';
import { PairModal } from '../../src/slack/ids';
import { snapshotDb } from '../support/db-snapshot';
import { CHANNELS, type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { notices } from '../support/outbox';
import { eventually } from '../support/wait';

const { blocks: b } = PairModal;
const logs = captureLogs();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
  logs.clear();
});

const countPairs = async (): Promise<number> => (await sql<{ n: number }>`select count(*)::int as n from pairs`.execute(h.db.kysely)).rows[0]?.n ?? -1;

const FAULTS: Array<[string, Fault, RegExp]> = [
  ['an HTTP 500', { status: 500 }, /Slack had a problem/],
  ['a 429 rate limit', { status: 429, retryAfterSeconds: 30 }, /Slack asked me to slow down/],
  ['a hang past the 5 s client timeout', { hangMs: 7_000 }, /Slack didn't answer in time/],
  ['an expired trigger', { error: 'expired_trigger_id' }, /took too long to open/],
];

describe('views.open failing during /mentorship pair', () => {
  it.each(FAULTS)(
    'on %s, the person is told to try again and nothing is saved',
    async (_name, fault, reason) => {
      const before = await snapshotDb(h.db);
      h.standIn.failNext('views.open', fault);
      const response = await h.driver.command(USERS.mentor.id, 'pair');
      expect(response.status).toBe(200);
      const told = await eventually(() => h.standIn.ephemeralsFor(USERS.mentor.id)[0], 9_000);
      expect(told.text).toMatch(/couldn't finish `\/mentorship pair`/);
      expect(told.text).toMatch(reason);
      expect(told.text).toMatch(/Nothing was saved; please try again/);
      expect(h.standIn.topView(USERS.mentor.id)).toBeUndefined();
      expect(await snapshotDb(h.db)).toEqual(before);
      // A Slack failure is logged as a warning, not as a bug.
      expect(logs.errors()).toEqual([]);
      expect(logs.lines.some((line) => line.msg === 'slack call failed during subcommand')).toBe(true);
    },
    15_000,
  );

  it('works again on the next try', async () => {
    await h.driver.command(USERS.mentor.id, 'pair');
    const view = await eventually(() => h.standIn.topView(USERS.mentor.id));
    expect(view.callback_id).toBe(PairModal.callbackId);
  });
});

const validInputs = {
  [b.mentor]: USERS.mentor.id,
  [b.mentee]: USERS.mentee.id,
  [b.channel]: CHANNELS.goals.id,
  [b.firstDate]: '2026-12-01',
  [b.timeZone]: 'Europe/Berlin',
};

async function openPairModal(userId: string = USERS.mentor.id) {
  await h.driver.command(userId, 'pair');
  return eventually(() => h.standIn.topView(userId));
}

describe('users.info failing while a pair is submitted (before the ack)', () => {
  it.each(FAULTS.slice(0, 3))(
    'on %s, the modal stays open with a field error within the 3 s ack, and no pair is saved',
    async (_name, fault) => {
      const view = await openPairModal();
      const before = await snapshotDb(h.db);
      h.standIn.failNext('users.info', fault, 2);
      const result = await h.driver.submitView(USERS.mentor.id, view, validInputs);
      // A status other than 200 here would be Bolt's 404 after 3 s: Slack would have shown "trouble connecting".
      expect(result.status).toBe(200);
      expect(result.errors?.[b.mentee]).toMatch(/couldn't check these people with Slack/);
      expect(h.standIn.topView(USERS.mentor.id)?.id).toBe(view.id);
      expect(await snapshotDb(h.db)).toEqual(before);
      expect(logs.errors()).toEqual([]);
    },
    15_000,
  );
});

describe('the welcome DMs and channel introduction failing after the pair is created', () => {
  it('keeps the pair and its messages for a later pass, does not crash, and keeps serving', async () => {
    // A coordinator's pair starts at once: both welcomes and the introduction go out with it.
    const view = await openPairModal(USERS.coordinator.id);
    h.standIn.failNext('conversations.open', { status: 500 }, 2);
    h.standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 30 }, 3);
    const result = await h.driver.submitView(USERS.coordinator.id, view, validInputs);
    expect(result.errors).toBeUndefined();
    // Waits for the request's own attempt at sending to end (its outcome is written on the outbox
    // rows), not for a quiet moment on the wire.
    await h.settle();
    const attempted = await eventually(async () => {
      const rows = await notices(h);
      return rows.length === 3 && rows.every((row) => row.state !== 'sending') && rows;
    });
    expect(await countPairs()).toBe(1);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toEqual([]);
    expect(h.standIn.messagesIn(CHANNELS.goals.id)).toEqual([]);
    expect(logs.errors()).toEqual([]);
    // Nothing is lost: both welcomes and the introduction wait in the outbox for the next pass.
    expect(attempted.map((row) => row.payload.topic).sort()).toEqual(['pair_introduction', 'pair_welcome', 'pair_welcome']);
    expect(attempted.map((row) => row.state)).toEqual(['pending', 'pending', 'pending']);

    expect((await fetch(`${h.bot.baseUrl}/healthz`)).status).toBe(200);
    const help = await h.driver.command(USERS.mentee.id, 'help');
    expect(help.status).toBe(200);
    expect(help.text).toContain('/mentorship pair');
  });
});
