import type { Pair } from '../../../src/db/schema';
import { AgendaModal, FeedbackModal } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { createPair, meetingRows } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

const { mentor, mentee } = USERS;
let h: Harness;
let pair: Pair;
let next: string;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set('2026-11-23T14:00:00Z');
  pair = await createPair(h); // weekly from Tue 1 Dec
  next = (await meetingRows(h, pair.id))[0]!.id;
  await h.settle();
  h.standIn.reset();
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
});

const requests = () => h.db.kysely.selectFrom('feedback_requests').selectAll().where('pair_id', '=', pair.id).execute();
const focusOf = async () => (await h.db.kysely.selectFrom('meetings').select('feedback_focus').where('id', '=', next).executeTakeFirstOrThrow()).feedback_focus;

async function shareAgenda(userId: string, inputs: Record<string, unknown>) {
  const before = h.standIn.topView(userId)?.id;
  await h.driver.command(userId, 'agenda');
  const view = await eventually(() => {
    const top = h.standIn.topView(userId);
    return top && top.id !== before && top.callback_id === AgendaModal.callbackId ? top : undefined;
  });
  const result = await h.driver.submitView(userId, view, inputs);
  expect(result.errors).toBeUndefined();
  await h.settle();
}

describe('the agenda’s feedback focus and a feedback request for the same meeting are one thing', () => {
  it('sharing an agenda with a focus creates the mentee’s request for that meeting; changing it updates the same request', async () => {
    await shareAgenda(mentee.id, { [AgendaModal.blocks.topics]: 'Career path', [AgendaModal.blocks.feedbackFocus]: 'giving talks' });
    expect(await requests()).toEqual([
      expect.objectContaining({ meeting_id: next, requester_id: mentee.id, responder_id: mentor.id, area: 'giving talks', status: 'requested' }),
    ]);
    // Theo adds to the agenda and changes the focus (the mentor's agenda form has none): still one request, now on the new area.
    await shareAgenda(mentee.id, { [AgendaModal.blocks.topics]: 'Retro', [AgendaModal.blocks.feedbackFocus]: 'running retros' });
    const [only, ...rest] = await requests();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ requester_id: mentee.id, area: 'running retros', question: 'What is one thing I could improve in running retros?' });
    // Answering it is answering the agenda's feedback: the mentor finds it to answer like any request.
    expect((await h.bot.services.feedback.inbox({ teamId: h.standIn.teamId, userId: mentor.id })).toAnswer.map((item) => item.area)).toEqual([
      'running retros',
    ]);
  });

  it('a /mentorship feedback request for the next meeting fills an empty agenda focus, which the agenda then shows, and adds no second request', async () => {
    await h.driver.command(mentee.id, 'feedback');
    const view = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, view, { [FeedbackModal.request.blocks.area]: 'estimating work' });
    await h.settle();
    expect(await focusOf()).toBe('estimating work');
    expect(await requests()).toHaveLength(1);
    await h.driver.command(mentee.id, 'agenda');
    const agenda = await eventually(() => {
      const top = h.standIn.topView(mentee.id);
      return top?.callback_id === AgendaModal.callbackId ? top : undefined;
    });
    expect(JSON.stringify(agenda.blocks)).toContain('estimating work');
    await h.driver.submitView(mentee.id, agenda, { [AgendaModal.blocks.topics]: 'Planning' });
    await h.settle();
    expect(await requests()).toHaveLength(1);
    const shared = await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => m.text.startsWith('Agenda')));
    expect(JSON.stringify(shared.blocks)).toContain('estimating work');
  });

  it('a request does not overwrite a focus the agenda already names, and the mentor’s own request leaves it alone', async () => {
    await shareAgenda(mentee.id, { [AgendaModal.blocks.topics]: 'Career path', [AgendaModal.blocks.feedbackFocus]: 'giving talks' });
    await h.bot.services.feedback.request({ teamId: h.standIn.teamId, userId: mentee.id }, { pairId: pair.id, area: 'code reviews', question: null });
    expect(await focusOf()).toBe('giving talks');
    await h.db.kysely.updateTable('meetings').set({ feedback_focus: null }).where('id', '=', next).execute();
    await h.bot.services.feedback.request({ teamId: h.standIn.teamId, userId: mentor.id }, { pairId: pair.id, area: 'my mentoring', question: null });
    expect(await focusOf()).toBeNull();
    expect((await requests()).map((r) => r.area).sort()).toEqual(['code reviews', 'giving talks', 'my mentoring']);
  });

  it('Home counts the agenda’s focus and its request once, as the one feedback asked at the meeting', async () => {
    await shareAgenda(mentee.id, { [AgendaModal.blocks.topics]: 'Career path', [AgendaModal.blocks.feedbackFocus]: 'giving talks' });
    // The meeting took place and its notes are in: Home looks back at it.
    h.clock.set('2026-12-01T14:00:00Z');
    await h.db.kysely
      .updateTable('meetings')
      .set({ status: 'held', takeaways: 'Good', notes_recorded_by: mentor.id, notes_recorded_at: h.clock.now() })
      .where('id', '=', next)
      .execute();
    const publishes = () => h.standIn.callsTo('views.publish').filter((c) => c.args.user_id === mentee.id && c.ok).length;
    const before = publishes();
    await h.driver.appHomeOpened(mentee.id);
    await eventually(() => publishes() > before);
    const home = JSON.stringify(h.standIn.homeView(mentee.id)!.blocks);
    expect(home).toContain('1 feedback request at the last meeting.');
    expect(home).not.toContain('2 feedback requests');
    expect(home.match(/giving talks/g)).toHaveLength(1);
  });
});
