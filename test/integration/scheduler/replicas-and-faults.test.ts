import { sql } from 'kysely';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { claimDue } from '../../../src/scheduler/outbox.repository';
import { createTestDb } from '../../support/test-db';
import {
  AFTER_END,
  at,
  claimBarrier,
  MEETING_AT,
  postsPerReminder,
  RACE_TEAM,
  RACE_TOKEN,
  type Replica,
  type ReplicaExtras,
  seedPairs,
  startReplica,
} from './replicas';

/**
 * Exactly-once under concurrency and faults needs a real PostgreSQL (row locks, SKIP LOCKED, several
 * connection pools): PGlite is one connection in one process. In CI the suite runs both ways.
 */
const REASON = 'needs DATABASE_URL (a real PostgreSQL): races and faults between replicas';
const describePg = process.env.DATABASE_URL ? describe : describe.skip;

describePg(`several replicas, crashes and Slack faults (${process.env.DATABASE_URL ? 'PostgreSQL' : REASON})`, () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let standIn: SlackStandIn;
  const replicas: Replica[] = [];
  const GRACE = 30_000;

  beforeAll(async () => {
    db = await createTestDb('postgres');
    standIn = await SlackStandIn.start({ botToken: RACE_TOKEN, teamId: RACE_TEAM });
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.db.close();
    await standIn.stop();
    await db.close();
  });
  beforeEach(async () => {
    await sql`truncate workspaces cascade`.execute(db.kysely);
    standIn.reset();
  });

  async function replica(name: string, settings = {}, extras: ReplicaExtras = {}): Promise<Replica> {
    const started = await startReplica(db.url!, standIn, name, settings, extras);
    replicas.push(started);
    return started;
  }
  /** The thanks prompts of the seeded meeting (a pass also plans the next meeting's, not due yet). */
  const rows = async () =>
    (await db.kysely.selectFrom('outbox').selectAll().where('kind', '=', 'thanks').orderBy('id').execute()).filter(
      (row) => row.payload.meetingAt === MEETING_AT.toISOString(),
    );
  /** Messages per reminder in the people's DMs, for the rows under test only. */
  const postsOf = async () => {
    const ids = new Set((await rows()).map((row) => row.id));
    return new Map([...postsPerReminder(standIn)].filter(([id]) => ids.has(id)));
  };

  it('sends each due reminder exactly once when four replicas race over the same rows', async () => {
    await seedPairs(db.kysely, standIn, 30);
    // Each replica is held at its first post until all four have claimed, so the race is real every time.
    const barrier = claimBarrier(4);
    const four = await Promise.all(['r1', 'r2', 'r3', 'r4'].map((name) => replica(name, { batchSize: 3 }, { wrapSlack: barrier })));
    // Planned beforehand, two days ahead (nothing due then): a pass that finds nothing to plan while
    // another is still writing the rows would otherwise find nothing due either, and end before the race.
    await (await replica('planner')).scheduler.runPass(at(MEETING_AT, -2 * 86_400_000));
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(0);
    const reports = await Promise.all(four.map((r) => r.scheduler.runPass(at(AFTER_END))));
    // A second round of passes finds nothing left to send.
    await Promise.all(four.map((r) => r.scheduler.runPass(at(AFTER_END, 60_000))));

    const due = await rows();
    expect(due).toHaveLength(60);
    expect(due.every((row) => row.state === 'sent' && row.attempt === 1)).toBe(true);
    const posts = await postsOf();
    expect(posts.size).toBe(60);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(due.map((row) => row.id))).toEqual(new Set(posts.keys()));
    // The work really was shared: every replica claimed rows.
    expect(reports.map((report) => (report?.dispatch.claimed ?? 0) > 0)).toEqual([true, true, true, true]);
  });

  it('sends the rows of a pass that died after claiming once its lease has run out, once', async () => {
    await seedPairs(db.kysely, standIn, 3);
    const survivor = await replica('survivor');
    await survivor.scheduler.runPass(at(AFTER_END, -10 * 60_000)); // plans; nothing due yet
    // The dead pass: claims everything due, then never sends or completes.
    const abandoned = await claimDue(db.kysely, { teamId: RACE_TEAM, limit: 100, now: AFTER_END, leaseMs: 60_000, replica: 'dead' });
    expect(abandoned).toHaveLength(6);

    await survivor.scheduler.runPass(at(AFTER_END, 30_000));
    expect((await postsOf()).size).toBe(0);

    await survivor.scheduler.runPass(at(AFTER_END, 61_000));
    await survivor.scheduler.runPass(at(AFTER_END, 120_000));
    const posts = await postsOf();
    expect(posts.size).toBe(6);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    const after = await rows();
    expect(after.every((row) => row.state === 'sent' && row.attempt === 2)).toBe(true);
    // The dead pass never started a post (none is recorded on the rows), so there was nothing to look for.
    expect(standIn.callsTo('conversations.history')).toHaveLength(0);
  });

  it('waits out a 429 for its Retry-After, for the whole workspace, then sends everything once', async () => {
    await seedPairs(db.kysely, standIn, 2);
    const one = await replica('r429');
    standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 20 });
    const first = await one.scheduler.runPass(at(AFTER_END));
    expect(first?.dispatch.rate_limited).toBe(1);
    expect((await postsOf()).size).toBe(0);
    const limited = (await rows()).find((row) => row.last_error === 'ratelimited')!;
    expect(limited.state).toBe('pending');
    expect(limited.next_attempt_at.toISOString()).toBe(new Date(AFTER_END.getTime() + 20_000).toISOString());

    await one.scheduler.runPass(at(AFTER_END, 10_000)); // still blocked
    expect((await postsOf()).size).toBe(0);
    await one.scheduler.runPass(at(AFTER_END, 21_000));
    const posts = await postsOf();
    expect(posts.size).toBe(4);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    expect((await rows()).every((row) => row.state === 'sent')).toBe(true);
  });

  it('records a permanent error with Slack’s code and never retries it', async () => {
    await seedPairs(db.kysely, standIn, 1);
    const one = await replica('rperm');
    standIn.failNext('chat.postMessage', { error: 'messages_tab_disabled' });
    await one.scheduler.runPass(at(AFTER_END));
    await one.scheduler.runPass(at(AFTER_END, 3_600_000));
    const after = await rows();
    expect(after.map((row) => `${row.state}:${row.last_error ?? ''}`).sort()).toEqual(['failed:messages_tab_disabled', 'sent:']);
    const ids = new Set(after.map((row) => row.id));
    expect(standIn.callsTo('chat.postMessage').filter((call) => ids.has(call.args.metadata?.event_payload?.reminder_id))).toHaveLength(2);
  });

  it.each([
    ['a 500 after posting', { status: 500 as const, afterApplying: true }, 'http_500', 1],
    ['a 500 before posting', { status: 500 as const, afterApplying: false }, 'http_500', 2],
    ['a hang past the timeout after posting', { hangMs: 2_500, afterApplying: true }, 'timeout', 1],
    ['a hang past the timeout, never posted', { hangMs: 2_500, afterApplying: false }, 'timeout', 2],
    ['a dropped connection after posting', { dropConnection: true as const, afterApplying: true }, 'request_error', 1],
    ['an internal_error answer', { error: 'internal_error' }, 'internal_error', 2],
  ])('after %s: in doubt, looked for in the DM, then sent exactly once', async (_name, fault, code, postCalls) => {
    await seedPairs(db.kysely, standIn, 1);
    const one = await replica(`rfault-${code}`, { sendTimeoutMs: 500 });
    standIn.failNext('chat.postMessage', fault);
    const first = await one.scheduler.runPass(at(AFTER_END));
    expect(first?.dispatch.unknown).toBe(1);
    const doubtful = (await rows()).find((row) => row.state === 'unknown')!;
    expect(doubtful.last_error).toContain(code);

    // Within the grace period nothing is resent, whoever runs the pass.
    await one.scheduler.runPass(at(AFTER_END, GRACE / 2));
    expect(standIn.callsTo('conversations.history')).toHaveLength(0);
    await one.scheduler.runPass(at(AFTER_END, GRACE + 5_000));
    await one.scheduler.runPass(at(AFTER_END, 10 * GRACE));

    const posts = await postsOf();
    expect(posts.size).toBe(2);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    const after = await rows();
    expect(after.every((row) => row.state === 'sent' && row.slack_ts)).toBe(true);
    expect(standIn.callsTo('chat.postMessage').filter((call) => call.args.metadata?.event_payload?.reminder_id === doubtful.id)).toHaveLength(postCalls);
    const settled = after.find((row) => row.id === doubtful.id)!;
    expect(settled.last_error).toBe(postCalls === 1 ? 'reconciled' : null);
  });

  it('fails a row in doubt rather than risk a duplicate when its DM cannot be read', async () => {
    await seedPairs(db.kysely, standIn, 1);
    const one = await replica('rscope', { sendTimeoutMs: 500 });
    standIn.failNext('chat.postMessage', { status: 500, afterApplying: false });
    standIn.failNext('conversations.history', { error: 'missing_scope' });
    await one.scheduler.runPass(at(AFTER_END));
    await one.scheduler.runPass(at(AFTER_END, GRACE + 5_000));
    const after = await rows();
    expect(after.map((row) => `${row.state}:${row.last_error ?? ''}`).sort()).toEqual(['failed:unreconciled:missing_scope', 'sent:']);
  });
});
