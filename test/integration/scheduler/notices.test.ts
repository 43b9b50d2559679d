import { sql } from 'kysely';
import type { NoticeHooks } from '../../../src/domain/notices/notice';
import { RemindersService } from '../../../src/domain/reminders/reminders.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { claimNotices } from '../../../src/scheduler/notices.repository';
import { markSending } from '../../../src/scheduler/outbox.repository';
import { cancelUnsent, upsertPlanned } from '../../../src/domain/reminders/reminders-outbox.repository';
import { replanMeeting } from '../../../src/domain/reminders/plan';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { createReminderClient, webClientReminderSlack } from '../../../src/scheduler/slack-gateway';
import { captureLogs } from '../../support/log-capture';
import { clockedWorld } from './clocked-world';
import { testNoticeSender, writeNotice } from './notice-fixtures';
import { AFTER_END, MEETING_AT, postsPerReminder, RACE_TEAM, RACE_TOKEN, replicaScheduler, seedPairs, startReplica } from './replicas';

/**
 * Notices (src/domain/notices/notice.ts) through the dispatcher: sent at once by the process that
 * wrote them (sendNow) or by any pass, once, whatever Slack answers. The clock, and the stand-in's
 * message timestamps with it, are the test's.
 */
const T0 = new Date('2026-12-01T10:00:00Z');
const GRACE = 30_000;
const world = clockedWorld(T0);
const { clock } = world;
const setClock = world.set;

let scheduler: Scheduler;
const hookCalls: Array<{ key: unknown; channelId: string; ts: string; stateInTx: string | undefined }> = [];
const hooks: NoticeHooks = {
  // Writes a row in the same transaction, and reads back what the mark-sent did in it.
  recordPost: async (tx, args, posted) => {
    const row = await tx.selectFrom('outbox').select('state').where('kind', '=', 'notice').where('slack_ts', '=', posted.ts).executeTakeFirst();
    hookCalls.push({ key: args.key, channelId: posted.channelId, ts: posted.ts, stateInTx: row?.state });
    await tx
      .insertInto('processed_events')
      .values({ event_id: `hook:${String(args.key)}`, team_id: RACE_TEAM })
      .execute();
  },
};

beforeAll(() => {
  scheduler = replicaScheduler(world.db.kysely, world.standIn, 'pass', { sendTimeoutMs: 500 }, { noticeHooks: hooks });
});
beforeEach(async () => {
  const { db, standIn } = world;
  await sql`truncate processed_events`.execute(db.kysely);
  hookCalls.length = 0;
  await sql`insert into workspaces (team_id) values (${RACE_TEAM})`.execute(db.kysely);
  standIn.addUser({ id: 'UKNOWN', name: 'known', tz: 'Europe/Berlin' });
  standIn.addUser({ id: 'USTRANGE', name: 'stranger', tz: 'Europe/Berlin' });
  standIn.addChannel({ id: 'GPRIVATE', name: 'private-goals', isPrivate: true, botIsMember: true });
  await db.kysely
    .insertInto('people')
    .values({ team_id: RACE_TEAM, user_id: 'UKNOWN', display_name: 'known', time_zone: 'Europe/Berlin', dm_channel_id: null, reminders_paused_until: null })
    .execute();
});

const sender = (options: Parameters<typeof testNoticeSender>[3] = {}) => testNoticeSender(world.db.kysely, world.standIn, clock, { hooks, ...options });
const row = (id: string) => world.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const pass = (at: Date | number) => {
  setClock(at);
  return scheduler.runPass(clock);
};
const postsOf = (id: string) => postsPerReminder(world.standIn).get(id) ?? 0;
const dm = (userId: string) => ({ type: 'dm' as const, userId });
const channel = (channelId: string) => ({ type: 'channel' as const, channelId });

describe('each kind of target', () => {
  it('DMs a person through a DM opened once and remembered on the person and on the row, stamped like a reminder, links not unfurled', async () => {
    const id = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: dm('UKNOWN') } });
    await sender().sendNow([id]);

    const sent = await row(id);
    expect(sent).toMatchObject({ state: 'sent', attempt: 1, channel_id: 'DUKNOWN', slack_ts: expect.any(String) });
    const [message] = world.standIn.dmsTo('UKNOWN');
    expect(message).toMatchObject({
      text: (sent.payload.message as { text: string }).text,
      ts: sent.slack_ts,
      metadata: { event_type: 'mentorship_reminder', event_payload: { reminder_id: id, attempt: 1 } },
    });
    const args = world.standIn.callsTo('chat.postMessage')[0]!.args;
    expect([String(args.unfurl_links), String(args.unfurl_media)]).toEqual(['false', 'false']);
    const person = await world.db.kysely.selectFrom('people').select('dm_channel_id').where('user_id', '=', 'UKNOWN').executeTakeFirstOrThrow();
    expect(person.dm_channel_id).toBe('DUKNOWN');

    // The stored channel is used from then on: no second conversations.open.
    const next = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: dm('UKNOWN') } });
    await sender().sendNow([next]);
    expect(world.standIn.dmsTo('UKNOWN')).toHaveLength(2);
    expect(world.standIn.callsTo('conversations.open')).toHaveLength(1);
  });

  it('DMs someone the bot has no person row for, remembering the channel on the row only', async () => {
    const id = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: dm('USTRANGE') } });
    await sender().sendNow([id]);
    expect(await row(id)).toMatchObject({ state: 'sent', channel_id: 'DUSTRANGE' });
    expect(world.standIn.dmsTo('USTRANGE')).toHaveLength(1);
    expect(await world.db.kysely.selectFrom('people').select('user_id').where('user_id', '=', 'USTRANGE').execute()).toEqual([]);
  });

  it('posts in a public and a private channel, unfurling when the notice asks, and runs its hook once in the transaction that marks it sent', async () => {
    const pub = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target: channel('CPUBLIC'), unfurl: true, onPosted: { hook: 'recordPost', args: { key: 'pub' } } },
    });
    const priv = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: channel('GPRIVATE') } });
    await sender().sendNow([pub, priv]);

    const [posted] = world.standIn.messagesIn('CPUBLIC');
    expect(posted).toBeDefined();
    expect(world.standIn.messagesIn('GPRIVATE')).toHaveLength(1);
    const pubCall = world.standIn.callsTo('chat.postMessage').find((call) => call.args.channel === 'CPUBLIC')!;
    expect([String(pubCall.args.unfurl_links), String(pubCall.args.unfurl_media)]).toEqual(['true', 'true']);
    expect(await row(pub)).toMatchObject({ state: 'sent', channel_id: 'CPUBLIC', slack_ts: posted!.ts });
    expect(hookCalls).toEqual([{ key: 'pub', channelId: 'CPUBLIC', ts: posted!.ts, stateInTx: 'sent' }]);
    expect(await world.db.kysely.selectFrom('processed_events').select('event_id').execute()).toEqual([{ event_id: 'hook:pub' }]);
    expect(world.standIn.callsTo('conversations.open')).toHaveLength(0);
  });

  it('updates an earlier message in place; a message that is gone fails for good with Slack’s code', async () => {
    const client = createReminderClient({ token: RACE_TOKEN, apiUrl: world.standIn.apiUrl, timeoutMs: 2_000 });
    const original = await webClientReminderSlack(client).post(
      'CPUBLIC',
      { text: 'Goal: awaiting approval', blocks: [] },
      { reminderId: 'goal-share', attempt: 1 },
    );
    const update = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: {
        target: { type: 'update', channelId: 'CPUBLIC', ts: original.ts! },
        message: { text: 'Goal: approved', blocks: [] },
        onPosted: { hook: 'recordPost', args: { key: 'upd' } },
      },
    });
    const gone = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target: { type: 'update', channelId: 'CPUBLIC', ts: '1.000001' } },
    });
    await sender().sendNow([update, gone]);

    expect(world.standIn.messagesIn('CPUBLIC')).toHaveLength(1);
    expect(world.standIn.findMessage('CPUBLIC', original.ts!)?.text).toBe('Goal: approved');
    expect(await row(update)).toMatchObject({ state: 'sent', slack_ts: original.ts });
    expect(hookCalls.map((call) => [call.key, call.ts])).toEqual([['upd', original.ts]]);
    expect(await row(gone)).toMatchObject({ state: 'failed', last_error: 'message_not_found' });
    await pass(T0.getTime() + 3_600_000);
    expect(world.standIn.callsTo('chat.update')).toHaveLength(2);
  });
});

describe('when and by whom', () => {
  it('leaves a notice due later to the pass at its time, and sends only the rows it is handed', async () => {
    const later = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: new Date(T0.getTime() + 3_600_000), payload: { target: dm('UKNOWN') } });
    const other = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: channel('CPUBLIC') } });
    await sender().sendNow([later]);
    expect(await row(later)).toMatchObject({ state: 'pending', attempt: 0 });
    expect(await row(other)).toMatchObject({ state: 'pending', attempt: 0 });
    expect(world.standIn.callsTo('chat.postMessage')).toHaveLength(0);

    await pass(T0.getTime() + 3_599_000);
    expect(postsOf(later)).toBe(0);
    expect(postsOf(other)).toBe(1);
    await pass(T0.getTime() + 3_600_000);
    expect(postsOf(later)).toBe(1);
    expect(await row(later)).toMatchObject({ state: 'sent', claimed_by: 'pass' });
    // Sent already: handing it to sendNow again does nothing.
    await sender().sendNow([later, other, 'not-a-uuid']);
    expect(world.standIn.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('leaves a notice to a pass when the workspace has no send budget left, and never throws', async () => {
    const id = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: channel('CPUBLIC') } });
    await world.db.kysely
      .insertInto('slack_rate_buckets')
      .values({ team_id: RACE_TEAM, tokens: 0, refilled_at: T0, blocked_until: new Date(T0.getTime() + 20_000) })
      .execute();
    await expect(sender().sendNow([id])).resolves.toBeUndefined();
    expect(await row(id)).toMatchObject({ state: 'pending', attempt: 0 });
    await pass(T0.getTime() + 21_000);
    expect(postsOf(id)).toBe(1);
  });

  it('asks the bucket once per refill for all the requests of a workspace waiting on it, not once per request, and posts each notice once', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: channel('CPUBLIC') } })),
    );
    let bucketReads = 0;
    const counted = world.db.kysely.withPlugin({
      transformQuery: ({ node }) => {
        if (node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"slack_rate_buckets"')) bucketReads += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const started = Date.now();
    const ticking = () => new Date(T0.getTime() + Date.now() - started);
    const requests = testNoticeSender(counted, world.standIn, ticking, { hooks, settings: { rate: { perSecond: 40, burst: 1 } } });
    await Promise.all(ids.map((id) => requests.sendNow([id])));
    expect(ids.map(postsOf)).toEqual(ids.map(() => 1));
    // One loop, waiting for the next token before it asks again: a read per refill, one per notice at a
    // bucket of one. Asking again right after each send, before the next token, would
    // double that; each request polling on its own would read it several hundred times.
    expect(bucketReads).toBeLessThanOrEqual(25);
  });

  it('cancels a notice past its own expiry instead of sending it', async () => {
    const id = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      expiresAt: new Date(T0.getTime() + 60_000),
      payload: { target: channel('CPUBLIC') },
    });
    await pass(T0.getTime() + 60_000);
    expect(await row(id)).toMatchObject({ state: 'cancelled', last_error: 'expired' });
    expect(postsOf(id)).toBe(0);
  });

  it('logs an unknown hook name and still sends the notice', async () => {
    const logs = captureLogs();
    const id = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target: channel('CPUBLIC'), onPosted: { hook: 'noSuchHook', args: {} } },
    });
    await sender({ logger: logs.logger }).sendNow([id]);
    expect(await row(id)).toMatchObject({ state: 'sent' });
    expect(logs.lines.find((line) => line.msg === 'unknown notice hook; the notice is sent without it')).toMatchObject({ hook: 'noSuchHook', noticeId: id });
    expect(logs.lines.find((line) => line.msg === 'notice attempt')).toMatchObject({ outcome: 'sent', noticeId: id, attempt: 1, topic: 'test_notice' });
  });

  it('fails a notice whose payload cannot be read, without calling Slack', async () => {
    const id = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, recipientId: 'UKNOWN', dueAt: T0, payload: { target: { type: 'dm' } as never } });
    await sender().sendNow([id]);
    expect(await row(id)).toMatchObject({ state: 'failed', last_error: 'invalid_notice_payload' });
    expect(world.standIn.calls).toHaveLength(0);
  });

  it('stop() waits for a send in flight, then takes no more', async () => {
    const id = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: channel('CPUBLIC') } });
    world.standIn.failNext('chat.postMessage', { hangMs: 300, afterApplying: true });
    const notices = sender({ settings: { sendTimeoutMs: 2_000 } });
    const sending = notices.sendNow([id]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await notices.stop();
    expect(await row(id)).toMatchObject({ state: 'sent' });
    await sending;
    const next = await writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: T0, payload: { target: channel('CPUBLIC') } });
    await notices.sendNow([next]);
    expect(await row(next)).toMatchObject({ state: 'pending' });
  });
});

describe('sent once through faults', () => {
  it.each([
    ['a public channel', channel('CPUBLIC'), 'CPUBLIC'],
    ['a private channel', channel('GPRIVATE'), 'GPRIVATE'],
    ['a DM opened in that attempt', dm('UKNOWN'), 'DUKNOWN'],
  ])('reconciles a post in doubt in %s through its history: never posted twice, the hook run once', async (_name, target, where) => {
    const id = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target, onPosted: { hook: 'recordPost', args: { key: 'doubt' } } },
    });
    world.standIn.failNext('chat.postMessage', { status: 500, afterApplying: true });
    await sender().sendNow([id]);
    expect(await row(id)).toMatchObject({ state: 'unknown', channel_id: where });
    expect(hookCalls).toHaveLength(0);

    await pass(T0.getTime() + GRACE / 2);
    expect(world.standIn.callsTo('conversations.history')).toHaveLength(0);
    await pass(T0.getTime() + GRACE + 5_000);
    await pass(T0.getTime() + 10 * GRACE);

    expect(postsOf(id)).toBe(1);
    expect(world.standIn.callsTo('conversations.history').map((call) => call.args.channel)).toEqual([where]);
    const settled = await row(id);
    expect(settled).toMatchObject({ state: 'sent', last_error: 'reconciled', slack_ts: world.standIn.messagesIn(where)[0]!.ts });
    expect(hookCalls.map((call) => [call.key, call.channelId, call.ts])).toEqual([['doubt', where, settled.slack_ts]]);
  });

  it('sends a notice whose post in doubt never reached Slack, once, after looking for it', async () => {
    const id = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target: channel('CPUBLIC'), onPosted: { hook: 'recordPost', args: { key: 'lost' } } },
    });
    world.standIn.failNext('chat.postMessage', { status: 500, afterApplying: false });
    await sender().sendNow([id]);
    await pass(T0.getTime() + GRACE + 5_000);
    expect(postsOf(id)).toBe(1);
    expect(world.standIn.callsTo('conversations.history')).toHaveLength(1);
    expect(await row(id)).toMatchObject({ state: 'sent', attempt: 2, last_error: null });
    expect(hookCalls).toHaveLength(1);
  });

  it('after a crash (the lease ran out), finds a post that went out and sends one that did not, each once', async () => {
    const posted = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target: channel('CPUBLIC'), onPosted: { hook: 'recordPost', args: { key: 'crash-after' } } },
    });
    const unposted = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target: channel('CPUBLIC'), onPosted: { hook: 'recordPost', args: { key: 'crash-before' } } },
    });
    // The dead process: claims both, starts both posts as the dispatcher does (recorded first, then
    // the call), and dies: the first reached Slack, the second never did.
    const claimed = await claimNotices(world.db.kysely, { teamId: RACE_TEAM, ids: [posted, unposted], limit: 10, now: T0, leaseMs: 60_000, replica: 'dead' });
    expect(claimed).toHaveLength(2);
    for (const r of claimed) expect(await markSending(world.db.kysely, { id: r.id, attempt: r.attempt, now: T0, channel: 'CPUBLIC', post: true })).toBe(true);
    const client = webClientReminderSlack(createReminderClient({ token: RACE_TOKEN, apiUrl: world.standIn.apiUrl, timeoutMs: 2_000 }));
    const first = claimed.find((r) => r.id === posted)!;
    await client.post('CPUBLIC', first.payload.message as never, { reminderId: posted, attempt: first.attempt });

    await pass(T0.getTime() + 30_000); // still leased: nobody touches them
    expect(world.standIn.callsTo('conversations.history')).toHaveLength(0);
    await pass(T0.getTime() + 61_000);
    await pass(T0.getTime() + 200_000);

    expect(postsOf(posted)).toBe(1);
    expect(postsOf(unposted)).toBe(1);
    expect(await row(posted)).toMatchObject({ state: 'sent', last_error: 'reconciled' });
    expect(await row(unposted)).toMatchObject({ state: 'sent', attempt: 2 });
    expect(hookCalls.map((call) => call.key).sort()).toEqual(['crash-after', 'crash-before']);
  });

  it('makes an update in doubt again after the grace period without reading any history', async () => {
    const client = webClientReminderSlack(createReminderClient({ token: RACE_TOKEN, apiUrl: world.standIn.apiUrl, timeoutMs: 2_000 }));
    const original = await client.post('CPUBLIC', { text: 'before', blocks: [] }, { reminderId: 'x', attempt: 1 });
    const id = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      dueAt: T0,
      payload: { target: { type: 'update', channelId: 'CPUBLIC', ts: original.ts! }, message: { text: 'after', blocks: [] } },
    });
    world.standIn.failNext('chat.update', { status: 500, afterApplying: true });
    await sender().sendNow([id]);
    expect(await row(id)).toMatchObject({ state: 'unknown' });
    await pass(T0.getTime() + GRACE / 2);
    expect(world.standIn.callsTo('chat.update')).toHaveLength(1);
    await pass(T0.getTime() + GRACE + 1_000);
    expect(world.standIn.callsTo('chat.update')).toHaveLength(2);
    expect(world.standIn.callsTo('conversations.history')).toHaveLength(0);
    expect(await row(id)).toMatchObject({ state: 'sent' });
    expect(world.standIn.findMessage('CPUBLIC', original.ts!)?.text).toBe('after');
  });
});

describe('reminders’ rules leave notices alone', () => {
  it('cancelling a meeting’s or a pair’s unsent reminders, and re-planning, never touch a notice', async () => {
    await seedPairs(world.db.kysely, world.standIn, 1);
    setClock(new Date(MEETING_AT.getTime() - 2 * 86_400_000));
    await scheduler.runPass(clock); // plans the meeting's reminders
    const meeting = await world.db.kysely.selectFrom('meetings').select(['id', 'pair_id']).executeTakeFirstOrThrow();
    const notice = await writeNotice(world.db.kysely, {
      teamId: RACE_TEAM,
      pairId: meeting.pair_id,
      meetingId: meeting.id,
      dueAt: new Date(MEETING_AT.getTime() - 86_400_000),
      dedupeKey: 'agenda_shared:meeting:mentor',
      payload: { target: dm('UCE0M') },
    });
    const before = await row(notice);

    await replanMeeting(world.db.kysely, meeting.id, clock());
    await upsertPlanned(
      world.db.kysely,
      [
        {
          teamId: RACE_TEAM,
          kind: 'prep',
          pairId: meeting.pair_id,
          meetingId: meeting.id,
          recipientId: 'UCE0M',
          dedupeKey: 'agenda_shared:meeting:mentor',
          payload: {},
          dueAt: T0,
          expiresAt: AFTER_END,
          basis: 'other',
          skipReason: null,
        } as never,
      ],
      clock(),
    );
    expect(await row(notice)).toEqual(before);
    const reminders = await world.db.kysely.selectFrom('outbox').select('id').where('kind', '<>', 'notice').where('state', '=', 'pending').execute();
    expect(reminders.length).toBeGreaterThan(0);

    expect(await cancelUnsent(world.db.kysely, { meetingId: meeting.id })).toBeGreaterThan(0);
    await cancelUnsent(world.db.kysely, { pairId: meeting.pair_id });
    expect(await row(notice)).toMatchObject({ state: 'pending', last_error: null });
    // Nor can a notice be snoozed as if it were a reminder.
    await expect(
      new RemindersService(world.db.kysely, clock, createEffectsRecorder(clock)).snooze({ teamId: RACE_TEAM, userId: 'UCE0M' }, notice),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the daily cap counts reminders only: notices neither wait for it nor use it up', async () => {
    await seedPairs(world.db.kysely, world.standIn, 1);
    const capped = replicaScheduler(world.db.kysely, world.standIn, 'capped', { sendTimeoutMs: 500, dailyCap: 1 }, { noticeHooks: hooks });
    // Due before the thanks prompt, so a pass claims and sends them first.
    const ids = await Promise.all(
      [1, 2, 3].map(() => writeNotice(world.db.kysely, { teamId: RACE_TEAM, dueAt: MEETING_AT, payload: { target: dm('UCE0E') } })),
    );
    setClock(AFTER_END);
    await capped.runPass(clock);
    expect(ids.map(postsOf)).toEqual([1, 1, 1]);
    // The mentee's one reminder of the day (the thanks prompt) still went out.
    const thanks = await world.db.kysely.selectFrom('outbox').select(['state']).where('kind', '=', 'thanks').where('recipient_id', '=', 'UCE0E').execute();
    expect(thanks.map((r) => r.state)).toContain('sent');
    const counts = await world.db.kysely.selectFrom('reminder_daily_counts').select('sent').where('user_id', '=', 'UCE0E').execute();
    expect(counts).toEqual([{ sent: 1 }]);
  });
});

const describePg = process.env.DATABASE_URL ? describe : describe.skip;

describePg(`replicas racing (${process.env.DATABASE_URL ? 'PostgreSQL' : 'needs DATABASE_URL'})`, () => {
  it('two replicas’ sendNow calls and passes racing over the same notices post each once and run each hook once', async () => {
    const replicas = await Promise.all(
      ['r1', 'r2'].map((name) => startReplica(world.db.url!, world.standIn, name, { sendTimeoutMs: 500 }, { noticeHooks: hooks })),
    );
    try {
      const targets = [channel('CPUBLIC'), dm('UKNOWN'), dm('USTRANGE'), channel('GPRIVATE')];
      const ids: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        ids.push(
          await writeNotice(world.db.kysely, {
            teamId: RACE_TEAM,
            dueAt: T0,
            payload: { target: targets[i % targets.length]!, onPosted: { hook: 'recordPost', args: { key: `n${i}` } } },
          }),
        );
      }
      const senders = replicas.map((replica, index) =>
        testNoticeSender(replica.db.kysely, world.standIn, clock, { hooks, settings: { replica: `app${index}` } }),
      );
      await Promise.all([
        senders[0]!.sendNow(ids),
        senders[1]!.sendNow([...ids].reverse()),
        replicas[0]!.scheduler.runPass(clock),
        replicas[1]!.scheduler.runPass(clock),
        senders[1]!.sendNow(ids.slice(10, 30)),
      ]);
      await Promise.all(replicas.map((replica) => replica.scheduler.runPass(() => new Date(T0.getTime() + 120_000))));

      expect(ids.map(postsOf)).toEqual(ids.map(() => 1));
      const rows = await world.db.kysely.selectFrom('outbox').select(['state', 'claimed_by']).where('id', 'in', ids).execute();
      expect(rows.every((r) => r.state === 'sent')).toBe(true);
      expect(hookCalls.map((call) => call.key).sort()).toEqual(ids.map((_, i) => `n${i}`).sort());
      expect(await world.db.kysely.selectFrom('processed_events').select('event_id').execute()).toHaveLength(40);
    } finally {
      for (const replica of replicas) await replica.db.close();
    }
  });
});
