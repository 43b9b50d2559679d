import { HomeActions, PairModal } from '../../../src/slack/ids';
import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { DAY, HOUR, HomeFixtures } from '../../support/home-fixtures';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';

type Json = Record<string, any>;
const NOW = new Date('2026-11-23T14:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);

let h: Harness;
let fx: HomeFixtures;

beforeAll(async () => {
  h = await startHarness({ now: NOW.toISOString() });
  fx = new HomeFixtures(h.db.kysely, TEAM_ID);
  for (const user of [USERS.mentor, USERS.mentee, USERS.other]) await fx.person(user);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
});

/** Blocks without the ids the stand-in fills in, to compare two surfaces. */
const content = (blocks: Json[] | undefined) => JSON.stringify((blocks ?? []).map(({ block_id: _id, ...rest }) => rest));

async function status(userId: string) {
  const response = await h.driver.command(userId, 'status');
  expect(response.status).toBe(200);
  expect(response.text).toBe(''); // acked at once; the overview follows through response_url
  return eventually(() => h.standIn.ephemeralsFor(userId)[0]);
}

describe('/mentorship status', () => {
  it('gives the same overview as the Home tab, only to the person asking', async () => {
    const pair = await fx.pair({ mentorId: USERS.mentor.id, menteeId: USERS.mentee.id, createdAt: ago(3 * DAY) });
    await fx.meeting(pair, { sequence: 0, at: ahead(4 * DAY) });
    await fx.goal(pair, { title: 'Give a conference talk', targetDate: '2027-04-01', keyResults: [{ target: 3, current: 1 }] });

    const reply = await status(USERS.mentee.id);
    expect(reply.ephemeralFor).toBe(USERS.mentee.id);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('Mentored by Maria Mentor');
    expect(text).toContain('Fri 27 Nov 2026, 09:00 (America/New_York), in 4 days');
    expect(text).toContain('*Mentorship checklist*: 1 of 7 done');

    await h.driver.appHomeOpened(USERS.mentee.id);
    const home = await eventually(() => h.standIn.homeView(USERS.mentee.id));
    expect(content(reply.blocks)).toBe(content(home.blocks));
  });

  it("stays within a message's 50 blocks for a mentor with many mentees and long histories", async () => {
    for (let i = 0; i < 6; i += 1) {
      const mentee = { id: `USTATUS${i}`, name: `mentee-${i}`, tz: 'Europe/Paris' };
      await fx.person(mentee);
      const pair = await fx.pair({ mentorId: USERS.other.id, menteeId: mentee.id, createdAt: ago(300 * DAY) });
      await fx.longHistory(pair, NOW, { meetings: 30, goals: 40, actionItems: 80, resources: 20 });
      await fx.meeting(pair, { sequence: 100, at: ahead((i + 1) * DAY) });
    }
    const reply = await status(USERS.other.id);
    expect(reply.blocks?.length).toBeLessThanOrEqual(50);
    const text = JSON.stringify(reply.blocks);
    for (let i = 0; i < 6; i += 1) expect(text).toContain(`Mentoring mentee-${i}`);
    expect(text).toContain('… and 35 more: `/mentorship goals`');
  });

  it('tells someone in no pair how to start one, and its button opens the set-up modal', async () => {
    const reply = await status(USERS.stranger.id);
    expect(JSON.stringify(reply.blocks)).toContain("You're not in a mentorship pair yet");
    expect(h.standIn.callsTo('views.open')).toHaveLength(0);
    await h.driver.clickInMessage(USERS.stranger.id, reply, HomeActions.startPair);
    const modal = await eventually(() => h.standIn.topView(USERS.stranger.id));
    expect(modal.callback_id).toBe(PairModal.callbackId);
  });
});

/** The same person's dashboard twice, through the app: as the status reply and as the Home tab. */
async function bothSurfaces(userId: string): Promise<string[]> {
  const replies = h.standIn.ephemeralsFor(userId).length;
  const response = await h.driver.command(userId, 'status');
  expect(response.status).toBe(200);
  const status = await eventually(() => h.standIn.ephemeralsFor(userId)[replies]);
  const published = () => h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === userId && c.ok).length;
  const before = published();
  await h.driver.appHomeOpened(userId);
  await eventually(() => published() > before);
  const home: StoredView = h.standIn.homeView(userId)!;
  return [JSON.stringify(status.blocks), JSON.stringify(home.blocks)];
}

/**
 * `/mentorship status` and the Home tab say what is true at the clock's instant: the next meeting
 * comes from the rhythm even before its row exists, "the last meeting" is the one that last took
 * place, and after the planned end they show the end, not a prompt to schedule.
 */
describe('status and Home agree with reality', () => {
  it('computes the next meeting from the rhythm when its row is not planned yet, never "none scheduled"', async () => {
    const { mentor, mentee } = await fx.people(h.standIn, 'RHYTHM', { realNames: true });
    // Every two weeks from 30 days ago at 10:00 Berlin: the last one ended two days ago, the next is in 12 days.
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(30 * DAY), cadence: 'biweekly' });
    await fx.meeting(pair, { sequence: 0, at: new Date('2026-10-24T08:00:00Z'), status: 'held', takeaways: 'First' });
    await fx.meeting(pair, { sequence: 1, at: new Date('2026-11-07T09:00:00Z'), status: 'held', takeaways: 'Second' });
    await fx.meeting(pair, { sequence: 2, at: new Date('2026-11-21T09:00:00Z'), status: 'held', takeaways: 'Third' });

    for (const [userId, when] of [
      [mentee.id, 'Sat 5 Dec 2026, 04:00 (America/New_York), in 12 days'],
      [mentor.id, 'Sat 5 Dec 2026, 10:00 (Europe/Berlin), in 12 days'],
    ] as const) {
      for (const shown of await bothSurfaces(userId)) {
        expect(shown).toContain('You meet every two weeks');
        expect(shown).toContain(`*Next meeting:* ${when}`);
        expect(shown).not.toContain('none scheduled');
        expect(shown).toContain('Meeting every two weeks; the next one is scheduled.');
      }
    }
  });

  it('speaks of the last meeting that took place in the thanks and feedback lines, not of an older one', async () => {
    const { mentor, mentee } = await fx.people(h.standIn, 'LAST', { realNames: true });
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(30 * DAY) });
    const older = await fx.meeting(pair, { sequence: 0, at: ago(14 * DAY), status: 'held', takeaways: 'Older notes' });
    await fx.appreciation(pair, { fromId: mentee.id, toId: mentor.id, message: 'Thanks!', meetingId: older, createdAt: ago(14 * DAY - HOUR) });
    const asked = { requesterId: mentee.id, responderId: mentor.id, meetingId: older, createdAt: ago(14 * DAY) };
    await fx.feedback(pair, { ...asked, area: 'old topic', answer: 'Old answer' });
    // The latest meeting ended two hours ago; nobody has recorded its notes, so it is not 'held' yet.
    const latest = await fx.meeting(pair, { sequence: 1, at: ago(2 * HOUR) });

    for (const shown of await bothSurfaces(mentee.id)) {
      expect(shown).toContain('No thanks yet for the last meeting.');
      expect(shown).not.toContain('thanked');
      expect(shown).toContain('none asked at or since the last meeting (Mon 23 Nov 2026)');
      expect(shown).not.toContain('old topic');
      expect(shown).toContain('No takeaways recorded for the last meeting.');
    }

    await fx.appreciation(pair, { fromId: mentee.id, toId: mentor.id, message: 'Great session', meetingId: latest, createdAt: ago(HOUR) });
    await fx.feedback(pair, { requesterId: mentee.id, responderId: mentor.id, area: 'new topic', meetingId: latest, createdAt: ago(HOUR) });
    for (const shown of await bothSurfaces(mentee.id)) {
      expect(shown).toContain('Thanks were said after the last meeting. Latest: You thanked Maria LAST on Mon 23 Nov 2026.');
      expect(shown).toContain('Asked: You asked Maria LAST about _new topic_ today: waiting for an answer.');
      expect(shown).not.toContain('Old answer');
    }
  });

  it('shows the planned end instead of a prompt to schedule once it has passed', async () => {
    const { mentor, mentee } = await fx.people(h.standIn, 'END', { realNames: true });
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(90 * DAY), plannedEndOn: '2026-11-20', cadence: 'weekly' });
    await fx.meeting(pair, { sequence: 11, at: new Date('2026-11-18T09:00:00Z'), status: 'held', takeaways: 'Last one' });

    for (const userId of [mentor.id, mentee.id]) {
      for (const shown of await bothSurfaces(userId)) {
        expect(shown).toContain('planned to end on Fri 20 Nov 2026');
        expect(shown).toContain('*Next meeting:* none, the planned end (Fri 20 Nov 2026) has passed.');
        expect(shown).toContain("No more meetings: the mentorship's planned end is Fri 20 Nov 2026.");
        expect(shown).not.toContain('none scheduled');
        expect(shown).not.toContain('/mentorship meeting` sets');
      }
    }
  });
});
