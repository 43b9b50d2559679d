import type { StoredMessage } from '../../../src/devtools/slack-stand-in';
import { NotesModal, OpenActions } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { pairWithNotes } from '../../support/meeting-fixtures';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';

const { blocks: b } = NotesModal;
let h: Harness;
let itemIds: Record<string, string>;
let summary: StoredMessage;

beforeAll(async () => {
  h = await startHarness({ now: '2026-12-01T10:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  // Maria (Berlin) records on 1 Dec: Theo's item is due 7 Dec; hers has no date, so the next meeting (8 Dec, 09:00Z for 45 minutes) is its limit.
  const recorded = await pairWithNotes(h, { [b.takeaways]: 'Good', [b.actionItems]: 'theo: write the doc by 2026-12-07\nme: send the recording' });
  summary = recorded.summary;
  const items = await h.db.kysely.selectFrom('action_items').select(['id', 'body']).where('meeting_id', '=', recorded.meetingId).execute();
  itemIds = Object.fromEntries(items.map((item) => [item.body, item.id]));
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
  // The next test starts back on 23 Nov: a rate bucket last filled on 9 Dec would hold its sends until then.
  await h.db.kysely.deleteFrom('slack_rate_buckets').execute();
});

const nudgesTo = (userId: string) => h.standIn.dmsTo(userId).filter((m) => m.text.startsWith('A gentle nudge'));
const nudgedAt = async (body: string) =>
  (await h.db.kysely.selectFrom('action_items').select('overdue_nudged_at').where('id', '=', itemIds[body]!).executeTakeFirstOrThrow()).overdue_nudged_at;

describe('the overdue action item nudge', () => {
  it('is not sent before the due date is over in the owner’s zone, nor before the next meeting has ended', async () => {
    // 04:00Z on 8 Dec: still 7 Dec in New York; the 8 Dec meeting has not started.
    h.clock.set('2026-12-08T04:00:00Z');
    await runPass(h);
    expect(await notices(h, 'action_item_overdue')).toHaveLength(0);
    expect(await nudgedAt('write the doc')).toBeNull();
    expect(await nudgedAt('send the recording')).toBeNull();
  });

  it('sends each owner one gentle nudge by DM through the outbox, however many passes run, even at once', async () => {
    h.clock.set('2026-12-08T15:00:00Z');
    // Two replicas' passes at the same moment, then later passes: the claim lets one of them through.
    await Promise.all([h.bot.services.overdueNudges.advance(h.clock.now()), h.bot.services.overdueNudges.advance(h.clock.now())]);
    await runPass(h);
    h.clock.set('2026-12-09T15:00:00Z');
    await runPass(h);
    expect(await notices(h, 'action_item_overdue')).toHaveLength(2);
    expect(nudgesTo(USERS.mentee.id)).toHaveLength(1);
    expect(nudgesTo(USERS.mentor.id)).toHaveLength(1);
    const theo = JSON.stringify(nudgesTo(USERS.mentee.id)[0]!.blocks);
    expect(theo).toContain('your action item “write the doc” was due');
    expect(theo).toContain(`tell <@${USERS.mentor.id}>`);
    expect(theo).toContain(OpenActions.tickActionItem);
    expect(theo).toContain(OpenActions.editActionItem);
    const maria = JSON.stringify(nudgesTo(USERS.mentor.id)[0]!.blocks);
    expect(maria).toContain('“send the recording” is still open, and the meeting after the one you agreed it at is over');
    expect(await nudgedAt('write the doc')).not.toBeNull();
  });

  it('leaves a done item alone, and does not nudge again about an item opened again after its nudge', async () => {
    const doc = itemIds['write the doc']!;
    await h.driver.clickInMessage(USERS.mentee.id, summary, OpenActions.tickActionItem, { value: doc });
    await eventually(async () => (await h.db.kysely.selectFrom('action_items').select('done_at').where('id', '=', doc).executeTakeFirstOrThrow()).done_at);
    h.clock.set('2026-12-08T15:00:00Z');
    await runPass(h);
    expect(nudgesTo(USERS.mentee.id)).toHaveLength(0);
    expect(nudgesTo(USERS.mentor.id)).toHaveLength(1);
    // Maria ticks hers after the nudge, then opens it again: it stays nudged once.
    const recording = itemIds['send the recording']!;
    await h.bot.services.notes.tickActionItem({ teamId: h.standIn.teamId, userId: USERS.mentor.id }, recording);
    await h.bot.services.notes.reopenActionItem({ teamId: h.standIn.teamId, userId: USERS.mentor.id }, recording);
    h.clock.set('2026-12-09T15:00:00Z');
    await runPass(h);
    expect(nudgesTo(USERS.mentor.id)).toHaveLength(1);
  });

  it('drops a nudge still waiting for the end of its owner’s night once the item is ticked or deleted', async () => {
    // 03:00Z on 9 Dec is 22:00 on 8 Dec in New York: Theo's nudge waits for his morning, Maria's (Berlin, 04:00) too.
    h.clock.set('2026-12-09T03:00:00Z');
    await h.bot.services.overdueNudges.advance(h.clock.now());
    expect((await notices(h, 'action_item_overdue')).map((row) => row.state)).toEqual(['pending', 'pending']);
    await h.driver.clickInMessage(USERS.mentee.id, summary, OpenActions.tickActionItem, { value: itemIds['write the doc']! });
    await h.settle();
    await h.bot.services.notes.deleteActionItem({ teamId: h.standIn.teamId, userId: USERS.mentee.id }, itemIds['send the recording']!);
    h.clock.set('2026-12-09T14:00:00Z');
    await runPass(h);
    expect((await notices(h, 'action_item_overdue')).map((row) => row.state)).toEqual(['cancelled', 'cancelled']);
    expect(nudgesTo(USERS.mentee.id)).toHaveLength(0);
    expect(nudgesTo(USERS.mentor.id)).toHaveLength(0);
  });

  it('does not nudge about items that became overdue more than a week ago, nor for a paused pair', async () => {
    await h.db.kysely.updateTable('pairs').set({ status: 'paused' }).execute();
    h.clock.set('2026-12-08T15:00:00Z');
    await runPass(h);
    expect(await notices(h, 'action_item_overdue')).toHaveLength(0);
    await h.db.kysely.updateTable('pairs').set({ status: 'active' }).execute();
    h.clock.set('2026-12-20T15:00:00Z');
    await runPass(h);
    expect(await notices(h, 'action_item_overdue')).toHaveLength(0);
  });
});
