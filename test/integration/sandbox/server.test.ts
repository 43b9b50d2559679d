/**
 * The sandbox's HTTP API without a browser: the page's files, one person's view of one place, and each
 * interaction played through the real bot (a command and its private answer, a DM, a modal with a
 * dispatch action, field errors and a submission, a button in a message, a message typed in the goals
 * channel, the clock to the next meeting and to the end of the pair, Reset), and what
 * it refuses. The browser test (test/e2e) plays the same through the page.
 */
import { DateTime } from 'luxon';
import { Sandbox } from '../../../src/sandbox/sandbox';
import { startSandboxServer } from '../../../src/sandbox/server';
import type { Snapshot } from '../../../src/sandbox/snapshot';
import { GoalModal, OpenActions, PairLifeActions, PairModal } from '../../../src/slack/ids';
import { createTestDb } from '../../support/test-db';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  sandbox = await Sandbox.start({ openDb: () => createTestDb() });
  server = await startSandboxServer(sandbox, 0);
});

afterAll(async () => {
  await server.close();
  await sandbox.close();
});

const post = async (route: string, body: unknown): Promise<{ status: number; json: Record<string, any> }> => {
  const res = await fetch(`${server.url}api/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
};
const state = async (user: string, at = `D${user}`): Promise<Snapshot> =>
  (await fetch(`${server.url}api/state?user=${user}&at=${at}`)).json() as Promise<Snapshot>;
const { blocks: b } = PairModal;

describe('the page', () => {
  it('serves the shell, its script and its style', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('<script src="/sandbox.js"></script>');
    expect((await fetch(`${server.url}sandbox.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.url}sandbox.css`)).headers.get('content-type')).toMatch(/css/);
  });

  it("shows a person's sidebar (mentor, two mentees, coordinator), Home, the DM and the goals channel", async () => {
    const view = await state('UMARIA');
    expect(view.people.map((p) => `${p.name} (${p.role})`)).toEqual(['Maria (mentor)', 'Theo (mentee)', 'Priya (mentee)', 'Cora (coordinator)']);
    expect(view.conversations.map((c) => c.name)).toEqual(['Home', 'Messages', '#theo-growth']);
    expect(view.at).toBe('DUMARIA');
    expect(view.modal).toBeNull();
  });
});

describe('acting through the bot', () => {
  it('shows the answer to a command only to the person who typed it, and changes the version', async () => {
    const before = ((await (await fetch(`${server.url}api/version`)).json()) as { version: string }).version;
    const { status, json } = await post('command', { user: 'UMARIA', channel: 'DUMARIA', text: '/mentorship help' });
    expect(status).toBe(200);
    expect(json.version).not.toBe(before);
    expect((await state('UMARIA')).body).toMatch(/Only visible to you[\s\S]*\/mentorship pair/);
    expect((await state('UTHEO', 'DUMARIA')).body).not.toContain('/mentorship pair');
  });

  it('shows a DM the person typed, and the bot answers it', async () => {
    await post('message', { user: 'UTHEO', text: 'hello <b>bot</b>' });
    const body = (await state('UTHEO')).body;
    expect(body).toContain('hello &lt;b&gt;bot&lt;/b&gt;');
    expect(body).toMatch(/class="message from-bot ephemeral"/);
  });

  it('shows a message typed in the goals channel to everyone there, formatted, and sends the bot nothing (no message.channels)', async () => {
    const events = jest.spyOn(sandbox.world.driver, 'event');
    try {
      const { status } = await post('message', { user: 'UTHEO', channel: 'CGROWTH', text: '*First goal* coming :seedling: <@UMARIA>' });
      expect(status).toBe(200);
      expect(events).not.toHaveBeenCalled();
    } finally {
      events.mockRestore();
    }
    const body = (await state('UMARIA', 'CGROWTH')).body;
    expect(body).toMatch(/class="message from-person"[^>]*data-channel="CGROWTH"[^]*?<span class="author">Theo<\/span>/);
    expect(body).toContain('<div class="typed"><b>First goal</b> coming 🌱 &lt;@UMARIA&gt;</div>');
  });

  it('plays a modal: the dispatch action redraws it, field errors stay on it, a submission closes it', async () => {
    await post('command', { user: 'UMARIA', channel: 'DUMARIA', text: '/mentorship pair' });
    let modal = (await state('UMARIA')).modal!;
    expect(modal.html).toContain('data-callback-id="pair_create"');
    const shown = { [b.mentor]: 'UMARIA', [b.mentee]: 'UTHEO', [b.channel]: null, [b.timeZone]: 'Europe/Berlin' };
    await post('view-action', { user: 'UMARIA', viewId: modal.id, blockId: b.mentee, value: 'UTHEO', values: shown });
    modal = (await state('UMARIA')).modal!;
    expect(modal.html).toContain('value="America/New_York"');

    const refused = await post('submit', { user: 'UMARIA', viewId: modal.id, values: { ...shown, [b.timeZone]: 'America/New_York' } });
    expect(refused.json.errors).toEqual({ [b.channel]: 'Please complete this required field.' });
    expect((await state('UMARIA')).modal!.html).toMatch(/data-error-for="pair_channel"[^>]*>Please complete this required field\./);

    const done = await post('submit', { user: 'UMARIA', viewId: modal.id, values: { ...shown, [b.channel]: 'CGROWTH', [b.timeZone]: 'America/New_York' } });
    expect(done.json.errors).toBeUndefined();
    expect((await state('UMARIA')).modal).toBeNull();
  });

  it('presses a button in a message (the invitation) through the signed endpoint', async () => {
    const invitation = sandbox.world.standIn.dmsTo('UTHEO').find((m) => JSON.stringify(m.blocks).includes(PairLifeActions.accept))!;
    const { status } = await post('message-action', { user: 'UTHEO', channel: invitation.channel, ts: invitation.ts, actionId: PairLifeActions.accept });
    expect(status).toBe(200);
    expect((await state('UTHEO')).body).toContain('Welcome to your mentorship');
    expect((await state('UTHEO', 'CGROWTH')).body).toContain('are starting a mentorship');
  });

  it('pushes a view on the modal stack, and closing the top one goes back to the one below', async () => {
    await post('command', { user: 'UTHEO', channel: 'DUTHEO', text: 'goals' });
    const list = sandbox.world.standIn.ephemeralsFor('UTHEO').at(-1)!;
    await post('message-action', { user: 'UTHEO', channel: list.channel, ts: list.ts, actionId: OpenActions.addGoal });
    const goal = (await state('UTHEO')).modal!;
    expect(goal.depth).toBe(1);
    await post('view-action', { user: 'UTHEO', viewId: goal.id, actionId: GoalModal.actions.openSwot, values: {} });
    const swot = (await state('UTHEO')).modal!;
    expect(swot).toEqual(expect.objectContaining({ depth: 2, html: expect.stringMatching(/SWOT/) }));
    await post('close', { user: 'UTHEO', viewId: swot.id });
    expect((await state('UTHEO')).modal).toEqual(expect.objectContaining({ id: goal.id, depth: 1 }));
    await post('close', { user: 'UTHEO', viewId: goal.id });
    expect((await state('UTHEO')).modal).toBeNull();
  });

  it('lets the coordinator (a workspace admin) open the program overview, and not the mentor', async () => {
    await post('command', { user: 'UCORA', channel: 'DUCORA', text: 'program' });
    expect((await state('UCORA')).modal?.html).toContain('Program overview');
    await post('command', { user: 'UMARIA', channel: 'DUMARIA', text: 'program' });
    expect((await state('UMARIA')).modal).toBeNull();
  });

  it('opens the Home tab: Slack tells the bot, which publishes it', async () => {
    await post('home', { user: 'UTHEO' });
    expect((await state('UTHEO', 'home')).body).toMatch(/class="home"[\s\S]*Mentored by/);
  });

  it("moves the clock to the person's next meeting, with the scheduler passes on the way", async () => {
    const meeting = await sandbox.world.db.kysely.selectFrom('meetings').select('scheduled_at').orderBy('scheduled_at').executeTakeFirstOrThrow();
    const { json } = await post('clock', { user: 'UTHEO', step: 'next-meeting' });
    expect(json.clock).toBe(meeting.scheduled_at.toISOString());
    expect((await state('UTHEO')).body).toContain('Your meeting with');
    const { json: none } = await post('clock', { user: 'UPRIYA', step: 'next-meeting' });
    expect(none.notice).toBe('Priya has no meeting coming up.');
  });

  it("moves the clock to the end of the person's pair: the scheduler ends it, and each meeting's reminders came on the way", async () => {
    const db = sandbox.world.db.kysely;
    const last = await db.selectFrom('meetings').select(['scheduled_at', 'duration_minutes']).orderBy('scheduled_at', 'desc').executeTakeFirstOrThrow();
    const { json } = await post('clock', { user: 'UTHEO', step: 'pair-end' });
    const pair = await db.selectFrom('pairs').select(['status', 'ended_at', 'planned_end_on']).executeTakeFirstOrThrow();
    expect(pair.status).toBe('ended');
    expect(json.clock).toBe(pair.ended_at!.toISOString());
    expect(new Date(json.clock as string).getTime()).toBeGreaterThanOrEqual(last.scheduled_at.getTime() + last.duration_minutes * 60_000);
    const held = await db.selectFrom('meetings').select('id').where('scheduled_at', '<=', pair.ended_at!).execute();
    expect(held.length).toBeGreaterThan(3);
    const nudges = sandbox.world.standIn.dmsTo('UTHEO').filter((m) => (m.text ?? '').endsWith('prepare the agenda.'));
    expect(nudges.length).toBe(held.length);
    const body = (await state('UTHEO')).body;
    expect(body).toContain('A closing reflection');
    // Each message shows the clock's time when it came, not the time the jump ended: the thanks prompt
    // at the end of the first meeting, the prep nudge a day before the last (Theo's zone; the dates follow today's).
    const [first] = await db.selectFrom('meetings').select(['scheduled_at', 'duration_minutes']).orderBy('scheduled_at').execute();
    const shownAt = (at: Date) => DateTime.fromJSDate(at, { zone: 'America/New_York' }).toFormat('ccc d LLL, HH:');
    expect(body).toContain(`<span class="time">${shownAt(new Date(first!.scheduled_at.getTime() + first!.duration_minutes * 60_000))}0`);
    expect(body).toContain(`<span class="time">${shownAt(new Date(last.scheduled_at.getTime() - 86_400_000))}0`);
    const { json: none } = await post('clock', { user: 'UTHEO', step: 'pair-end' });
    expect(none.notice).toBe('Theo has no mentorship going on.');
  });
});

describe('what it refuses', () => {
  it('answers 400 to someone who is not in the sandbox, 404 to an unknown route, and a notice for a view that is closed', async () => {
    expect((await post('command', { user: 'UNOBODY', channel: 'DUNOBODY', text: 'help' })).status).toBe(400);
    expect((await post('nothing', {})).status).toBe(404);
    const closed = await post('submit', { user: 'UMARIA', viewId: 'V404', values: {} });
    expect(closed).toEqual({ status: 200, json: expect.objectContaining({ notice: 'That view is closed.' }) });
  });
});

describe('Reset', () => {
  it('starts a fresh world: no messages, no pair', async () => {
    await post('reset', {});
    expect((await state('UTHEO')).body).toContain('Nothing here yet');
    expect(await sandbox.world.db.kysely.selectFrom('pairs').select('id').execute()).toEqual([]);
  });
});
