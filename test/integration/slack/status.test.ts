import { HomeActions, PairModal } from '../../../src/slack/ids';
import { DAY, HomeFixtures } from '../../support/home-fixtures';
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
    expect(text).toContain('Mentored by maria');
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
