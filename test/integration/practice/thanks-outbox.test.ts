import type { Pair } from '../../../src/db/schema';
import { AppreciationService } from '../../../src/domain/appreciation/appreciation.service';
import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { ThanksModal } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';
import { count, createPair, shown } from './practice-fixtures';

const { mentor, mentee } = USERS;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  // This replica commits notices but never sends them, as if it died right after each commit.
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
  pair = await createPair(h, mentor, mentee);
});
afterAll(() => h.close());

describe('a thank-you through the outbox', () => {
  it('reaches the other person exactly once from a later pass when the serving replica died after the commit', async () => {
    await h.driver.command(mentee.id, 'thanks');
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, view, { [ThanksModal.blocks.message]: 'Thanks for the estimation trick' });
    await h.settle();
    expect(h.standIn.dmsTo(mentor.id)).toHaveLength(0);
    const [row] = await notices(h, 'thanks_sent');
    expect(row).toMatchObject({ state: 'pending', recipient_id: mentor.id, pair_id: pair.id });

    await runPass(h);
    await runPass(h);
    const dms = h.standIn.dmsTo(mentor.id).filter((dm) => shown(dm).includes('estimation trick'));
    expect(dms).toHaveLength(1);
    expect((await notices(h, 'thanks_sent'))[0]).toMatchObject({ state: 'sent', attempt: 1 });
  });

  it('leaves neither the note nor its notice when the transaction fails after the notice was written', async () => {
    const failing: EffectsRecorder = {
      async record(tx, teamId, events) {
        await createEffectsRecorder(h.clock.now).record(tx, teamId, events);
        throw new Error('crash after the notice was written, before the commit');
      },
    };
    const service = new AppreciationService(h.db.kysely, h.clock.now, failing);
    const before = { notes: await count(h, 'appreciations'), notices: (await notices(h)).length };
    await expect(service.send({ teamId: 'T0TEST', userId: mentee.id }, { pairId: pair.id, message: 'lost?' })).rejects.toThrow('crash');
    expect(await count(h, 'appreciations')).toBe(before.notes);
    expect(await notices(h)).toHaveLength(before.notices);
  });
});
