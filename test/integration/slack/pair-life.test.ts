import {
  PairDeclineModal,
  PairEndModal,
  PairLifeActions,
  PairModal,
  PairPauseModal,
  PairReflectionModal,
  CheckInNoteModal,
  PairChangeModal,
} from '../../../src/slack/ids';
import { textOf } from '../../support/goal-fixtures';
import { CHANNELS, type Harness, startHarness, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { dmWithButton, openFrom, pairOf, pendingReminders, setUpPair, statusOf } from '../../support/pair-life-fixtures';
import { postButton } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

/**
 * A pair's whole life through Slack: the invitation and its answers, pause and resume, a change, the
 * end with its closing summary and reflection, check-ins months later, a new pair after the end, and
 * presses on buttons the pair's state has outrun.
 */
const { mentor, mentee, other, stranger, coordinator } = USERS;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());

const countPairs = async () =>
  Number(
    (
      await h.db.kysely
        .selectFrom('pairs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('consent', () => {
  // Olga (London) and Sam (Tokyo) are both awake: messages to them are not held for the end of their night.
  beforeAll(() => h.clock.set('2026-11-23T08:30:00Z'));

  it('refuses, on the mentor field, someone who is not a coordinator setting up a pair for two other people', async () => {
    const before = await countPairs();
    const result = await setUpPair(h, stranger.id, { mentor: mentor.id, mentee: mentee.id });
    expect(result.errors?.[PairModal.blocks.mentor]).toMatch(/Only a program coordinator/);
    expect(await countPairs()).toBe(before);
  });

  it('invites the other person when one of the two sets the pair up: nothing else starts, and declining tells the inviter kindly', async () => {
    h.standIn.reset();
    const result = await setUpPair(h, other.id, { mentor: other.id, mentee: stranger.id });
    expect(result.errors).toBeUndefined();
    const pair = (await pairOf(h, other.id, stranger.id))!;
    expect(pair).toMatchObject({ status: 'invited', coordinator_id: null });
    const invitation = await eventually(() => dmWithButton(h, stranger.id, PairLifeActions.accept));
    // Sam is in Tokyo: 10:00 in Berlin on 1 Dec is 18:00 for Sam.
    expect(textOf(invitation)).toContain('Tue 1 Dec 2026, 18:00 (Asia/Tokyo)');
    expect(textOf(invitation)).toContain(`<@${other.id}> asks to mentor you`);
    await runPass(h);
    expect(await pendingReminders(h, pair.id)).toEqual([]);
    expect(h.standIn.messagesIn(CHANNELS.goals.id)).toHaveLength(0);

    const modal = await openFrom(h, stranger.id, invitation, PairLifeActions.decline);
    expect(modal.callback_id).toBe(PairDeclineModal.callbackId);
    await h.driver.submitView(stranger.id, modal, { [PairDeclineModal.blocks.reason]: 'Too busy this quarter' });
    await h.settle();
    expect(await pairOf(h, other.id, stranger.id)).toBeUndefined();
    const told = await eventually(() => h.standIn.dmsTo(other.id).find((m) => /declined your mentorship invitation/.test(m.text)));
    expect(textOf(told)).toContain('Too busy this quarter');

    // Accept pressed on the same invitation afterwards: the message is redrawn, nothing is created.
    await h.driver.clickInMessage(stranger.id, h.standIn.findMessage(invitation.channel, invitation.ts)!, PairLifeActions.accept);
    await h.settle();
    expect(textOf(h.standIn.findMessage(invitation.channel, invitation.ts))).toMatch(/no longer open/);
    expect(await pairOf(h, other.id, stranger.id)).toBeUndefined();
  });

  it('expires an invitation left unanswered for 7 days at the next pass and tells the inviter', async () => {
    await setUpPair(h, other.id, { mentor: other.id, mentee: stranger.id });
    const invitation = await eventually(() => dmWithButton(h, stranger.id, PairLifeActions.accept));
    h.clock.advance(6 * 86_400_000);
    await runPass(h);
    expect(await pairOf(h, other.id, stranger.id)).toMatchObject({ status: 'invited' });
    h.clock.advance(86_400_000 + 60_000);
    await runPass(h);
    expect(await pairOf(h, other.id, stranger.id)).toBeUndefined();
    await eventually(() => h.standIn.dmsTo(other.id).find((m) => /expired after a week/.test(m.text)));
    await h.driver.clickInMessage(stranger.id, h.standIn.findMessage(invitation.channel, invitation.ts)!, PairLifeActions.accept);
    await h.settle();
    expect(textOf(h.standIn.findMessage(invitation.channel, invitation.ts))).toMatch(/no longer open/);
    h.clock.set('2026-11-23T14:00:00Z');
  });
});

describe('a pair from invitation to its end', () => {
  beforeAll(() => h.clock.set('2026-11-23T14:00:00Z'));

  it('starts on accept: the welcomes, the introduction and its reminders', async () => {
    await setUpPair(h, mentor.id, { mentor: mentor.id, mentee: mentee.id });
    const invitation = await eventually(() => dmWithButton(h, mentee.id, PairLifeActions.accept));
    // Maria is not the invitee: her press is refused and the invitation stays open.
    await h.driver.clickInMessage(mentor.id, invitation, PairLifeActions.accept);
    await h.settle();
    expect(await pairOf(h, mentor.id, mentee.id)).toMatchObject({ status: 'invited' });

    await h.driver.clickInMessage(mentee.id, invitation, PairLifeActions.accept);
    await h.settle();
    const pair = (await pairOf(h, mentor.id, mentee.id))!;
    expect(pair.status).toBe('active');
    expect(textOf(h.standIn.findMessage(invitation.channel, invitation.ts))).toMatch(/You accepted/);
    await eventually(() => h.standIn.messagesIn(CHANNELS.goals.id).some((m) => /starting a mentorship/.test(m.text)));
    await eventually(() => h.standIn.dmsTo(mentor.id).some((m) => m.text.startsWith('Welcome')));
    expect((await pendingReminders(h, pair.id)).map((r) => r.kind)).toContain('prep');
  });

  it('pauses from /mentorship status: the other is told, every unsent reminder is cancelled and no pass plans any', async () => {
    const pair = (await pairOf(h, mentor.id, mentee.id))!;
    const status = await statusOf(h, mentee.id);
    const modal = await openFrom(h, mentee.id, status, PairLifeActions.pause);
    const refused = await h.driver.submitView(mentee.id, modal, { [PairPauseModal.blocks.resumeOn]: '2026-11-20' });
    expect(refused.errors?.[PairPauseModal.blocks.resumeOn]).toMatch(/after today/);
    h.standIn.closeView(mentee.id, modal.id);
    const fresh = await openFrom(h, mentee.id, status, PairLifeActions.pause);
    expect((await h.driver.submitView(mentee.id, fresh, {})).errors).toBeUndefined();
    await h.settle();
    expect(await pairOf(h, mentor.id, mentee.id)).toMatchObject({ status: 'paused', paused_by: mentee.id });
    expect(await pendingReminders(h, pair.id)).toEqual([]);
    await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => /paused your mentorship/.test(m.text)));
    await runPass(h);
    expect(await pendingReminders(h, pair.id)).toEqual([]);
    expect(textOf(await statusOf(h, mentor.id))).toContain('*Paused*');
  });

  it('resumes from the next slot after now, with its reminders planned in the same transaction', async () => {
    const pair = (await pairOf(h, mentor.id, mentee.id))!;
    // 16:00 in Berlin, 10:00 in New York: both awake.
    h.clock.set('2026-12-03T15:00:00Z');
    const status = await statusOf(h, mentor.id);
    await h.driver.clickInMessage(mentor.id, status, PairLifeActions.resume);
    await h.settle();
    expect(await pairOf(h, mentor.id, mentee.id)).toMatchObject({ status: 'active' });
    const meetings = await h.db.kysely
      .selectFrom('meetings')
      .select(['scheduled_at', 'status'])
      .where('pair_id', '=', pair.id)
      .orderBy('scheduled_at')
      .execute();
    // 1 December passed during the pause: it did not happen. The next is 8 December.
    expect(meetings.map((m) => `${m.scheduled_at.toISOString()} ${m.status}`)).toEqual([
      '2026-12-01T09:00:00.000Z cancelled',
      '2026-12-08T09:00:00.000Z scheduled',
    ]);
    expect((await pendingReminders(h, pair.id)).filter((r) => r.kind === 'prep')).toHaveLength(1);
    await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => /resumed your mentorship/.test(m.text)));
    // Resume pressed again on an older copy of the buttons: that message is redrawn, nothing changes.
    const older = await postButton(h, mentor.id, PairLifeActions.resume, pair.id);
    const planned = await pendingReminders(h, pair.id);
    const updatedAt = (await pairOf(h, mentor.id, mentee.id))!.updated_at;
    await h.driver.clickInMessage(mentor.id, older, PairLifeActions.resume);
    await h.settle();
    expect(textOf(h.standIn.findMessage(older.channel, older.ts))).toMatch(/already running/);
    expect(await pendingReminders(h, pair.id)).toEqual(planned);
    expect((await pairOf(h, mentor.id, mentee.id))!.updated_at).toEqual(updatedAt);
  });

  it('changes the planned end and the goals channel: meetings re-planned, the other told in their own zone', async () => {
    const status = await statusOf(h, mentee.id);
    const modal = await openFrom(h, mentee.id, status, PairLifeActions.change);
    const bad = await h.driver.submitView(mentee.id, modal, { [PairChangeModal.blocks.timeZone]: 'Moon/Base' });
    expect(bad.errors?.[PairChangeModal.blocks.timeZone]).toMatch(/Europe\/Berlin/);
    const saved = await h.driver.submitView(mentee.id, modal, {
      [PairChangeModal.blocks.timeZone]: 'Europe/Berlin',
      [PairChangeModal.blocks.plannedEnd]: '2027-04-15',
    });
    expect(saved.errors).toBeUndefined();
    await h.settle();
    expect(await pairOf(h, mentor.id, mentee.id)).toMatchObject({ planned_end_on: '2027-04-15' });
    const told = await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => /changed your mentorship/.test(m.text)));
    expect(textOf(told)).toContain('Planned end');
  });

  it('ends early: closing summaries with the reason to its giver only, a closing post, reminders cancelled, check-ins planned', async () => {
    const pair = (await pairOf(h, mentor.id, mentee.id))!;
    const status = await statusOf(h, mentor.id);
    const modal = await openFrom(h, mentor.id, status, PairLifeActions.end);
    expect(modal.callback_id).toBe(PairEndModal.callbackId);
    await h.driver.submitView(mentor.id, modal, { [PairEndModal.blocks.reason]: 'PRIVATEREASON new job' });
    await h.settle();
    expect(await pairOf(h, mentor.id, mentee.id)).toMatchObject({ status: 'ended', ended_by: mentor.id, end_reason: 'PRIVATEREASON new job' });
    const own = await eventually(() => dmWithButton(h, mentor.id, PairLifeActions.reflect));
    const theirs = await eventually(() => dmWithButton(h, mentee.id, PairLifeActions.reflect));
    expect(textOf(own)).toContain('PRIVATEREASON');
    expect(textOf(theirs)).not.toContain('PRIVATEREASON');
    expect(textOf(theirs)).toMatch(/Meetings held/);
    await eventually(() => h.standIn.messagesIn(CHANNELS.goals.id).find((m) => /completed their mentorship/.test(m.text)));
    expect(h.standIn.messagesIn(CHANNELS.goals.id).some((m) => textOf(m).includes('PRIVATEREASON'))).toBe(false);
    const left = await pendingReminders(h, pair.id);
    expect(left.every((r) => r.kind === 'check_in')).toBe(true);
    expect(left).toHaveLength(6);

    // End pressed again, and a change, on the same status: redrawn and refused, nothing changes.
    await h.driver.clickInMessage(mentor.id, status, PairLifeActions.end);
    await h.driver.clickInMessage(mentor.id, status, PairLifeActions.change);
    await h.settle();
    expect(h.standIn.ephemeralsFor(mentor.id).filter((m) => /has ended/.test(m.text)).length).toBeGreaterThanOrEqual(2);
    expect(await pairOf(h, mentor.id, mentee.id)).toMatchObject({ status: 'ended', planned_end_on: '2027-04-15' });
    expect(textOf(await statusOf(h, mentee.id))).toContain('*Ended*');
  });

  it('keeps a closing reflection private, asks for at least a line, and lets each person stop the check-ins', async () => {
    const summary = dmWithButton(h, mentee.id, PairLifeActions.reflect)!;
    const modal = await openFrom(h, mentee.id, summary, PairLifeActions.reflect);
    expect(modal.callback_id).toBe(PairReflectionModal.callbackId);
    const empty = await h.driver.submitView(mentee.id, modal, {});
    expect(empty.errors?.[PairReflectionModal.blocks.learned]).toMatch(/at least one line/);
    await h.driver.submitView(mentee.id, modal, {
      [PairReflectionModal.blocks.learned]: 'How to run a design review',
      [PairReflectionModal.blocks.longTermGoals]: 'LONGTERM staff engineer in two years',
      [PairReflectionModal.blocks.wouldMentor]: 'yes',
    });
    await h.settle();
    const pair = (await pairOf(h, mentor.id, mentee.id))!;
    const rows = await h.db.kysely.selectFrom('pair_reflections').selectAll().where('pair_id', '=', pair.id).orderBy('user_id').execute();
    expect(rows.find((r) => r.user_id === mentee.id)).toMatchObject({ learned: 'How to run a design review', would_mentor: 'yes', check_ins: true });
    await h.driver.clickInMessage(mentor.id, dmWithButton(h, mentor.id, PairLifeActions.stopCheckIns)!, PairLifeActions.stopCheckIns);
    await h.settle();
    expect(
      await h.db.kysely.selectFrom('pair_reflections').select('check_ins').where('pair_id', '=', pair.id).where('user_id', '=', mentor.id).executeTakeFirst(),
    ).toEqual({
      check_ins: false,
    });
  });

  it('checks in through the passes a month, three and six months later, to those who want it, with a note to send', async () => {
    const pair = (await pairOf(h, mentor.id, mentee.id))!;
    const checkIns = () => h.standIn.dmsTo(mentee.id).filter((m) => /since your mentorship/.test(m.text));
    h.clock.set('2027-01-02T15:00:00Z');
    await runPass(h);
    expect(checkIns()).toHaveLength(0);
    h.clock.set('2027-01-03T16:00:00Z');
    await runPass(h);
    expect(checkIns()).toHaveLength(1);
    expect(textOf(checkIns()[0])).toContain('LONGTERM');
    // Maria stopped hers: nothing for her.
    expect(h.standIn.dmsTo(mentor.id).filter((m) => /since your mentorship/.test(m.text))).toHaveLength(0);
    const noteModal = await openFrom(h, mentee.id, checkIns()[0]!, PairLifeActions.checkInNote);
    const blank = await h.driver.submitView(mentee.id, noteModal, { [CheckInNoteModal.blocks.note]: '   ' });
    expect(blank.errors?.[CheckInNoteModal.blocks.note]).toBeDefined();
    expect((await h.driver.submitView(mentee.id, noteModal, { [CheckInNoteModal.blocks.note]: 'Got the promotion, thank you!' })).errors).toBeUndefined();
    await h.settle();
    await eventually(() => h.standIn.dmsTo(mentor.id).find((m) => /A note from/.test(m.text) && textOf(m).includes('Got the promotion')));
    for (const at of ['2027-03-03T16:00:00Z', '2027-06-03T16:00:00Z']) {
      h.clock.set(at);
      await runPass(h);
    }
    expect(checkIns()).toHaveLength(3);
    // Sent rows are purged after a while (retention), so the DMs are what counts: three to Theo, none to Maria.
    expect(h.standIn.dmsTo(mentor.id).filter((m) => /since your mentorship/.test(m.text))).toHaveLength(0);
    expect((await pendingReminders(h, pair.id)).filter((r) => r.recipient_id === mentee.id)).toEqual([]);
  });

  it('lets the same two start a new pair once the old one has ended', async () => {
    h.clock.set('2026-12-03T15:00:00Z');
    const result = await setUpPair(h, mentee.id, { mentor: mentor.id, mentee: mentee.id, [PairModal.blocks.firstDate]: '2026-12-10' });
    expect(result.errors).toBeUndefined();
    const pairs = await h.db.kysely
      .selectFrom('pairs')
      .select('status')
      .where('mentor_id', '=', mentor.id)
      .where('mentee_id', '=', mentee.id)
      .orderBy('created_at')
      .execute();
    expect(pairs.map((p) => p.status)).toEqual(['ended', 'invited']);
    await eventually(() => dmWithButton(h, mentor.id, PairLifeActions.accept));
  });
});

describe('the automatic end', () => {
  it('ends a pair by itself at the first pass after its last planned meeting, with the closing summary to both', async () => {
    h.clock.set('2026-11-23T14:00:00Z');
    await setUpPair(h, coordinator.id, { mentor: other.id, mentee: stranger.id });
    const pair = (await pairOf(h, other.id, stranger.id))!;
    expect(pair).toMatchObject({ status: 'active', coordinator_id: coordinator.id, planned_end_on: '2027-03-01' });
    // The last weekly meeting on or before Monday 1 March is Tuesday 23 February, 10:00-10:45 in Berlin.
    h.clock.set('2027-02-23T09:40:00Z');
    await runPass(h);
    expect(await pairOf(h, other.id, stranger.id)).toMatchObject({ status: 'active' });
    h.clock.set('2027-02-23T09:46:00Z');
    await runPass(h);
    expect(await pairOf(h, other.id, stranger.id)).toMatchObject({ status: 'ended', ended_by: null });
    expect((await pendingReminders(h, pair.id)).every((r) => r.kind === 'check_in')).toBe(true);
    const summaries = await notices(h, 'pair_closing_summary');
    expect(
      summaries
        .filter((n) => n.pair_id === pair.id)
        .map((n) => n.recipient_id)
        .sort(),
    ).toEqual([other.id, stranger.id].sort());
    // A coordinator is told only when a member steps out, not at the planned end.
    expect((await notices(h, 'pair_ended_coordinator')).filter((n) => n.pair_id === pair.id)).toEqual([]);
  });
});
