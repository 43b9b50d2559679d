import type { MeetingStatus, Pair, PairStatus } from '../../../src/db/schema';
import type { FeedbackRequest } from '../../../src/domain/feedback/feedback.repository';
import { FEEDBACK_NOT_FOUND, type FeedbackService } from '../../../src/domain/feedback/feedback.service';
import { DomainError } from '../../../src/errors';

/** What the shared feedback spec needs from a world: the service on some store, and ways to set the scene. */
export interface FeedbackScene {
  service: FeedbackService;
  pair(mentorId: string, menteeId: string): Promise<Pair>;
  meeting(pairId: string, sequence: number, at: string, status?: MeetingStatus): Promise<string>;
  setPairStatus(pairId: string, status: PairStatus): Promise<void>;
  stored(requestId: string): Promise<FeedbackRequest | undefined>;
  /** The agenda's feedback focus of a meeting. */
  focusOf(meetingId: string): Promise<string | null>;
  /** Removes the meetings the last test added, so each test sees only its own. */
  clearMeetings(): Promise<void>;
}

export const SPEC_NOW = new Date('2026-11-23T12:00:00Z');
const as = (userId: string) => ({ teamId: 'T1', userId });

/**
 * The feedback flow's rules, written once and run twice: on the in-memory store (the fast tier,
 * test/unit) and on the real database (test/integration), so the two stores cannot drift apart.
 */
export function feedbackServiceSpec(makeScene: () => Promise<FeedbackScene>): void {
  let scene: FeedbackScene;
  let pair: Pair;
  const ask = (area = 'demos', requesterId = 'UMENTEE') => scene.service.request(as(requesterId), { pairId: pair.id, area, question: null });
  const asked = async (area: string) => {
    const result = await ask(area);
    if (!result.ok) throw new Error(`request refused: ${JSON.stringify(result.errors)}`);
    return result.item;
  };

  beforeAll(async () => {
    scene = await makeScene();
    pair = await scene.pair('UMENTOR', 'UMENTEE');
    await scene.pair('UOTHER', 'UPEER');
  });
  afterEach(() => scene.clearMeetings());

  it('links a request to the scheduled meeting nearest in time, a just-started one over the next', async () => {
    const current = await scene.meeting(pair.id, 1, '2026-11-23T11:30:00Z');
    await scene.meeting(pair.id, 2, '2026-11-23T20:00:00Z');
    await scene.meeting(pair.id, 3, '2026-11-23T12:10:00Z', 'cancelled');
    const item = await asked('linking');
    expect(item.meetingId).toBe(current);
    expect((await scene.stored(item.id))?.meeting_id).toBe(current);
  });

  it('fills the empty feedback focus of the meeting ahead with the mentee’s area, never a focus already named, nor from the mentor', async () => {
    const ahead = await scene.meeting(pair.id, 1, '2026-11-24T12:00:00Z');
    await asked('estimating');
    expect(await scene.focusOf(ahead)).toBe('estimating');
    await asked('delegating');
    expect(await scene.focusOf(ahead)).toBe('estimating');
    await scene.clearMeetings();
    const other = await scene.meeting(pair.id, 1, '2026-11-24T12:00:00Z');
    await ask('my mentoring', 'UMENTOR');
    expect(await scene.focusOf(other)).toBeNull();
  });

  it('leaves the focus of a meeting that has started alone', async () => {
    const started = await scene.meeting(pair.id, 1, '2026-11-23T11:30:00Z');
    await asked('presenting');
    expect(await scene.focusOf(started)).toBeNull();
  });

  it('asks the other person of the pair, whichever side asks', async () => {
    const byMentor = await ask('delegation', 'UMENTOR');
    expect(byMentor.ok && byMentor.item.responderId).toBe('UMENTEE');
    const byMentee = await ask('delegation', 'UMENTEE');
    expect(byMentee.ok && byMentee.item.responderId).toBe('UMENTOR');
  });

  it('refuses someone outside the pair, and a pair id that is not one', async () => {
    await expect(ask('x', 'UOTHER')).rejects.toMatchObject({ code: 'not_in_pair' });
    await expect(scene.service.request(as('UMENTEE'), { pairId: 'not-a-uuid', area: 'x', question: null })).rejects.toMatchObject({ code: 'not_in_pair' });
  });

  it('asks for the area on its field when it is missing, and stores nothing', async () => {
    const before = await scene.service.inbox(as('UMENTOR'));
    const result = await ask('   ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.area).toMatch(/\w/);
    expect(await scene.service.inbox(as('UMENTOR'))).toEqual(before);
  });

  it('stores exactly one answer when two arrive at once', async () => {
    const item = await asked('concurrency');
    const answer = (text: string) => scene.service.answer(as('UMENTOR'), { requestId: item.id, answer: text, source: null });
    const results = await Promise.allSettled([answer('first'), answer('second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DomainError);
    const row = await scene.stored(item.id);
    expect(row?.status).toBe('answered');
    expect(['first', 'second']).toContain(row?.answer);
  });

  it('lets only the person asked answer, with the answer on its field when empty', async () => {
    const item = await asked('who answers');
    await expect(scene.service.answer(as('UMENTEE'), { requestId: item.id, answer: 'Self-review', source: null })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(scene.service.answer(as('UOTHER'), { requestId: item.id, answer: 'Nosy', source: null })).rejects.toMatchObject({ code: 'not_found' });
    const empty = await scene.service.answer(as('UMENTOR'), { requestId: item.id, answer: ' ', source: null });
    expect(!empty.ok && empty.errors.answer).toMatch(/\w/);
    expect((await scene.stored(item.id))?.status).toBe('requested');
  });

  it('lets only the mentee who asked report how they applied an answer, once', async () => {
    const { id } = await asked('one-on-ones');
    await expect(scene.service.openForApplication(as('UMENTEE'), id)).rejects.toMatchObject({ code: 'conflict' });
    await scene.service.answer(as('UMENTOR'), { requestId: id, answer: 'Listen more', source: null });
    await expect(scene.service.openForApplication(as('UMENTOR'), id)).rejects.toMatchObject({ message: FEEDBACK_NOT_FOUND });
    await expect(scene.service.openForApplication(as('UOTHER'), id)).rejects.toMatchObject({ code: 'not_found' });
    const applied = await scene.service.reportApplication(as('UMENTEE'), { requestId: id, application: 'Listened', source: null });
    expect(applied.ok && applied.item.appliedAt).toEqual(SPEC_NOW);
    expect((await scene.stored(id))?.status).toBe('applied');
    await expect(scene.service.reportApplication(as('UMENTEE'), { requestId: id, application: 'Again', source: null })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('lets only the person who asked ask for an example of an answer, once, even when two presses arrive at once', async () => {
    const { id } = await asked('examples asked');
    await expect(scene.service.askForExample(as('UMENTEE'), id)).rejects.toMatchObject({ code: 'conflict' });
    await scene.service.answer(as('UMENTOR'), { requestId: id, answer: 'Shorter slides', source: null });
    await expect(scene.service.askForExample(as('UMENTOR'), id)).rejects.toMatchObject({ message: FEEDBACK_NOT_FOUND });
    await expect(scene.service.askForExample(as('UOTHER'), id)).rejects.toMatchObject({ message: FEEDBACK_NOT_FOUND });
    const results = await Promise.all([scene.service.askForExample(as('UMENTEE'), id), scene.service.askForExample(as('UMENTEE'), id)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['asked', 'stale']);
    expect(results.find((r) => r.kind === 'stale')?.view.item.exampleAskedAt).toEqual(SPEC_NOW);
    expect((await scene.stored(id))?.example_asked_at).toEqual(SPEC_NOW);
  });

  it('lets only the person who answered give the example, once asked, and stores exactly one when two arrive at once', async () => {
    const { id } = await asked('examples given');
    await scene.service.answer(as('UMENTOR'), { requestId: id, answer: 'Shorter slides', source: null });
    await expect(scene.service.openForExample(as('UMENTOR'), id)).rejects.toMatchObject({ code: 'conflict' });
    await scene.service.askForExample(as('UMENTEE'), id);
    await expect(scene.service.openForExample(as('UMENTEE'), id)).rejects.toMatchObject({ message: FEEDBACK_NOT_FOUND });
    expect((await scene.service.openForExample(as('UMENTOR'), id)).kind).toBe('open');
    const empty = await scene.service.giveExample(as('UMENTOR'), { requestId: id, example: '  ', source: null });
    expect(!empty.ok && empty.errors.example).toMatch(/\w/);
    const give = (text: string) => scene.service.giveExample(as('UMENTOR'), { requestId: id, example: text, source: null });
    const results = await Promise.allSettled([give('first'), give('second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(['first', 'second']).toContain((await scene.stored(id))?.example);
    expect((await scene.service.openForExample(as('UMENTOR'), id)).kind).toBe('stale');
  });

  it('has no application step when the mentor asked', async () => {
    const byMentor = await ask('coaching style', 'UMENTOR');
    if (!byMentor.ok) throw new Error('ask');
    await scene.service.answer(as('UMENTEE'), { requestId: byMentor.item.id, answer: 'More questions', source: null });
    await expect(scene.service.openForApplication(as('UMENTOR'), byMentor.item.id)).rejects.toMatchObject({ message: FEEDBACK_NOT_FOUND });
  });

  it('lists what waits on each person, and nothing of other pairs', async () => {
    const inboxMentor = await scene.service.inbox(as('UMENTOR'));
    expect(inboxMentor.toAnswer.map((r) => r.area)).toEqual(expect.arrayContaining(['linking', 'who answers']));
    expect(inboxMentor.toAnswer.every((r) => r.responderId === 'UMENTOR' && r.answeredAt === null)).toBe(true);
    expect(inboxMentor.toApply).toEqual([]);
    expect(await scene.service.inbox(as('UOTHER'))).toEqual({ toAnswer: [], toApply: [] });
  });

  it('refuses requests of an ended pair, and hides its open ones', async () => {
    await scene.setPairStatus(pair.id, 'ended');
    try {
      await expect(ask('late')).rejects.toMatchObject({ code: 'conflict' });
      expect((await scene.service.inbox(as('UMENTOR'))).toAnswer).toEqual([]);
    } finally {
      await scene.setPairStatus(pair.id, 'active');
    }
  });
}
