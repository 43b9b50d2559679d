import { clockedWorld } from './clocked-world';
import { writeNotice } from './notice-fixtures';
import { AFTER_END, MEETING_AT, postsPerReminder, RACE_TEAM, replicaScheduler, seedPairs } from './replicas';

/**
 * What the outbox counts of the Slack calls it really made: the instant the last post started (where
 * a post in doubt is looked for) and the number of real sends (the retry budget), neither moved by
 * claims that sent nothing. The clock, and the stand-in's message timestamps with it, are the test's.
 */
const T0 = AFTER_END;
const world = clockedWorld(T0);
const { clock } = world;

beforeEach(() => seedPairs(world.db.kysely, world.standIn, 1));

const scheduler = (name: string, settings = {}) => replicaScheduler(world.db.kysely, world.standIn, name, { sendTimeoutMs: 500, ...settings });
const pass = (s: ReturnType<typeof scheduler>, plusMs: number) => {
  world.set(T0.getTime() + plusMs);
  return s.runPass(clock);
};
/** The thanks prompts of the seeded meeting. */
const thanks = async () =>
  (await world.db.kysely.selectFrom('outbox').selectAll().where('kind', '=', 'thanks').orderBy('id').execute()).filter(
    (row) => row.payload.meetingAt === MEETING_AT.toISOString(),
  );
const row = (id: string) => world.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const postCalls = (id: string) => world.standIn.callsTo('chat.postMessage').filter((call) => call.args.metadata?.event_payload?.reminder_id === id).length;

it('looks for a post in doubt from when it was made, not from a later claim that posted nothing (429 hand-back)', async () => {
  const one = scheduler('r1');
  // Attempt 1 posts at T0, but the answer never comes in time: in doubt.
  world.standIn.failNext('chat.postMessage', { hangMs: 2_500, afterApplying: true });
  await pass(one, 0);
  const doubtful = (await thanks()).find((r) => r.state === 'unknown')!;
  expect(doubtful.last_post_at?.toISOString()).toBe(T0.toISOString());
  // A notice due before it is claimed first in the next pass, and Slack answers it 429: the rest of
  // the claim, the row in doubt included, is handed back unsent (attempt 2, claimed at T0 + 80 s).
  const notice = await writeNotice(world.db.kysely, {
    teamId: RACE_TEAM,
    dueAt: new Date(T0.getTime() + 20_000),
    payload: { target: { type: 'channel', channelId: 'CPUBLIC' } },
  });
  world.standIn.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 20 });
  await pass(one, 80_000);
  expect(await row(doubtful.id)).toMatchObject({ state: 'unknown', attempt: 2, last_error: 'ratelimited', last_post_at: T0 });

  // Attempt 3 looks from attempt 1's post on, finds it, and does not post again.
  await pass(one, 110_000);
  expect(await row(doubtful.id)).toMatchObject({ state: 'sent', attempt: 3, last_error: 'reconciled', sends: 1 });
  expect(postsPerReminder(world.standIn).get(doubtful.id)).toBe(1);
  expect(postsPerReminder(world.standIn).get(notice)).toBe(1);
});

it('does not spend the retry budget on claims that sent nothing (leases too short to post)', async () => {
  // A replica whose lease cannot outlive its request timeout hands every claim back unsent.
  const cramped = scheduler('cramped', { leaseMs: 5_000, budgetMs: 50 });
  await pass(cramped, -10 * 60_000); // plans; nothing due yet
  expect(await thanks()).toHaveLength(2);
  for (let passes = 0; passes < 50 && !(await thanks()).every((r) => r.attempt > 5); passes += 1) await pass(cramped, 0);
  const handedBack = await thanks();
  expect(handedBack.every((r) => r.state === 'pending' && r.attempt > 5 && r.sends === 0 && r.last_error === 'lease_too_short')).toBe(true);
  expect(world.standIn.callsTo('chat.postMessage')).toHaveLength(0);

  await pass(scheduler('roomy'), 1_000);
  const sent = await thanks();
  expect(sent.map((r) => `${r.state}:${r.sends}`)).toEqual(['sent:1', 'sent:1']);
  expect(sent.every((r) => postsPerReminder(world.standIn).get(r.id) === 1)).toBe(true);
});

it('does not count a 429 as a send: a row turned away by Slack five times is still sent on the sixth', async () => {
  const one = scheduler('r429');
  await pass(one, -10 * 60_000); // plans; nothing due yet
  const [target] = await thanks();
  let refused = 0;
  world.standIn.setFaultPolicy((method, args) => {
    if (method !== 'chat.postMessage' || args.metadata?.event_payload?.reminder_id !== target!.id || refused >= 5) return undefined;
    refused += 1;
    return { status: 429, retryAfterSeconds: 1 };
  });
  for (let i = 0; i < 6; i += 1) await pass(one, i * 2_000);
  expect(refused).toBe(5);
  expect(await row(target!.id)).toMatchObject({ state: 'sent', attempt: 6, sends: 1 });
  expect(postCalls(target!.id)).toBe(6);
});

it('fails a row after five real sends that all ended in doubt and were never found, not before', async () => {
  const one = scheduler('rdoubt');
  await pass(one, -10 * 60_000); // plans; nothing due yet
  const [target] = await thanks();
  world.standIn.setFaultPolicy((method, args) =>
    method === 'chat.postMessage' && args.metadata?.event_payload?.reminder_id === target!.id ? { status: 500, afterApplying: false } : undefined,
  );
  for (let i = 0; i < 6; i += 1) await pass(one, i * 60_000);
  expect(postCalls(target!.id)).toBe(5);
  expect(await row(target!.id)).toMatchObject({ state: 'failed', last_error: 'too_many_attempts', sends: 5, attempt: 6 });
  expect(postsPerReminder(world.standIn).get(target!.id)).toBeUndefined();
});
