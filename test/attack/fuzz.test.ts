/**
 * Property-based fuzzing (fast-check) of the slash command's text and of every modal's state values.
 * The checks are in test/support/modal-fuzz.ts. To add a feature's modal, add an entry to MODALS that
 * says how to open it. FUZZ_SEED replays a reported failure; FUZZ_RUNS scales the runs.
 */
import fc from 'fast-check';
import { ExpectationsActions, GoalActions, GoalModal, MeetingActions, OpenActions, PairModal, ResourceModal } from '../../src/slack/ids';
import { createPair, firstMeeting } from '../integration/scheduler/fixtures';
import { CHANNELS, type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { fuzzCommandText, fuzzModal, type ModalFuzzTarget } from '../support/modal-fuzz';
import { eventually } from '../support/wait';

const NOW = '2026-11-23T12:00:00Z';
const logs = captureLogs();
let h: Harness;

let pastMeetingId = '';

beforeAll(async () => {
  h = await startHarness({ now: NOW, logger: logs.logger });
  // Maria mentors Theo, first meeting on 1 December; Olga mentors Sam, and their first meeting
  // has just taken place, so that pair's notes can be recorded.
  await createPair(h.bot.services.pairs);
  const past = await createPair(h.bot.services.pairs, { mentor: 'other', mentee: 'stranger', firstDate: '2026-11-24' });
  const meeting = await firstMeeting(h.db.kysely, past.id);
  await h.db.kysely
    .updateTable('meetings')
    .set({ scheduled_at: new Date('2026-11-23T09:00:00Z') })
    .where('id', '=', meeting.id)
    .execute();
  pastMeetingId = meeting.id;
});

/** The notes modal opens for a meeting whose notes are not recorded yet: each opening starts from there. */
const notesOfPastMeeting = async (harness: Harness, userId: string) => {
  await harness.db.kysely
    .updateTable('meetings')
    .set({ status: 'scheduled', takeaways: null, notes_recorded_at: null, notes_recorded_by: null })
    .where('id', '=', pastMeetingId)
    .execute();
  return viaCommand('notes')(harness, userId);
};
afterAll(() => h.close());

const world = {
  users: [USERS.mentor.id, USERS.mentee.id, USERS.stranger.id, USERS.other.id, USERS.robot.id],
  channels: [CHANNELS.goals.id, CHANNELS.private.id],
  today: NOW.slice(0, 10),
};

/** Opens a modal through a subcommand and returns the view the bot opened. */
const viaCommand = (text: string) => async (harness: Harness, userId: string) => {
  const before = harness.standIn.callsTo('views.open').length;
  const response = await harness.driver.command(userId, text);
  if (response.status !== 200) throw new Error(`/mentorship ${text}: HTTP ${response.status}`);
  await eventually(() => harness.standIn.callsTo('views.open').length > before);
  return eventually(() => harness.standIn.topView(userId));
};

/** Runs a subcommand, presses a button in the reply only the person sees, and returns the modal it opens. */
const viaButton = (text: string, actionId: string) => async (harness: Harness, userId: string) => {
  const replies = harness.standIn.ephemeralsFor(userId).length;
  await harness.driver.command(userId, text);
  const reply = await eventually(() =>
    harness.standIn
      .ephemeralsFor(userId)
      .slice(replies)
      .find((m) => JSON.stringify(m.blocks ?? []).includes(actionId)),
  );
  const before = harness.standIn.callsTo('views.open').length;
  await harness.driver.clickInMessage(userId, reply, actionId);
  await eventually(() => harness.standIn.callsTo('views.open').length > before);
  return eventually(() => harness.standIn.topView(userId));
};

const MODALS: ModalFuzzTarget[] = [
  {
    name: 'pair set-up',
    userId: USERS.other.id,
    open: viaCommand('pair'),
    validText: { [PairModal.blocks.timeZone]: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham') },
  },
  {
    name: 'goal',
    userId: USERS.mentee.id,
    open: viaButton('goals', OpenActions.addGoal),
    fuzzMetadata: true,
    // One item per line in a small syntax: random text rarely parses, so valid runs use real lines.
    validText: {
      [GoalModal.blocks.keyResults]: fc.constantFrom('Ship 3 features = 3', 'Give a team talk', 'Ship 3 features = 3\nGive a team talk'),
      [GoalModal.blocks.milestones]: fc.constantFrom('2026-11-30 Draft the outline', '2026-11-30 Draft the outline\n2026-11-28 Pick the topic'),
    },
  },
  { name: 'SWOT', userId: USERS.mentee.id, open: viaButton('goals', GoalActions.swot), fuzzMetadata: true },
  { name: 'agenda', userId: USERS.mentee.id, open: viaCommand('agenda'), fuzzMetadata: true },
  { name: 'reschedule', userId: USERS.mentee.id, open: viaButton('meeting', MeetingActions.reschedule), fuzzMetadata: true },
  { name: 'meeting rhythm', userId: USERS.mentor.id, open: viaButton('meeting', MeetingActions.changeRule), fuzzMetadata: true },
  { name: 'notes', userId: USERS.other.id, open: notesOfPastMeeting, fuzzMetadata: true },
  { name: 'feedback request', userId: USERS.mentee.id, open: viaCommand('feedback'), fuzzMetadata: true },
  // "Recommended by" starts with an option chosen and falls back to "I did" when absent: lenient by design.
  { name: 'resource', userId: USERS.mentor.id, open: viaCommand('resources add'), fuzzMetadata: true, lenientBlocks: [ResourceModal.add.blocks.recommendedBy] },
  { name: 'journal', userId: USERS.mentee.id, open: viaCommand('journal'), fuzzMetadata: true },
  { name: 'thanks', userId: USERS.mentee.id, open: viaCommand('thanks'), fuzzMetadata: true },
  { name: 'expectations', userId: USERS.mentee.id, open: viaButton('status', ExpectationsActions.open), fuzzMetadata: true },
];

describe('fuzzing', () => {
  it('/mentorship <random text>: always a 200 with a valid answer, nothing typed shown as a mention, no error', async () => {
    await fuzzCommandText(h, { userId: USERS.stranger.id, logs, numRuns: 60 });
  }, 120_000);

  it.each(MODALS.map((target) => [target.name, target] as const))(
    'the %s modal: field errors or success, never a crash, a broadcast or a typed mention',
    async (_name, target) => {
      const stats = await fuzzModal(h, target, { world, logs, numRuns: 80 });
      // The runs reached both the refusal and the success paths, so both were checked.
      expect(stats.refused).toBeGreaterThan(0);
      expect(stats.accepted).toBeGreaterThan(0);
    },
    180_000,
  );
});
