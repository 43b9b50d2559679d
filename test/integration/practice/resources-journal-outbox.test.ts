import type { Pair } from '../../../src/db/schema';
import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { JournalService } from '../../../src/domain/journal/journal.service';
import { ResourcesService } from '../../../src/domain/resources/resources.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { JournalModal, ResourceActions, ResourceModal } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';
import { count, createPair, shown } from './practice-fixtures';

const { mentor, mentee } = USERS;
const { add: a, explored: x } = ResourceModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  // This replica commits notices but never sends them, as if it died right after each commit.
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
  pair = await createPair(h, mentor, mentee);
});
afterAll(() => h.close());

const failing: EffectsRecorder = {
  async record(tx, teamId, events) {
    await createEffectsRecorder(h.clock.now).record(tx, teamId, events);
    throw new Error('crash after the notices were written, before the commit');
  },
};

describe('a resource through the outbox', () => {
  it('added, then explored from the DM that announced it: the DM and the update of that DM are each sent once by a later pass', async () => {
    await h.driver.command(mentee.id, 'resources add');
    await h.driver.submitView(mentee.id, await eventually(() => h.standIn.topView(mentee.id)), {
      [a.blocks.title]: 'Staff Engineer',
      [a.blocks.url]: 'https://example.com/staff',
    });
    await h.settle();
    expect(h.standIn.dmsTo(mentor.id)).toHaveLength(0);
    expect(await notices(h, 'resource_added')).toMatchObject([{ state: 'pending', recipient_id: mentor.id, pair_id: pair.id }]);
    await runPass(h);
    await runPass(h);
    const announced = h.standIn.dmsTo(mentor.id).filter((dm) => shown(dm).includes('Staff Engineer'));
    expect(announced).toHaveLength(1);

    await h.driver.clickInMessage(mentor.id, announced[0]!, ResourceActions.markExplored);
    await h.driver.submitView(mentor.id, await eventually(() => h.standIn.topView(mentor.id)), { [x.blocks.takeaway]: 'Write things down' });
    await h.settle();
    expect(h.standIn.findMessage(announced[0]!.channel, announced[0]!.ts)?.edited).toBeUndefined();
    await runPass(h);
    await runPass(h);
    expect(shown(h.standIn.findMessage(announced[0]!.channel, announced[0]!.ts))).toContain('Write things down');
    expect(h.standIn.callsTo('chat.update')).toHaveLength(1);
    const rows = await notices(h);
    expect(rows.map((row) => row.payload.topic).sort()).toEqual(['resource_added', 'resource_explored']);
    expect(rows.find((row) => row.payload.topic === 'resource_explored')?.payload.target.type).toBe('update');
    expect(rows.every((row) => row.state === 'sent' && row.attempt === 1)).toBe(true);
  });

  it('leaves neither the resource, its takeaway nor their notices when the transaction fails after they were written', async () => {
    const resources = new ResourcesService(h.db.kysely, h.clock.now, failing);
    const actor = { teamId: TEAM_ID, userId: mentee.id };
    const kept = await h.bot.services.resources.add(actor, { pairId: pair.id, title: 'Kept', url: null, kind: 'book', recommendedBy: 'me' });
    if (!kept.ok) throw new Error('add');
    const before = { resources: await count(h, 'learning_resources'), notices: (await notices(h)).length };
    await expect(resources.add(actor, { pairId: pair.id, title: 'Lost', url: null, kind: 'book', recommendedBy: 'me' })).rejects.toThrow('crash');
    await expect(resources.markExplored(actor, { resourceId: kept.resource.id, takeaway: 'lost', source: null })).rejects.toThrow('crash');
    expect(await count(h, 'learning_resources')).toBe(before.resources);
    expect(await notices(h)).toHaveLength(before.notices);
    const row = await h.db.kysely
      .selectFrom('learning_resources')
      .select(['explored_at', 'takeaway'])
      .where('id', '=', kept.resource.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ explored_at: null, takeaway: null });
  });
});

describe('a journal entry', () => {
  it('writes no notice at all: the journal is private, and its only effect is its author’s Home tab (the other person’s, open too, is not republished)', async () => {
    const before = (await notices(h)).length;
    await h.driver.appHomeOpened(mentee.id); // the author has their Home open: the entry republishes it
    await h.driver.appHomeOpened(mentor.id);
    await h.driver.command(mentee.id, 'journal');
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.settle();
    const publishes = h.standIn.callsTo('views.publish').length;
    await h.driver.submitView(mentee.id, view, { [JournalModal.write.blocks.wentWell]: 'Only mine' });
    await h.settle();
    expect(await notices(h)).toHaveLength(before);
    expect(
      h.standIn
        .callsTo('views.publish')
        .slice(publishes)
        .map((call) => call.args.user_id),
    ).toEqual([mentee.id]);
    await runPass(h);
    expect(h.standIn.allMessages().filter((m) => shown(m).includes('Only mine') && m.ephemeralFor !== mentee.id)).toEqual([]);
  });

  it('is not stored when the transaction fails', async () => {
    const journal = new JournalService(h.db.kysely, h.clock.now, failing);
    const before = await count(h, 'journal_entries');
    const lookup = async () => ({ displayName: 'theo', timeZone: 'America/New_York' });
    await expect(
      journal.write({ teamId: TEAM_ID, userId: mentee.id }, { pairId: null, wentWell: 'lost', learned: null, tryNext: null }, lookup),
    ).rejects.toThrow('crash');
    expect(await count(h, 'journal_entries')).toBe(before);
  });
});
