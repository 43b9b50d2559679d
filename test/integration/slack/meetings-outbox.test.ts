/**
 * The meetings feature's messages go through the outbox: each is written in the transaction of the
 * change that causes it, so a change that fails leaves no message, and a change that commits has its
 * messages sent exactly once by a later scheduler pass even when the replica that served the request
 * died right after the commit (here: a bot that never sends notices itself).
 */
import type { Pair } from '../../../src/db/schema';
import type { Actor } from '../../../src/domain/actor';
import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { AgendaService } from '../../../src/domain/meetings/agenda.service';
import { MeetingChangesService } from '../../../src/domain/meetings/meeting-changes.service';
import { NotesService } from '../../../src/domain/meetings/notes.service';
import { schedulerReminderPlanning } from '../../../src/services';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { AgendaModal, MeetingActions, NotesModal, RescheduleModal, RuleModal } from '../../../src/slack/ids';
import { snapshotDb } from '../../support/db-snapshot';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { createPair, meetingRows } from '../../support/meeting-fixtures';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';
import { shown } from '../practice/practice-fixtures';

const { mentor, mentee } = USERS;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set('2026-11-23T14:00:00Z');
  pair = await createPair(h); // weekly, Tuesdays 10:00 Berlin from 1 Dec 2026; nobody is in quiet hours at 14:00Z
  await h.settle();
  h.standIn.reset();
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
});

const dmsWith = (userId: string, marker: string) => h.standIn.dmsTo(userId).filter((dm) => shown(dm).includes(marker));

/** The committed notice waits; two passes later its reader has it once, and the row says it was sent on the first try. */
async function sentOnceByLaterPasses(topic: string, readers: Array<{ id: string; marker: string }>): Promise<void> {
  await h.settle();
  for (const reader of readers) expect(dmsWith(reader.id, reader.marker)).toHaveLength(0);
  const rows = await notices(h, topic);
  expect(rows.map((row) => [row.recipient_id, row.state, row.pair_id]).sort()).toEqual(readers.map((r) => [r.id, 'pending', pair.id]).sort());

  await runPass(h);
  await runPass(h);
  for (const reader of readers) expect(dmsWith(reader.id, reader.marker)).toHaveLength(1);
  expect((await notices(h, topic)).map((row) => [row.state, row.attempt])).toEqual(readers.map(() => ['sent', 1]));
}

async function overviewButton(userId: string, actionId: string) {
  await h.driver.command(userId, 'meeting');
  const overview = await eventually(() => h.standIn.ephemeralsFor(userId).at(-1));
  await h.driver.clickInMessage(userId, overview, actionId);
  return overview;
}

describe('a meeting message whose serving replica died after the commit reaches its reader once, from a later pass', () => {
  it('the agenda, to the mentor', async () => {
    await h.driver.command(mentee.id, 'agenda');
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, view, { [AgendaModal.blocks.topics]: 'How to run the outbox retro' });
    await sentOnceByLaterPasses('agenda_shared', [{ id: mentor.id, marker: 'How to run the outbox retro' }]);
  });

  it('the notes summary, to both (the one who recorded them too)', async () => {
    h.clock.set('2026-12-01T14:00:00Z');
    await h.driver.command(mentor.id, 'notes');
    const view = await eventually(() => h.standIn.topView(mentor.id));
    await h.driver.submitView(mentor.id, view, { [NotesModal.blocks.takeaways]: 'Outbox takeaway', [NotesModal.blocks.actionItems]: 'theo: write it down' });
    await sentOnceByLaterPasses('notes_recorded', [
      { id: mentor.id, marker: 'Outbox takeaway' },
      { id: mentee.id, marker: 'Outbox takeaway' },
    ]);
  });

  it('a moved meeting, to the other person', async () => {
    await overviewButton(mentee.id, MeetingActions.reschedule);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, view, { [RescheduleModal.blocks.date]: '2026-12-03', [RescheduleModal.blocks.time]: '16:00' });
    await sentOnceByLaterPasses('meeting_rescheduled', [{ id: mentor.id, marker: 'moved your meeting' }]);
  });

  it('a skipped meeting, to the other person', async () => {
    const overview = await overviewButton(mentor.id, MeetingActions.skip);
    await eventually(() => h.standIn.findMessage(overview.channel, overview.ts)?.edited);
    await sentOnceByLaterPasses('meeting_skipped', [{ id: mentee.id, marker: 'skipped your meeting' }]);
  });

  it('a new rhythm, to the other person', async () => {
    await overviewButton(mentee.id, MeetingActions.changeRule);
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, view, { [RuleModal.blocks.cadence]: 'biweekly', [RuleModal.blocks.fromDate]: '2026-12-02' });
    await sentOnceByLaterPasses('meeting_rhythm_changed', [{ id: mentor.id, marker: 'changed your meeting rhythm' }]);
  });
});

describe('a meeting change whose transaction fails after its notice was written', () => {
  /** Writes the notices as usual, then fails before the commit. */
  const failing: EffectsRecorder = {
    async record(tx, teamId, events) {
      await createEffectsRecorder(h.clock.now).record(tx, teamId, events);
      throw new Error('crash after the notice was written, before the commit');
    },
  };
  const as = (userId: string): Actor => ({ teamId: TEAM_ID, userId });
  const firstMeetingId = async () => (await meetingRows(h, pair.id))[0]!.id;
  const changes = () => new MeetingChangesService(h.db.kysely, h.clock.now, failing, schedulerReminderPlanning);
  const noAgenda = { questions: [], materials: [], carryActionItemIds: [], carryFollowUpIds: [], wrapUp: [] };

  it.each([
    [
      'agenda_shared',
      async () => new AgendaService(h.db.kysely, h.clock.now, failing).save(as(mentee.id), await firstMeetingId(), { ...noAgenda, topics: ['Lost?'] }),
    ],
    ['meeting_rescheduled', async () => changes().reschedule(as(mentee.id), await firstMeetingId(), { date: '2026-12-03', time: '16:00' })],
    ['meeting_skipped', async () => changes().skip(as(mentor.id), await firstMeetingId())],
    [
      'meeting_rhythm_changed',
      async () => changes().changeRule(as(mentee.id), pair.id, { cadence: 'monthly', time: '16:00', meetingMinutes: 60, fromDate: '2026-12-10' }),
    ],
    [
      'notes_recorded',
      async () => {
        h.clock.set('2026-12-01T14:00:00Z');
        const input = { takeaways: 'Lost?', actionItems: 'me: something', feedbackReceived: null, feedbackApplication: null, coveredIds: [] };
        return new NotesService(h.db.kysely, h.clock.now, failing).record(as(mentor.id), await firstMeetingId(), input);
      },
    ],
  ])('%s: leaves neither the change nor its notice', async (_topic, change) => {
    const before = await snapshotDb(h.db);
    await expect(change()).rejects.toThrow('crash');
    expect(await snapshotDb(h.db)).toEqual(before);
  });

  it('action_item_ticked: leaves the item open', async () => {
    h.clock.set('2026-12-01T14:00:00Z');
    const notes = new NotesService(h.db.kysely, h.clock.now, createEffectsRecorder(h.clock.now));
    const recorded = await notes.record(as(mentor.id), await firstMeetingId(), {
      takeaways: 'ok',
      actionItems: 'theo: tick me',
      feedbackReceived: null,
      feedbackApplication: null,
      coveredIds: [],
    });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.errors));
    const before = await snapshotDb(h.db);
    await expect(new NotesService(h.db.kysely, h.clock.now, failing).tickActionItem(as(mentee.id), recorded.actionItems[0]!.id)).rejects.toThrow('crash');
    expect(await snapshotDb(h.db)).toEqual(before);
  });
});
