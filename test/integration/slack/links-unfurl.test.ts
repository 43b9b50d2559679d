/**
 * Links unfurl only in the messages that carry a person's links: an agenda's materials (when they are
 * news) and a new resource. Reminders and summaries never unfold previews, even when they quote links.
 */
import { AgendaModal } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { createPair, meetingRows } from '../../support/meeting-fixtures';
import { runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';

const { blocks: b } = AgendaModal;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());

/** How the one chat.postMessage whose text matches asked Slack to treat its links. */
function unfurlOf(text: RegExp): { links: string; media: string } {
  const calls = h.standIn.callsTo('chat.postMessage').filter((call) => call.ok && text.test(String(call.args.text)));
  expect(calls).toHaveLength(1);
  return { links: String(calls[0]!.args.unfurl_links), media: String(calls[0]!.args.unfurl_media) };
}

async function submitAgenda(userId: string, inputs: Record<string, string>): Promise<void> {
  await h.driver.command(userId, 'agenda');
  const view = await eventually(() => h.standIn.topView(userId));
  expect((await h.driver.submitView(userId, view, inputs)).errors).toBeUndefined();
  await h.settle();
}

describe('link previews', () => {
  it("unfurl an agenda's materials when they are news, not an update that only adds a topic", async () => {
    // weekly, Tuesdays 10:00 Europe/Berlin from 1 Dec 2026
    const pair = await createPair(h);
    await h.settle();
    h.standIn.reset();
    await submitAgenda(USERS.mentee.id, { [b.topics]: 'Career path', [b.materials]: 'Design doc https://docs.example.com/d/1' });
    expect(unfurlOf(/^Agenda for your meeting/)).toEqual({ links: 'true', media: 'true' });

    await submitAgenda(USERS.mentor.id, { [b.topics]: 'Hiring plans' });
    expect(unfurlOf(/updated the agenda/)).toEqual({ links: 'false', media: 'false' });

    // The prep nudge quotes the agenda (materials included) and still unfolds nothing.
    h.clock.set('2026-11-30T13:15:00Z'); // 08:15 in New York, the day before
    await runPass(h);
    expect(unfurlOf(/^Your mentorship meeting is .*your agenda is shared/)).toEqual({ links: 'false', media: 'false' });

    // The notes summary neither, though a takeaway links somewhere.
    h.clock.set('2026-12-01T10:00:00Z');
    const [first] = await meetingRows(h, pair.id);
    const notes = await h.bot.services.notes.record({ teamId: h.standIn.teamId, userId: USERS.mentor.id }, first!.id, {
      takeaways: 'Read https://example.org/retro-guide before next time',
      actionItems: '',
      feedbackReceived: null,
      feedbackApplication: null,
      coveredIds: [],
    });
    expect(notes.ok).toBe(true);
    await runPass(h);
    h.clock.set('2026-12-01T13:30:00Z'); // the mentee's copy waits for the morning in New York
    await runPass(h);
    const summaries = h.standIn.callsTo('chat.postMessage').filter((call) => call.ok && /^Notes from your meeting/.test(String(call.args.text)));
    expect(summaries).toHaveLength(2);
    for (const call of summaries) expect([String(call.args.unfurl_links), String(call.args.unfurl_media)]).toEqual(['false', 'false']);
  });
});
