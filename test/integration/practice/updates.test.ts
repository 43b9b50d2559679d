/**
 * `/mentorship update`: a short note to the other person between meetings (what I did since we met, a
 * win, a blocker). It goes by DM through the outbox, is kept in the pair's history, can be answered
 * with an update back, and is offered in the mid-cycle nudge.
 */
import type { Pair } from '../../../src/db/schema';
import { OpenActions, PairPicker, UpdateModal } from '../../../src/slack/ids';
import { midCycleNudge } from '../../../src/slack/blocks/reminder-between';
import { commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { allSeenBy, count, createPair, shown } from './practice-fixtures';

const { mentor, mentee, stranger, other } = USERS;
const { blocks } = UpdateModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' }); // 15:00 in Berlin, 09:00 in New York
  pair = await createPair(h, mentor, mentee);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

async function openUpdate(userId: string) {
  const response = await h.driver.command(userId, 'update');
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.topView(userId));
}

describe('/mentorship update', () => {
  it('explains how to start a pair to someone in none, and opens nothing', async () => {
    const answer = await commandAnsweredLater(h, stranger.id, 'update');
    expect(JSON.stringify(answer)).toMatch(/not in a mentorship pair/i);
    expect(h.standIn.topView(stranger.id)).toBeUndefined();
  });

  it('asks for at least one line under the first field, and keeps what was typed', async () => {
    const view = await openUpdate(mentee.id);
    expect(view.callback_id).toBe(UpdateModal.callbackId);
    expect(view.blocks.some((b) => b.block_id === PairPicker.blockId)).toBe(false);
    const before = await count(h, 'pair_updates');
    const empty = await h.driver.submitView(mentee.id, view, { [blocks.win]: '   ' });
    expect(empty.errors).toEqual({ [blocks.doneSince]: expect.stringMatching(/at least one line/) });
    expect(await count(h, 'pair_updates')).toBe(before);
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('DMs the update to the other person with a button to answer, stores it, and confirms privately', async () => {
    const before = await count(h, 'pair_updates');
    const view = await openUpdate(mentee.id);
    const result = await h.driver.submitView(mentee.id, view, {
      [blocks.doneSince]: 'Read the chapter on estimates <!channel>',
      [blocks.blocker]: 'Stuck on the design review date',
    });
    expect(result.errors).toBeUndefined();
    const dm = await eventually(() => h.standIn.dmsTo(mentor.id)[0]);
    expect(shown(dm)).toContain(`An update from <@${mentee.id}>`);
    expect(shown(dm)).toContain('Since we met');
    expect(shown(dm)).toContain('Read the chapter on estimates &lt;!channel&gt;');
    expect(shown(dm)).toContain('A blocker');
    expect(shown(dm)).not.toContain('A win');
    expect(shown(dm)).toContain('Your next meeting: Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    const confirmation = await eventually(() => h.standIn.ephemeralsFor(mentee.id)[0]);
    expect(shown(confirmation)).toContain(`on its way to <@${mentor.id}>`);
    expect(await count(h, 'pair_updates')).toBe(before + 1);
    const row = await h.db.kysely.selectFrom('pair_updates').selectAll().where('author_id', '=', mentee.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ pair_id: pair.id, to_id: mentor.id, win: null, blocker: 'Stuck on the design review date' });
    expect(allSeenBy(h, stranger.id)).toBe('');
    expect(allSeenBy(h, other.id)).toBe('');

    // The mentor answers from the DM with an update of their own, for the same pair.
    await h.driver.clickInMessage(mentor.id, dm, OpenActions.sendUpdate);
    const back = await eventually(() => h.standIn.topView(mentor.id));
    expect(back.callback_id).toBe(UpdateModal.callbackId);
    await h.driver.submitView(mentor.id, back, { [blocks.win]: 'Booked the review for Thursday' });
    const reply = await eventually(() => h.standIn.dmsTo(mentee.id)[0]);
    expect(shown(reply)).toContain('Booked the review for Thursday');
  });

  it("waits for the end of the reader's quiet hours", async () => {
    h.clock.set('2026-11-24T03:00:00Z'); // 22:00 in New York: Theo's quiet hours
    const view = await openUpdate(mentor.id);
    await h.driver.submitView(mentor.id, view, { [blocks.win]: 'Late-night win' });
    await h.settle();
    expect(h.standIn.dmsTo(mentee.id)).toHaveLength(0);
    const notice = await h.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'notice')
      .where('recipient_id', '=', mentee.id)
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(notice.due_at.toISOString()).toBe('2026-11-24T13:00:00.000Z'); // 08:00 in New York
  });

  it('is offered in the mid-cycle nudge', () => {
    const nudge = midCycleNudge({
      pairId: pair.id,
      meetingId: 'm',
      otherId: mentor.id,
      meetingAt: new Date('2026-12-01T09:00:00Z'),
      zone: mentee.tz,
      resources: { total: 0, explored: 0 },
    });
    expect(JSON.stringify(nudge.blocks)).toContain(`"action_id":"${OpenActions.sendUpdate}","value":"${pair.id}"`);
  });
});
