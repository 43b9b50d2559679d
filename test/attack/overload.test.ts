/**
 * Past its bound on requests in flight, the bot answers at once with a polite "busy, try again"
 * instead of queueing without limit. The bound here is 1, so one slow request (a views.open that
 * takes 1.5 s) is enough to be "over capacity".
 */
import { AgendaModal, PairModal } from '../../src/slack/ids';
import { sql } from 'kysely';
import { BUSY_FORM_TEXT, BUSY_TEXT } from '../../src/slack/middleware/busy-answer';
import { snapshotDb } from '../support/db-snapshot';
import { type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { sendViewSubmission } from '../support/raw-slack';
import { createPair } from '../support/meeting-fixtures';
import { eventually, settled } from '../support/wait';

const logs = captureLogs();
let h: Harness;
let homeOpened = 0;

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger, maxInFlight: 1 });
  h.bot.slackApp.app.event('app_home_opened', async () => {
    homeOpened += 1;
  });
});
afterAll(() => h.close());

/** Starts `/mentorship pair` for `userId` with views.open held for `ms`: the one request in flight. */
async function occupy(userId: string, ms = 1500): Promise<void> {
  h.standIn.failNext('views.open', { hangMs: ms });
  const response = await h.driver.command(userId, 'pair');
  expect(response.status).toBe(200);
  await eventually(() => h.standIn.calls.some((call) => call.method === 'views.open' && call.error === 'pending'));
}

/** Until the held views.open has answered and the app has finished with it. */
async function drained(): Promise<void> {
  await eventually(() => !h.standIn.calls.some((call) => call.error === 'pending'), 5000);
  await settled(h.standIn.calls, 100);
}

describe('over its bound on requests in flight', () => {
  it('does not count the notices a request left as in flight: the next request is served while they go out', async () => {
    h.clock.set('2026-11-23T14:00:00Z');
    await createPair(h); // maria (Berlin, 15:00: awake) and theo; first meeting 1 Dec
    await h.settle();
    await h.driver.command(USERS.mentee.id, 'agenda');
    const view = await eventually(() => h.standIn.topView(USERS.mentee.id));
    // The DM to the mentor, sent after the ack by the notice sender, takes 1.5 s.
    h.standIn.failNext('chat.postMessage', { hangMs: 1500 });
    const saved = await h.driver.submitView(USERS.mentee.id, view, { [AgendaModal.blocks.topics]: 'Career path' });
    expect(saved.errors).toBeUndefined();
    await eventually(() => h.standIn.calls.some((call) => call.method === 'chat.postMessage' && call.error === 'pending'));
    const next = await h.driver.command(USERS.stranger.id, 'help');
    expect(next.json.text ?? '').not.toContain(BUSY_TEXT);
    await eventually(() => h.standIn.dmsTo(USERS.mentor.id).some((dm) => JSON.stringify(dm.blocks).includes('Career path')), 5000);
    await drained();
    await h.db.kysely.deleteFrom('pairs').execute();
  });

  it('answers a command at once with an ephemeral "busy, try again"', async () => {
    await occupy(USERS.mentor.id);
    const response = await h.driver.command(USERS.stranger.id, 'help');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ response_type: 'ephemeral' });
    expect(response.json.text).toContain(BUSY_TEXT);
    expect(response.json.text).toMatch(/try again in a moment/);
    await drained();
  });

  it('keeps a submitted modal open with the "busy" message on its first field, and saves nothing', async () => {
    await h.driver.command(USERS.other.id, 'pair');
    const view = await eventually(() => h.standIn.topView(USERS.other.id));
    await occupy(USERS.mentor.id);
    const before = await snapshotDb(h.db);
    const response = await sendViewSubmission(h, USERS.other.id, view, {});
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ response_action: 'errors', errors: { [PairModal.blocks.mentor]: BUSY_FORM_TEXT } });
    expect(h.standIn.applyViewAck(USERS.other.id, view.id, response.json)).toMatchObject({ ok: true, action: 'errors' });
    expect(await snapshotDb(h.db)).toEqual(before);
    await drained();
  });

  it('acknowledges an event (Slack must not retry it) without handling it', async () => {
    await occupy(USERS.mentor.id);
    const response = await h.driver.appHomeOpened(USERS.mentee.id);
    expect(response.status).toBe(200);
    await drained();
    expect(homeOpened).toBe(0);
  });

  it('serves normally again once the request in flight is done', async () => {
    await drained();
    const response = await h.driver.command(USERS.stranger.id, 'help');
    expect(JSON.stringify(response.json)).toContain('/mentorship pair');
    await h.driver.appHomeOpened(USERS.mentee.id);
    await eventually(() => homeOpened === 1);
  });

  it('answers "busy" at once, before any database work, while queries queue for the database, and saves nothing', async () => {
    await drained();
    await h.driver.command(USERS.other.id, 'pair');
    const view = await eventually(() => h.standIn.topView(USERS.other.id));
    const before = await snapshotDb(h.db);
    // The embedded database's one connection held by a transaction, and 150 queries queued behind it.
    let release: (() => void) | undefined;
    const held = h.db.kysely.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx);
      await new Promise<void>((resolve) => (release = resolve));
    });
    // The transaction holds its connection first (on a busy machine its statements can run late).
    await eventually(() => release !== undefined);
    const queued = Array.from({ length: 150 }, () => sql`select 1`.execute(h.db.kysely));
    await eventually(() => (h.db.poolStats?.().waiting ?? 0) >= 150);
    // The answer comes while the queue is still held: a request admitted would wait behind it.
    const response = await sendViewSubmission(h, USERS.other.id, view, {});
    release!();
    await Promise.all([held, ...queued]);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ response_action: 'errors', errors: { [PairModal.blocks.mentor]: BUSY_FORM_TEXT } });
    expect(await snapshotDb(h.db)).toEqual(before);
    await h.bot.idle();
    const command = await h.driver.command(USERS.stranger.id, 'help');
    expect(JSON.stringify(command.json)).toContain('/mentorship pair');
  });

  it('logs the shedding as a warning, at most once per interval, and no error', () => {
    const warnings = logs.lines.filter((line) => line.msg === 'shedding load');
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThan(3);
    expect(warnings[0]).toMatchObject({ maxInFlight: 1 });
    expect(logs.errors()).toEqual([]);
  });
});
