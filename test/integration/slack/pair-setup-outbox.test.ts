import { sql } from 'kysely';
import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { PairsService } from '../../../src/domain/pairs/pairs.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { PairModal } from '../../../src/slack/ids';
import { CHANNELS, type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';

const { blocks: b } = PairModal;
let h: Harness;

beforeAll(async () => {
  // This replica commits notices but never sends them, as if it died right after each commit.
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

const countPairs = async (): Promise<number> => (await sql<{ n: number }>`select count(*)::int as n from pairs`.execute(h.db.kysely)).rows[0]?.n ?? -1;

async function setUp(creator: string, inputs: Record<string, unknown>): Promise<void> {
  await h.driver.command(creator, 'pair');
  const view = await eventually(() => h.standIn.topView(creator));
  const result = await h.driver.submitView(creator, view, {
    [b.cadence]: 'weekly',
    [b.firstDate]: '2026-12-01',
    [b.firstTime]: '10:00',
    [b.timeZone]: 'Europe/Berlin',
    ...inputs,
  });
  expect(result.errors).toBeUndefined();
  await h.settle();
}

describe('a pair set up through the outbox', () => {
  it('is welcomed and introduced exactly once by later passes when the serving replica died after the commit', async () => {
    await setUp(USERS.coordinator.id, { [b.mentor]: USERS.mentor.id, [b.mentee]: USERS.mentee.id, [b.channel]: CHANNELS.goals.id });
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
    expect(h.standIn.messagesIn(CHANNELS.goals.id)).toHaveLength(0);
    const rows = await notices(h);
    expect(rows.map((row) => `${row.payload.topic} to ${row.recipient_id}`).sort()).toEqual([
      `pair_introduction to ${CHANNELS.goals.id}`,
      `pair_welcome to ${USERS.mentee.id}`,
      `pair_welcome to ${USERS.mentor.id}`,
    ]);
    expect(rows.every((row) => row.state === 'pending')).toBe(true);

    await runPass(h);
    await runPass(h);
    expect(h.standIn.dmsTo(USERS.mentor.id).filter((dm) => dm.text.startsWith('Welcome'))).toHaveLength(1);
    expect(h.standIn.dmsTo(USERS.mentee.id).filter((dm) => dm.text.startsWith('Welcome'))).toHaveLength(1);
    expect(h.standIn.messagesIn(CHANNELS.goals.id)).toHaveLength(1);
    expect((await notices(h)).every((row) => row.state === 'sent' && row.attempt === 1)).toBe(true);
  });

  it('tells the coordinator who set it up, once, when a pass finds the bot may not post in the private goals channel', async () => {
    await setUp(USERS.coordinator.id, { [b.mentor]: USERS.other.id, [b.mentee]: USERS.stranger.id, [b.channel]: CHANNELS.private.id });
    await runPass(h);
    await runPass(h);
    const told = h.standIn.dmsTo(USERS.coordinator.id).filter((dm) => /couldn't post the introduction/.test(dm.text));
    expect(told).toHaveLength(1);
    const rows = await notices(h);
    expect(rows.find((row) => row.payload.topic === 'pair_introduction' && row.recipient_id === CHANNELS.private.id)).toMatchObject({ state: 'failed' });
    expect(rows.filter((row) => row.payload.topic === 'pair_introduction_failed')).toMatchObject([
      { state: 'sent', attempt: 1, recipient_id: USERS.coordinator.id },
    ]);
  });

  it('leaves neither the pair nor its notices when the transaction fails after they were written', async () => {
    const failing: EffectsRecorder = {
      async record(tx, teamId, events) {
        await createEffectsRecorder(h.clock.now).record(tx, teamId, events);
        throw new Error('crash after the notices were written, before the commit');
      },
    };
    const pairs = new PairsService(h.db.kysely, h.clock.now, failing);
    const picked = (user: { id: string; realName: string; tz: string }) => ({
      userId: user.id,
      displayName: user.realName,
      timeZone: user.tz,
      isBot: false,
      deleted: false,
    });
    const before = { pairs: await countPairs(), notices: (await notices(h)).length };
    const form = {
      mentorId: USERS.mentee.id,
      menteeId: USERS.stranger.id,
      goalsChannelId: CHANNELS.goals.id,
      cadence: 'weekly' as const,
      firstDate: '2026-12-01',
      firstTime: '10:00',
      timeZone: 'Europe/Berlin',
      meetingMinutes: 45,
      programMonths: 6,
    };
    await expect(
      pairs.setUp({ teamId: TEAM_ID, userId: USERS.mentee.id }, form, { mentor: picked(USERS.mentee), mentee: picked(USERS.stranger) }, { coordinator: false }),
    ).rejects.toThrow('crash');
    expect(await countPairs()).toBe(before.pairs);
    expect(await notices(h)).toHaveLength(before.notices);
  });
});
