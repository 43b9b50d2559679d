import type { Db } from '../../../src/db/create-db';
import { HomeService } from '../../../src/domain/home/home.service';
import { DAY, HOUR, HomeFixtures } from '../../support/home-fixtures';
import { createTestDb } from '../../support/test-db';

const now = new Date('2026-11-23T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);

let db: Db;
let fx: HomeFixtures;
let service: HomeService;
let counter = 0;

beforeAll(async () => {
  db = await createTestDb();
  fx = new HomeFixtures(db.kysely, 'T1');
  service = new HomeService(db.kysely, () => now);
});
afterAll(() => db.close());

/** A fresh mentor and mentee for each test, so tests never see each other's rows. */
async function freshPair(extra: { createdAt?: Date } = {}) {
  counter += 1;
  const mentorId = `UMENTOR${counter}`;
  const menteeId = `UMENTEE${counter}`;
  await fx.person({ id: mentorId, name: `mentor${counter}`, tz: 'Europe/Berlin' });
  await fx.person({ id: menteeId, name: `mentee${counter}`, tz: 'America/New_York' });
  const pair = await fx.pair({ mentorId, menteeId, createdAt: extra.createdAt ?? ago(30 * DAY) });
  return { pair, mentorId, menteeId };
}

const only = async (userId: string) => {
  const snapshot = await service.snapshot('T1', userId);
  expect(snapshot.pairs).toHaveLength(1);
  return snapshot.pairs[0]!;
};

describe('HomeService.snapshot: meetings', () => {
  it('takes the latest held meeting as the last one, ignoring later skipped ones, and the earliest scheduled one ahead as next', async () => {
    const { pair, mentorId } = await freshPair();
    await fx.meeting(pair, { sequence: 0, at: ago(14 * DAY), status: 'held', takeaways: 'first' });
    const last = await fx.meeting(pair, { sequence: 1, at: ago(7 * DAY), status: 'held', takeaways: 'second' });
    await fx.meeting(pair, { sequence: 2, at: ago(3 * DAY), status: 'skipped' });
    const next = await fx.meeting(pair, { sequence: 3, at: ahead(7 * DAY) });
    await fx.meeting(pair, { sequence: 4, at: ahead(21 * DAY) });
    const snap = await only(mentorId);
    expect(snap.lastHeld?.id).toBe(last);
    expect(snap.next?.id).toBe(next);
    expect(snap.awaitingNotes).toBeNull();
    expect(snap.since.toISOString()).toBe(ago(7 * DAY).toISOString());
  });

  it('treats a meeting under way as next, and one that ended without notes as awaiting notes and as the last meeting', async () => {
    const { pair, menteeId } = await freshPair();
    const ended = await fx.meeting(pair, { sequence: 0, at: ago(2 * HOUR), minutes: 60 });
    const running = await fx.meeting(pair, { sequence: 1, at: ago(10 * 60_000), minutes: 45 });
    const snap = await only(menteeId);
    expect(snap.next?.id).toBe(running);
    expect(snap.awaitingNotes?.id).toBe(ended);
    expect(snap.lastHeld?.id).toBe(ended); // it took place: its thanks and feedback are the latest news
  });

  it('counts "since the last meeting" from the pair\'s creation before any meeting was held', async () => {
    const created = ago(10 * DAY);
    const { pair, menteeId } = await freshPair({ createdAt: created });
    await fx.resource(pair, { title: 'Explored before the pair existed', recommendedBy: menteeId, createdAt: ago(20 * DAY), exploredAt: ago(11 * DAY) });
    await fx.resource(pair, { title: 'Explored since', recommendedBy: menteeId, createdAt: ago(9 * DAY), exploredAt: ago(9 * DAY) });
    const snap = await only(menteeId);
    expect(snap.since.toISOString()).toBe(created.toISOString());
    expect(snap.exploredSinceTotal).toBe(1);
    expect(snap.exploredSince.map((r) => r.title)).toEqual(['Explored since']);
  });
});

describe('HomeService.snapshot: facts about the last meeting', () => {
  it('counts action items tied to the last meeting or written untied since its start, and nothing older', async () => {
    const { pair, mentorId, menteeId } = await freshPair();
    const earlier = await fx.meeting(pair, { sequence: 0, at: ago(14 * DAY), status: 'held', takeaways: 'x' });
    const last = await fx.meeting(pair, { sequence: 1, at: ago(7 * DAY), status: 'held', takeaways: 'y' });
    await fx.actionItem(pair, { ownerId: menteeId, body: 'tied to the last', meetingId: last, createdAt: ago(7 * DAY) });
    await fx.actionItem(pair, { ownerId: mentorId, body: 'untied, after its start', createdAt: ago(7 * DAY - HOUR) });
    await fx.actionItem(pair, { ownerId: menteeId, body: 'untied, before its start', createdAt: ago(7 * DAY + HOUR) });
    await fx.actionItem(pair, { ownerId: menteeId, body: 'tied to the earlier meeting', meetingId: earlier, createdAt: ago(6 * DAY) });
    expect((await only(menteeId)).lastHeldFacts.actionItems).toBe(2);
  });

  it('counts feedback tied to the last meeting or asked untied within 24 hours around it', async () => {
    const { pair, mentorId, menteeId } = await freshPair();
    const start = ago(7 * DAY);
    const last = await fx.meeting(pair, { sequence: 0, at: start, status: 'held', minutes: 60 });
    const ask = (createdAt: Date, meetingId?: string) => fx.feedback(pair, { requesterId: menteeId, responderId: mentorId, area: 'x', createdAt, meetingId });
    await ask(ago(30 * DAY), last); // tied: counts whenever it was made
    await ask(new Date(start.getTime() - 23 * HOUR)); // the day before: counts
    await ask(new Date(start.getTime() + HOUR + 23 * HOUR)); // within a day of its end: counts
    await ask(new Date(start.getTime() - 25 * HOUR)); // too early
    await ask(new Date(start.getTime() + HOUR + 25 * HOUR)); // too late
    expect((await only(menteeId)).lastHeldFacts.feedbackRequests).toBe(3);
  });

  it('counts appreciations tied to the last meeting or written untied since its start', async () => {
    const { pair, mentorId, menteeId } = await freshPair();
    const start = ago(7 * DAY);
    const earlier = await fx.meeting(pair, { sequence: 0, at: ago(21 * DAY), status: 'held' });
    const last = await fx.meeting(pair, { sequence: 1, at: start, status: 'held' });
    const thank = (createdAt: Date, meetingId?: string) => fx.appreciation(pair, { fromId: menteeId, toId: mentorId, message: 'thanks', createdAt, meetingId });
    await thank(ago(20 * DAY), earlier);
    await thank(new Date(start.getTime() - HOUR));
    expect((await only(menteeId)).lastHeldFacts.appreciations).toBe(0);
    await thank(new Date(start.getTime() + HOUR));
    await thank(ago(6 * DAY), last);
    const snap = await only(menteeId);
    expect(snap.lastHeldFacts.appreciations).toBe(2);
    expect(snap.latestAppreciation).toMatchObject({ fromId: menteeId, toId: mentorId });
  });

  it('reads the feedback areas and highlights on the agendas of the last and the next meeting', async () => {
    const { pair, menteeId } = await freshPair();
    const last = await fx.meeting(pair, { sequence: 0, at: ago(7 * DAY), status: 'held' });
    const next = await fx.meeting(pair, { sequence: 1, at: ahead(7 * DAY) });
    await fx.agendaItem(last, { authorId: menteeId, kind: 'feedback_area', body: 'my demos' });
    await fx.agendaItem(next, { authorId: menteeId, kind: 'highlight', body: 'shipped it' });
    await fx.agendaItem(next, { authorId: menteeId, kind: 'topic', body: 'career' });
    await fx.agendaItem(next, { authorId: menteeId, kind: 'topic', body: 'hiring' });
    const snap = await only(menteeId);
    expect(snap.lastHeldFacts).toMatchObject({ feedbackAreaItems: 1, highlightItems: 0 });
    expect(snap.nextAgenda).toEqual({ highlight: 1, topic: 2 });
  });
});

describe('HomeService.snapshot: lists', () => {
  it('lists open action items only, the earliest due first, at most five, with the full count', async () => {
    const { pair, menteeId } = await freshPair();
    for (let i = 1; i <= 7; i += 1) {
      await fx.actionItem(pair, { ownerId: menteeId, body: `item ${i}`, dueOn: `2026-12-${String(10 - i).padStart(2, '0')}`, createdAt: ago(DAY) });
    }
    await fx.actionItem(pair, { ownerId: menteeId, body: 'undated', createdAt: ago(DAY) });
    await fx.actionItem(pair, { ownerId: menteeId, body: 'done', dueOn: '2026-11-01', doneAt: ago(HOUR), createdAt: ago(DAY) });
    const snap = await only(menteeId);
    expect(snap.openActionItemTotal).toBe(8);
    expect(snap.openActionItems.map((i) => i.body)).toEqual(['item 7', 'item 6', 'item 5', 'item 4', 'item 3']);
  });

  it('shows goals waiting on someone first, leaves dropped ones out, and carries their key results', async () => {
    const { pair, menteeId } = await freshPair();
    await fx.goal(pair, { title: 'Achieved', status: 'achieved', targetDate: '2026-11-01' });
    await fx.goal(pair, { title: 'Approved late', targetDate: '2027-03-01', keyResults: [{ target: 10, current: 5 }] });
    await fx.goal(pair, { title: 'Approved soon', targetDate: '2027-01-01' });
    await fx.goal(pair, { title: 'Waiting', status: 'awaiting_approval', targetDate: '2027-05-01' });
    await fx.goal(pair, { title: 'Dropped', status: 'dropped', targetDate: '2027-01-01' });
    const snap = await only(menteeId);
    expect(snap.goals.map((g) => g.title)).toEqual(['Waiting', 'Approved soon', 'Approved late', 'Achieved']);
    expect(snap.goals[2]?.progressItems).toEqual([{ kind: 'key_result', targetValue: 10, currentValue: 5, done: false }]);
    expect(snap.goalCounts).toEqual({ achieved: 1, approved: 2, awaiting_approval: 1, dropped: 1 });
  });

  it('gives the latest feedback asked and the latest feedback given separately', async () => {
    const { pair, mentorId, menteeId } = await freshPair();
    await fx.feedback(pair, { requesterId: menteeId, responderId: mentorId, area: 'old', createdAt: ago(9 * DAY), answer: 'good', answeredAt: ago(8 * DAY) });
    await fx.feedback(pair, { requesterId: menteeId, responderId: mentorId, area: 'new', createdAt: ago(DAY) });
    const snap = await only(mentorId);
    expect(snap.latestAsked).toMatchObject({ area: 'new', status: 'requested' });
    expect(snap.latestGiven).toMatchObject({ area: 'old', answer: 'good' });
  });
});

describe('HomeService.snapshot: whose data', () => {
  it("shows each of a mentor's pairs, next meeting first, and never another pair's rows", async () => {
    const a = await freshPair();
    counter += 1;
    const otherMentee = `UMENTEE${counter}`;
    await fx.person({ id: otherMentee, name: 'second mentee', tz: 'Asia/Tokyo' });
    const b = await fx.pair({ mentorId: a.mentorId, menteeId: otherMentee, createdAt: ago(DAY) });
    await fx.meeting(a.pair, { sequence: 0, at: ahead(9 * DAY) });
    await fx.meeting(b, { sequence: 0, at: ahead(2 * DAY) });
    await fx.actionItem(b, { ownerId: otherMentee, body: 'only in b', createdAt: ago(HOUR) });

    const mentor = await service.snapshot('T1', a.mentorId);
    expect(mentor.viewerZone).toBe('Europe/Berlin');
    expect(mentor.pairs.map((p) => p.otherId)).toEqual([otherMentee, a.menteeId]);
    expect(mentor.pairs[0]?.openActionItemTotal).toBe(1);
    expect(mentor.pairs[1]?.openActionItemTotal).toBe(0);

    const firstMentee = await service.snapshot('T1', a.menteeId);
    expect(firstMentee.pairs.map((p) => p.pair.id)).toEqual([a.pair.id]);
    expect(JSON.stringify(firstMentee)).not.toContain('only in b');
  });

  it('keeps an ended pair readable with no next meeting, and gives someone the bot never met no pairs and UTC', async () => {
    counter += 1;
    await fx.person({ id: `UENDED${counter}`, name: 'ended', tz: 'Europe/Paris' });
    await fx.person({ id: `UPEER${counter}`, name: 'peer', tz: 'Europe/Paris' });
    await fx.pair({ mentorId: `UENDED${counter}`, menteeId: `UPEER${counter}`, createdAt: ago(200 * DAY), status: 'ended' });
    const ended = (await service.snapshot('T1', `UENDED${counter}`)).pairs;
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ pair: { status: 'ended' }, next: null, awaitingNotes: null });
    const stranger = await service.snapshot('T1', 'UNOBODY');
    expect(stranger).toMatchObject({ pairs: [], viewerZone: 'UTC' });
  });
});
