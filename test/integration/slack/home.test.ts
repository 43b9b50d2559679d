import { Writable } from 'node:stream';
import { WebClient } from '@slack/web-api';
import type { Pair } from '../../../src/db/schema';
import { dmId, type StoredView } from '../../../src/devtools/slack-stand-in';
import { createLogger } from '../../../src/logger';
import { createHomeRefresher } from '../../../src/slack/home-publisher';
import { HomeActions, OpenActions, PairModal } from '../../../src/slack/ids';
import { DAY, HOUR, HomeFixtures } from '../../support/home-fixtures';
import { BOT_TOKEN, CHANNELS, type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';

type Json = Record<string, any>;
const NOW = new Date('2026-11-23T14:00:00Z'); // a Monday
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);

let h: Harness;
let fx: HomeFixtures;

beforeAll(async () => {
  h = await startHarness({ now: NOW.toISOString() });
  fx = new HomeFixtures(h.db.kysely, TEAM_ID);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
  h.clock.set(NOW);
});

const publishesTo = (userId: string) => h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === userId && c.ok).length;

async function openHome(userId: string): Promise<StoredView> {
  const before = publishesTo(userId);
  const response = await h.driver.appHomeOpened(userId);
  expect(response.status).toBe(200);
  await eventually(() => publishesTo(userId) > before);
  return h.standIn.homeView(userId)!;
}

const textOf = (view: StoredView | undefined): string => JSON.stringify(view?.blocks ?? []);
const buttonsOf = (view: StoredView, actionId: string): string[] =>
  (view.blocks as Json[])
    .flatMap((b) => [b.accessory, ...(b.elements ?? [])])
    .filter((e) => e?.action_id === actionId)
    .map((e) => e.value);

/** The checklist as rendered: label -> ✅ / ⬜ / ⏳. */
function checklistOf(view: StoredView): Record<string, string> {
  const states: Record<string, string> = {};
  for (const block of view.blocks as Json[]) {
    const match = /^(✅|⬜|⏳) \*([^*]+)\*/.exec(block.text?.text ?? '');
    if (match) states[match[2]!] = match[1]!;
  }
  return states;
}

const people = (label: string) => fx.people(h.standIn, label);

describe('App Home at each stage of a mentorship', () => {
  it("new pair: the next meeting in each person's zone, an agenda to prepare, goals to draft, and what waits for the first meeting", async () => {
    const { mentor, mentee } = await people('NEW');
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(DAY) });
    const first = await fx.meeting(pair, { sequence: 0, at: new Date('2026-12-01T09:00:00Z') });

    const home = await openHome(mentor.id);
    const text = textOf(home);
    expect(text).toContain('Mentoring theo-new');
    expect(text).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin), in 8 days');
    expect(text).toContain('Agenda: ⬜ not started');
    expect(text).toContain('*Goals:* none yet');
    expect(text).toContain('*Mentorship checklist*: 1 of 7 done');
    expect(checklistOf(home)).toEqual({
      '3-5 goals with target dates': '⬜',
      'Regular meetings scheduled': '✅',
      'Takeaways and action items after the last session': '⏳',
      'Feedback requested at the last meeting': '⏳',
      'Two resources explored since the last meeting': '⬜',
      'One achievement or challenge shared': '⬜',
      'Appreciation at the end of the last session': '⏳',
    });
    expect(buttonsOf(home, OpenActions.prepareAgenda)).toContain(first);
    expect(buttonsOf(home, OpenActions.addGoal)).toContain(pair.id);
    expect(buttonsOf(home, OpenActions.recordNotes)).toEqual([]);

    const menteeHome = await openHome(mentee.id);
    expect(textOf(menteeHome)).toContain('Mentored by maria-new');
    expect(textOf(menteeHome)).toContain('Tue 1 Dec 2026, 04:00 (America/New_York)');
  });

  it('mid-cycle: goals with progress, open action items by owner, feedback asked and given, resources since the last meeting', async () => {
    const { mentor, mentee } = await people('MID');
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(22 * DAY) });
    const last = await fx.meeting(pair, { sequence: 0, at: ago(7 * DAY), status: 'held', takeaways: 'Lead design reviews' });
    const next = await fx.meeting(pair, { sequence: 1, at: ahead(7 * DAY) });
    await fx.agendaItem(next, { authorId: mentee.id, kind: 'topic', body: 'Promotion case' });
    await fx.agendaItem(next, { authorId: mentee.id, kind: 'highlight', body: 'Shipped the search revamp' });
    const mine = await fx.actionItem(pair, {
      ownerId: mentor.id,
      body: 'Send the review checklist',
      dueOn: '2026-11-20',
      meetingId: last,
      createdAt: ago(7 * DAY),
    });
    const theirs = await fx.actionItem(pair, { ownerId: mentee.id, body: 'Draft the RFC', dueOn: '2026-11-27', meetingId: last, createdAt: ago(7 * DAY) });
    await fx.actionItem(pair, { ownerId: mentee.id, body: 'Already done', meetingId: last, doneAt: ago(DAY), createdAt: ago(7 * DAY) });
    await fx.feedback(pair, {
      requesterId: mentee.id,
      responderId: mentor.id,
      area: 'design reviews',
      meetingId: last,
      createdAt: ago(7 * DAY),
      answer: 'Lead with the trade-offs',
    });
    await fx.appreciation(pair, { fromId: mentee.id, toId: mentor.id, message: 'Thank you!', meetingId: last, createdAt: ago(7 * DAY - HOUR) });
    for (const [title, krs] of [
      ['Lead a design review', [[4, 2]]],
      ['Mentor an intern', [[1, 1]]],
      ['Speak at the guild', []],
    ] as const) {
      await fx.goal(pair, { title, targetDate: '2027-03-31', keyResults: krs.map(([target, current]) => ({ target, current })) });
    }
    await fx.goal(pair, { title: 'Learn Rust', status: 'awaiting_approval', targetDate: '2027-04-30' });
    await fx.resource(pair, {
      title: "The Staff Engineer's Path",
      url: 'https://example.com/staff',
      recommendedBy: mentor.id,
      createdAt: ago(9 * DAY),
      exploredAt: ago(2 * DAY),
      takeaway: 'Write things down',
    });
    await fx.resource(pair, { title: 'Explored before the meeting', recommendedBy: mentor.id, createdAt: ago(20 * DAY), exploredAt: ago(10 * DAY) });

    const home = await openHome(mentor.id);
    const text = textOf(home);
    expect(checklistOf(home)).toEqual({
      '3-5 goals with target dates': '✅',
      'Regular meetings scheduled': '✅',
      'Takeaways and action items after the last session': '✅',
      'Feedback requested at the last meeting': '✅',
      'Two resources explored since the last meeting': '⬜',
      'One achievement or challenge shared': '✅',
      'Appreciation at the end of the last session': '✅',
    });
    expect(text).toContain('1 of 2 explored since the last meeting.');
    expect(buttonsOf(home, OpenActions.addResource)).toContain(pair.id);
    expect(text).toContain('Agenda: ✏️ 2 items, not shared yet');
    expect(text).toContain('*Goals* (3 approved, 1 awaiting approval)');
    expect(text).toContain('• *Learn Rust* · Awaiting approval');
    expect(text).toContain('• *Lead a design review* · Approved · target Wed 31 Mar 2027 · `▰▰▰▰▰▱▱▱▱▱ 50%` 0 of 1 key result met');
    expect(text).toContain('*Open action items* (2)');
    expect(text).toContain('*You:* Send the review checklist · due Fri 20 Nov 2026 *(overdue)*');
    expect(text).toContain('*theo-mid:* Draft the RFC · due Fri 27 Nov 2026');
    expect(text).not.toContain('Already done');
    expect(buttonsOf(home, OpenActions.tickActionItem)).toEqual([mine, theirs]);
    expect(text).toContain('Asked: theo-mid asked you about _design reviews_ 7 days ago: answered.');
    expect(text).toContain('Given: You on _design reviews_: “Lead with the trade-offs”');
    expect(text).toContain("The Staff Engineer's Path");
    expect(text).not.toContain('Explored before the meeting');
  });

  it('after a meeting: offers to record its notes, then refreshes both Homes as notes are recorded, an item is ticked and a goal approved', async () => {
    const { mentor, mentee } = await people('AFTER');
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(30 * DAY) });
    const earlier = await fx.meeting(pair, { sequence: 0, at: ago(14 * DAY), status: 'held', takeaways: 'Earlier notes' });
    await fx.actionItem(pair, { ownerId: mentee.id, body: 'From the earlier meeting', meetingId: earlier, createdAt: ago(14 * DAY) });
    const justEnded = await fx.meeting(pair, { sequence: 1, at: ago(2 * HOUR) });
    const goal = await fx.goal(pair, { title: 'Own the on-call rota', status: 'awaiting_approval', targetDate: '2027-02-28' });

    await openHome(mentor.id); // both look at their Home: a change republishes it
    const before = await openHome(mentee.id);
    // Its next meeting has no row yet (no planning pass ran): the rhythm still says when it is.
    expect(textOf(before)).toContain('*Next meeting:* Sat 5 Dec 2026, 04:00 (America/New_York), in 12 days');
    expect(textOf(before)).toContain('Mon 23 Nov 2026, 07:00 (America/New_York) has ended; notes are not recorded yet.');
    expect(buttonsOf(before, OpenActions.recordNotes)).toContain(justEnded);
    expect(checklistOf(before)['Regular meetings scheduled']).toBe('✅');

    // What the meetings and goals features do, then their call to deps.home.refresh.
    const logged: string[] = [];
    const refresher = createHomeRefresher({
      home: h.bot.services.home,
      clientFor: () => new WebClient(BOT_TOKEN, { slackApiUrl: h.standIn.apiUrl, retryConfig: { retries: 0 } }),
      logger: createLogger('info', new Writable({ write: (chunk, _e, done) => (logged.push(String(chunk)), done()) })),
      windowMs: 0,
    });
    await fx.recordNotes(justEnded, 'Pairing on incidents helps', mentee.id, ago(HOUR));
    const item = await fx.actionItem(pair, { ownerId: mentee.id, body: 'Shadow two incidents', meetingId: justEnded, createdAt: ago(HOUR) });
    await fx.actionItem(pair, { ownerId: mentor.id, body: 'Introduce Theo to the SRE lead', meetingId: justEnded, createdAt: ago(HOUR) });
    await fx.meeting(pair, { sequence: 2, at: ahead(13 * DAY) });
    await refresher.refresh(TEAM_ID, [mentor.id, mentee.id]);
    await refresher.idle();

    const mentorHome = h.standIn.homeView(mentor.id)!;
    const menteeHome = h.standIn.homeView(mentee.id)!;
    expect(menteeHome.id).toBe(before.id); // republished in place, not a second Home
    for (const home of [mentorHome, menteeHome]) {
      expect(textOf(home)).not.toContain('has ended; notes are not recorded yet');
      expect(checklistOf(home)).toMatchObject({
        'Regular meetings scheduled': '✅',
        'Takeaways and action items after the last session': '✅',
        'Feedback requested at the last meeting': '⬜',
        'Appreciation at the end of the last session': '⬜',
      });
      expect(textOf(home)).toContain('Takeaways and 2 action items recorded.');
      expect(textOf(home)).toContain('*Open action items* (3)');
    }

    await fx.tick(item, mentee.id, NOW);
    await refresher.refresh(TEAM_ID, [mentee.id]);
    await refresher.idle();
    expect(textOf(h.standIn.homeView(mentee.id))).toContain('*Open action items* (2)');
    expect(buttonsOf(h.standIn.homeView(mentee.id)!, OpenActions.tickActionItem)).not.toContain(item);

    expect(textOf(h.standIn.homeView(mentee.id))).toContain('Own the on-call rota* · Awaiting approval');
    await fx.setGoalStatus(goal, 'approved', mentor.id, NOW);
    await refresher.refresh(TEAM_ID, [mentor.id, mentee.id]);
    await refresher.idle();
    expect(textOf(h.standIn.homeView(mentee.id))).toContain('Own the on-call rota* · Approved');
    expect(logged.join('')).not.toContain('home refresh failed');
  });

  it('near the end: says so, with the achieved goals', async () => {
    const { mentor, mentee } = await people('END');
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(170 * DAY), plannedEndOn: '2026-12-03' });
    await fx.meeting(pair, { sequence: 10, at: ago(3 * DAY), status: 'held', takeaways: 'Almost there' });
    await fx.meeting(pair, { sequence: 11, at: ahead(4 * DAY) });
    for (const title of ['Goal one', 'Goal two', 'Goal three']) await fx.goal(pair, { title, status: 'achieved', targetDate: '2026-11-30' });
    await fx.goal(pair, { title: 'Goal four', targetDate: '2026-12-31' });

    const text = textOf(await openHome(mentee.id));
    expect(text).toContain('until Thu 3 Dec 2026 (in 10 days) · Nearly done');
    expect(text).toContain('*Goals* (1 approved, 3 achieved)');
    expect(text).toContain('• *Goal one* · Achieved 🎉');
    expect(text).toContain('4 goals, 1 approved, 3 achieved.');
  });
});

describe('who sees what', () => {
  it('gives a mentor one section per mentee, the soonest next meeting first', async () => {
    const { mentor, mentee } = await people('MULTI');
    const second = { id: 'USECONDMULTI', name: 'sasha-multi', tz: 'Asia/Tokyo' };
    h.standIn.addUser(second);
    await fx.person(second);
    const later = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(5 * DAY) });
    const sooner = await fx.pair({ mentorId: mentor.id, menteeId: second.id, createdAt: ago(2 * DAY) });
    await fx.meeting(later, { sequence: 0, at: ahead(6 * DAY) });
    await fx.meeting(sooner, { sequence: 0, at: ahead(DAY) });
    const headers = ((await openHome(mentor.id)).blocks as Json[]).filter((b) => b.type === 'header').map((b) => b.text.text);
    expect(headers).toEqual(['Your mentorship at a glance', 'Mentoring sasha-multi', 'Mentoring theo-multi']);
  });

  it('builds several people’s dashboards from one read exactly as it builds each alone', async () => {
    const { mentor, mentee } = await people('BATCH');
    const second = { id: 'USECONDBATCH', name: 'sasha-batch', tz: 'Asia/Tokyo' };
    h.standIn.addUser(second);
    await fx.person(second);
    const shared = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(5 * DAY) });
    const other = await fx.pair({ mentorId: mentor.id, menteeId: second.id, createdAt: ago(2 * DAY) });
    await fx.meeting(shared, { sequence: 0, at: ahead(6 * DAY) });
    await fx.meeting(other, { sequence: 0, at: ahead(DAY) });
    const home = h.bot.services.home;
    const together = await home.snapshots(TEAM_ID, [mentor.id, mentee.id, second.id]);
    const alone = await Promise.all([mentor.id, mentee.id, second.id].map((id) => home.snapshot(TEAM_ID, id)));
    // Names may include more people when read together; everything a dashboard shows is the same.
    const shown = (snapshot: (typeof alone)[number]) => ({
      ...snapshot,
      names: Object.fromEntries(Object.entries(snapshot.names).filter(([id]) => JSON.stringify(snapshot.pairs).includes(id) || id === snapshot.viewerId)),
    });
    expect(together.map(shown)).toEqual(alone.map(shown));
    expect(together[1]!.pairs.map((p) => p.pair.id)).toEqual([shared.id]);
  });

  it("never shows journal entries, not even their author's own", async () => {
    const { mentor, mentee } = await people('JOURNAL');
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(5 * DAY) });
    await fx.journal(pair, { authorId: mentee.id, text: 'Secret worry about the promotion', createdAt: ago(DAY) });
    await fx.journal(pair, { authorId: mentor.id, text: 'Private note on coaching style', createdAt: ago(DAY) });
    for (const userId of [mentor.id, mentee.id]) {
      const text = textOf(await openHome(userId));
      expect(text).not.toMatch(/Secret worry|Private note|journal entr/i);
    }
  });

  it('shows someone in no pair how to start one, and the button opens the pair set-up modal', async () => {
    const home = await openHome(USERS.stranger.id);
    expect(textOf(home)).toContain("You're not in a mentorship pair yet");
    const response = await h.driver.clickInView(USERS.stranger.id, home, HomeActions.startPair);
    expect(response.status).toBe(200);
    const modal = await eventually(() => h.standIn.topView(USERS.stranger.id));
    expect(modal.callback_id).toBe(PairModal.callbackId);
  });
});

describe('app_home_opened', () => {
  it('publishes nothing when the Messages tab is opened', async () => {
    const response = await h.driver.event({
      type: 'app_home_opened',
      user: USERS.stranger.id,
      channel: dmId(USERS.stranger.id),
      tab: 'messages',
      event_ts: '1.000001',
    });
    expect(response.status).toBe(200);
    await h.settle();
    expect(h.standIn.callsTo('views.publish')).toHaveLength(0);
  });

  it('publishes once when Slack retries the same event (same event_id), and again for a new opening', async () => {
    const event = { type: 'app_home_opened', user: USERS.stranger.id, channel: dmId(USERS.stranger.id), tab: 'home', event_ts: '1.000002' };
    expect((await h.driver.event(event, { eventId: 'EvSAME1' })).status).toBe(200);
    await eventually(() => publishesTo(USERS.stranger.id) === 1);
    expect((await h.driver.event(event, { eventId: 'EvSAME1', retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await h.settle();
    expect(publishesTo(USERS.stranger.id)).toBe(1);
    expect((await h.driver.event({ ...event, event_ts: '2.000001' }, { eventId: 'EvNEXT2' })).status).toBe(200);
    await eventually(() => publishesTo(USERS.stranger.id) === 2);
  });

  it('stays within 100 blocks for a mentor with many mentees and a long history, and points to the commands for the rest', async () => {
    const mentor = { id: 'UMLONG', name: 'maria-long', tz: 'Europe/Berlin' };
    h.standIn.addUser(mentor);
    await fx.person(mentor);
    const pairs: Pair[] = [];
    for (let i = 0; i < 8; i += 1) {
      const mentee = { id: `UELONG${i}`, name: `mentee-${i}`, tz: 'America/New_York' };
      await fx.person(mentee);
      const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(400 * DAY) });
      await fx.longHistory(pair, NOW, { meetings: 40, goals: 60, actionItems: 150, resources: 40 });
      await fx.meeting(pair, { sequence: 100, at: ahead((i + 1) * DAY) });
      pairs.push(pair);
    }
    const home = await openHome(mentor.id);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    const text = textOf(home);
    expect(text).toContain('… and 55 more: `/mentorship goals`');
    expect(text).toContain('… and 145 more: `/mentorship notes`');
    for (let i = 0; i < 8; i += 1) expect(text).toContain(`Mentoring mentee-${i}`);
  });
});

describe('pair set-up', () => {
  it("publishes both people's Home as soon as a coordinator's pair is created, while they are looking at it", async () => {
    await openHome(USERS.mentor.id);
    await openHome(USERS.mentee.id);
    await h.driver.command(USERS.coordinator.id, 'pair');
    const view = await eventually(() => h.standIn.topView(USERS.coordinator.id));
    const { blocks: b } = PairModal;
    const result = await h.driver.submitView(USERS.coordinator.id, view, {
      [b.mentor]: USERS.mentor.id,
      [b.mentee]: USERS.mentee.id,
      [b.channel]: CHANNELS.goals.id,
      [b.cadence]: 'biweekly',
      [b.firstDate]: '2026-12-01',
      [b.firstTime]: '10:00',
      [b.duration]: '45',
      [b.timeZone]: 'Europe/Berlin',
      [b.length]: '6',
    });
    expect(result.errors).toBeUndefined();
    const republished = (userId: string) =>
      eventually(() => (textOf(h.standIn.homeView(userId)).includes("You're not in a mentorship pair yet") ? undefined : h.standIn.homeView(userId)));
    const mentorHome = await republished(USERS.mentor.id);
    const menteeHome = await republished(USERS.mentee.id);
    expect(textOf(mentorHome)).toContain('Mentoring Theo Mentee');
    expect(textOf(mentorHome)).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    expect(textOf(menteeHome)).toContain('Mentored by Maria Mentor');
    expect(textOf(menteeHome)).toContain('Tue 1 Dec 2026, 04:00 (America/New_York)');
    await eventually(() => h.standIn.messagesIn(CHANNELS.goals.id).length === 1); // the rest of the set-up, before the next test
  });

  it('republishes after a change only the Home of someone who opened it in the last half hour; the other sees the change when they next open it', async () => {
    const { mentor, mentee } = await people('WATCH');
    const pair = await fx.pair({ mentorId: mentor.id, menteeId: mentee.id, createdAt: ago(30 * DAY) });
    await fx.meeting(pair, { sequence: 1, at: ahead(3 * DAY) });
    await openHome(mentee.id);
    h.clock.set(new Date(NOW.getTime() - 31 * 60_000)); // the mentor opened theirs 31 minutes ago
    await openHome(mentor.id);
    h.clock.set(NOW);
    const refresher = createHomeRefresher({
      home: h.bot.services.home,
      clientFor: () => new WebClient(BOT_TOKEN, { slackApiUrl: h.standIn.apiUrl, retryConfig: { retries: 0 } }),
      logger: createLogger('silent'),
      windowMs: 0,
    });
    const [mentorBefore, menteeBefore] = [publishesTo(mentor.id), publishesTo(mentee.id)];
    await fx.goal(pair, { title: 'Lead the incident review', status: 'awaiting_approval', targetDate: '2027-02-28' });
    await refresher.refresh(TEAM_ID, [mentor.id, mentee.id]);
    await refresher.idle();
    expect(publishesTo(mentee.id)).toBe(menteeBefore + 1);
    expect(textOf(h.standIn.homeView(mentee.id))).toContain('Lead the incident review');
    expect(publishesTo(mentor.id)).toBe(mentorBefore);
    expect(textOf(h.standIn.homeView(mentor.id))).not.toContain('Lead the incident review');

    expect(textOf(await openHome(mentor.id))).toContain('Lead the incident review');
    // Opened just now: the next change republishes the mentor's Home too.
    await fx.goal(pair, { title: 'Write the on-call guide', status: 'awaiting_approval', targetDate: '2027-03-31' });
    await refresher.refresh(TEAM_ID, [mentor.id, mentee.id]);
    await refresher.idle();
    expect(textOf(h.standIn.homeView(mentor.id))).toContain('Write the on-call guide');
    await refresher.stop();
  });

  it("logs a refused publish and returns normally, so the caller's change is never undone", async () => {
    const logged: string[] = [];
    const refresher = createHomeRefresher({
      home: h.bot.services.home,
      clientFor: () => new WebClient(BOT_TOKEN, { slackApiUrl: h.standIn.apiUrl, retryConfig: { retries: 0 } }),
      logger: createLogger('info', new Writable({ write: (chunk, _e, done) => (logged.push(String(chunk)), done()) })),
      windowMs: 0,
    });
    const shown = await openHome(USERS.mentor.id);
    h.standIn.failNext('views.publish', { error: 'not_enabled' });
    await expect(refresher.refresh(TEAM_ID, [USERS.mentor.id])).resolves.toBeUndefined();
    expect(h.standIn.homeView(USERS.mentor.id)).toEqual(shown);
    expect(logged.join('')).toContain('home refresh failed');
    expect(logged.join('')).toContain('not_enabled');
    expect(logged.join('')).not.toContain(BOT_TOKEN);
  });
});
