/**
 * Property-based fuzzing (fast-check) of the slash command's text and of every modal's state values.
 * The checks are in test/support/modal-fuzz.ts. To add a feature's modal, add an entry to MODALS that
 * says how to open it. FUZZ_SEED replays a reported failure; FUZZ_RUNS scales the runs.
 */
import fc from 'fast-check';
import { PairModal } from '../../src/slack/ids';
import { CHANNELS, type Harness, startHarness, USERS } from '../support/harness';
import { captureLogs } from '../support/log-capture';
import { fuzzCommandText, fuzzModal, type ModalFuzzTarget } from '../support/modal-fuzz';
import { eventually } from '../support/wait';

const NOW = '2026-11-23T12:00:00Z';
const logs = captureLogs();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: NOW, logger: logs.logger });
});
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

const MODALS: ModalFuzzTarget[] = [
  {
    name: 'pair set-up',
    userId: USERS.other.id,
    open: viaCommand('pair'),
    validText: { [PairModal.blocks.timeZone]: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC', 'Pacific/Chatham') },
  },
  // After the merge: goals, agenda, notes, feedback, journal, thanks, each opened by its command or button.
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
