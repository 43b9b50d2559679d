/**
 * The bot's DM (its Messages tab) is writable. A plain message typed there gets one short private
 * answer with the buttons for the common actions; the bot parses no free text and answers nothing else.
 */
import { dmId } from '../../../src/devtools/slack-stand-in';
import { HomeActions, OpenActions } from '../../../src/slack/ids';
import { buttons, clickButton } from '../../support/goal-fixtures';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { createPair } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

let seq = 0;
const typed = (userId: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  channel: dmId(userId),
  channel_type: 'im',
  user: userId,
  text: 'hello, how do I add an agenda?',
  ts: `1764000000.00${String(++seq).padStart(4, '0')}`,
  event_ts: `1764000000.00${String(seq).padStart(4, '0')}`,
  ...extra,
});

const answersTo = (userId: string) => h.standIn.ephemeralsFor(userId).filter((m) => m.channel === dmId(userId));

async function sendAndSettle(event: Record<string, unknown>, options: { eventId?: string; retryNum?: number } = {}) {
  const response = await h.driver.event(event, options);
  expect(response.status).toBe(200);
  await h.settle();
}

describe('a message typed in the bot DM', () => {
  it('answers someone in no pair with a friendly line and the button that starts one', async () => {
    await sendAndSettle(typed(USERS.other.id));
    const answers = answersTo(USERS.other.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text).toMatch(/not in a mentorship pair yet/);
    expect(buttons(answers[0]!.blocks).map((b) => b.actionId)).toEqual([HomeActions.startPair]);
  });

  it("answers a pair member with their pair's common actions, and the buttons work", async () => {
    const pair = await createPair(h);
    await sendAndSettle(typed(USERS.mentee.id));
    const answers = answersTo(USERS.mentee.id);
    expect(answers).toHaveLength(1);
    const shown = buttons(answers[0]!.blocks);
    expect(shown.map((b) => b.actionId)).toEqual(
      expect.arrayContaining([OpenActions.prepareAgenda, OpenActions.addGoal, OpenActions.writeJournal, OpenActions.sayThanks]),
    );
    expect(shown.find((b) => b.actionId === OpenActions.addGoal)!.value).toBe(pair.id);
    expect(JSON.stringify(answers[0]!.blocks)).toContain('With your mentor');
    // Read aloud, each button names the pair it acts on (the stand-in refuses a label over 75 characters).
    expect(shown.find((b) => b.actionId === OpenActions.sayThanks)).toBeDefined();
    const labels = (answers[0]!.blocks as { elements?: { action_id: string; accessibility_label?: string }[] }[]).flatMap((b) => b.elements ?? []);
    expect(labels.find((e) => e.action_id === OpenActions.sayThanks)?.accessibility_label).toBe(`Say thanks to ${USERS.mentor.name}`);
    // Nothing is posted to anyone else, and no text is parsed into an action.
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);

    await clickButton(h, USERS.mentee.id, answers[0]!, OpenActions.addGoal, pair.id);
    await eventually(() => h.standIn.topView(USERS.mentee.id) !== undefined);
    expect(h.standIn.topView(USERS.mentee.id)!.private_metadata).toContain(pair.id);
  });

  it('answers once when Slack delivers the same event again', async () => {
    const event = typed(USERS.mentor.id);
    await sendAndSettle(event, { eventId: 'EvDMONCE' });
    await sendAndSettle(event, { eventId: 'EvDMONCE', retryNum: 1 });
    expect(answersTo(USERS.mentor.id)).toHaveLength(1);
  });

  it.each([
    ['an edit', { subtype: 'message_changed' }],
    ['a deletion', { subtype: 'message_deleted' }],
    ["another bot's message", { bot_id: 'B0OTHER' }],
    ['a message in a channel', { channel: 'CGOALS', channel_type: 'channel' }],
    ['a message in a group DM', { channel: 'GPRIVATE', channel_type: 'mpim' }],
  ])('ignores %s', async (_what, extra) => {
    await sendAndSettle(typed(USERS.mentor.id, extra));
    expect(h.standIn.ephemeralsFor(USERS.mentor.id)).toHaveLength(0);
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
