import type { StoredMessage } from '../../../src/devtools/slack-stand-in';
import { AgendaModal, NotesModal } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { pairWithNotes } from '../../support/meeting-fixtures';
import { runPass } from '../../support/outbox';
import { ambiguousButtons, spokenButtons } from '../../support/spoken-buttons';
import { eventually } from '../../support/wait';

const { mentor, mentee } = USERS;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-12-01T10:00:00Z' });
});
afterAll(() => h.close());

/** Button texts that say nothing of what they act on when read out of context. */
const VAGUE =
  /^(Done|Done ✓|Edit|Delete|Not done yet|Amend notes|Add to the agenda|Prepare agenda|Record notes|Add a goal|Journal|Say thanks|Ask for feedback|Add a resource|Change set-up|Pause|End mentorship)$/;

function checkSpoken(surface: string, blocks: readonly unknown[]): string[] {
  const problems = ambiguousButtons(blocks).map((spoken) => `${surface}: two buttons sound alike: ${spoken}`);
  for (const button of spokenButtons(blocks)) {
    if ((button.label ?? '').length > 75) problems.push(`${surface}: label over 75 characters: ${button.label}`);
    if (!button.label && VAGUE.test(button.spoken)) problems.push(`${surface}: "${button.spoken}" has no accessibility_label`);
  }
  return problems;
}

describe('the main surfaces, as a screen reader says their buttons', () => {
  it('notes summary, agenda, overdue nudge and Home: every vague button has a label naming what it acts on', async () => {
    const { summary } = await pairWithNotes(h, {
      [NotesModal.blocks.takeaways]: 'Good',
      [NotesModal.blocks.actionItems]: 'theo: write the doc\nme: send the recording',
    });
    // Theo shares the next agenda; Maria gets it by DM.
    await h.driver.command(mentee.id, 'agenda');
    const view = await eventually(() => {
      const top = h.standIn.topView(mentee.id);
      return top?.callback_id === AgendaModal.callbackId ? top : undefined;
    });
    await h.driver.submitView(mentee.id, view, { [AgendaModal.blocks.topics]: 'Career path' });
    const agenda: StoredMessage = await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => m.text.startsWith('Agenda')));
    // After the next meeting the undated items are overdue: each owner gets a nudge.
    h.clock.set('2026-12-08T15:00:00Z');
    await runPass(h);
    const nudge = await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => m.text.startsWith('A gentle nudge')));
    const before = h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === mentee.id).length;
    await h.driver.appHomeOpened(mentee.id);
    await eventually(() => h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === mentee.id).length > before);
    const home = h.standIn.homeView(mentee.id)!;
    const problems = [
      ...checkSpoken('notes summary', summary.blocks ?? []),
      ...checkSpoken('agenda', agenda.blocks ?? []),
      ...checkSpoken('overdue nudge', nudge.blocks ?? []),
      ...checkSpoken('Home', home.blocks),
    ];
    expect(problems).toEqual([]);
    // Home's per-pair buttons name the other person.
    const spoken = spokenButtons(home.blocks).map((button) => button.spoken);
    expect(spoken).toContain('Open the agenda of your next meeting with maria');
    expect(spoken).toContain('Say thanks to maria');
  });
});
