import { checkpointOn } from '../../../src/domain/check-ins/check-in-timing';
import { ProgressCheckInActions, ProgressCheckInModal } from '../../../src/slack/ids';
import { textOf } from '../../support/goal-fixtures';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { runPass } from '../../support/outbox';
import { openFrom, pairOf, setUpPair } from '../../support/pair-life-fixtures';
import { eventually } from '../../support/wait';

/**
 * Check-ins during a mentorship (issue 16, point 7) through the scheduler and Slack: at a third and at
 * two thirds of the planned duration each person gets "How is the mentorship going?" once, privately;
 * an answer is stored (and updated when given again), and only one its author shares reaches the
 * coordinator's overview and the pair's health.
 */
const { mentor, mentee, other, stranger, coordinator } = USERS;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());

const asked = (userId: string) => h.standIn.dmsTo(userId).filter((m) => /How is the mentorship going\?/.test(m.text));
const checkInRows = (pairId: string) =>
  h.db.kysely.selectFrom('progress_check_ins').selectAll().where('pair_id', '=', pairId).orderBy('user_id').orderBy('checkpoint').execute();
const at = (date: string, time: string) => h.clock.set(`${date}T${time}Z`);
const dayBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

async function overviewText(): Promise<string> {
  const open = h.standIn.topView(coordinator.id);
  if (open) await h.driver.closeView(coordinator.id, open);
  const before = h.standIn.callsTo('views.open').length;
  await h.driver.command(coordinator.id, 'program');
  await eventually(() => h.standIn.callsTo('views.open').length > before);
  return JSON.stringify((await eventually(() => h.standIn.topView(coordinator.id))).blocks);
}

describe('a pair a coordinator set up', () => {
  let pairId: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    await setUpPair(h, coordinator.id, { mentor: mentor.id, mentee: mentee.id });
    const pair = (await pairOf(h, mentor.id, mentee.id))!;
    pairId = pair.id;
    first = checkpointOn(pair.started_on, pair.planned_end_on, 1);
    second = checkpointOn(pair.started_on, pair.planned_end_on, 2);
  });

  it('asks nobody before a third of the way', async () => {
    at(dayBefore(first, 3), '16:00:00');
    await runPass(h);
    expect(asked(mentee.id)).toHaveLength(0);
    expect(await h.db.kysely.selectFrom('outbox').select('id').where('kind', '=', 'progress_check_in').execute()).toEqual([]);
  });

  it('asks each person once, privately, at 10:00 in their zone on the day a third of the way through, however many passes run', async () => {
    // 10:00 in Berlin is 09:00 UTC; in New York 15:00 UTC.
    at(first, '09:30:00');
    await Promise.all([h.bot.scheduler.runPass(h.clock.now), h.bot.scheduler.runPass(h.clock.now)]);
    await h.settle();
    expect(asked(mentor.id)).toHaveLength(1);
    expect(asked(mentee.id)).toHaveLength(0);
    at(first, '15:30:00');
    await Promise.all([h.bot.scheduler.runPass(h.clock.now), h.bot.scheduler.runPass(h.clock.now)]);
    await h.settle();
    await runPass(h);
    expect(asked(mentee.id)).toHaveLength(1);
    expect(asked(mentor.id)).toHaveLength(1);
    const message = asked(mentee.id)[0]!;
    expect(message.channel).toBe(`D${mentee.id}`);
    expect(textOf(message)).toContain('a third of the way through');
    expect(textOf(message)).toContain('Your answer is private');
    const keys = await h.db.kysely.selectFrom('outbox').select('dedupe_key').where('kind', '=', 'progress_check_in').orderBy('dedupe_key').execute();
    expect(keys.map((k) => k.dedupe_key)).toEqual([`progress_check_in:${pairId}:1:${mentee.id}`, `progress_check_in:${pairId}:1:${mentor.id}`].sort());
  });

  it('keeps an answer private: stored, confirmed privately, and the health unchanged', async () => {
    // The pair met as it should: its two latest meetings held, with an agenda before each and notes after.
    const held = (daysAgo: number, sequence: number) => {
      const scheduledAt = new Date(h.clock.now().getTime() - daysAgo * 86_400_000);
      return {
        team_id: TEAM_ID,
        pair_id: pairId,
        sequence,
        scheduled_at: scheduledAt,
        duration_minutes: 45,
        status: 'held' as const,
        agenda_shared_at: new Date(scheduledAt.getTime() - 3_600_000),
        notes_recorded_at: new Date(scheduledAt.getTime() + 3_600_000),
      };
    };
    await h.db.kysely
      .insertInto('meetings')
      .values([held(9, 900), held(2, 901)])
      .execute();
    expect(await overviewText()).toContain('<@UMENTOR> mentors <@UMENTEE> · *Active* · :large_green_circle: On track');
    const modal = await openFrom(h, mentee.id, asked(mentee.id)[0]!, ProgressCheckInActions.notWorking);
    expect(modal.callback_id).toBe(ProgressCheckInModal.callbackId);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_option":{"text":{"type":"plain_text","text":"Not working"');
    const result = await h.driver.submitView(mentee.id, modal, {
      [ProgressCheckInModal.blocks.answer]: 'not_working',
      [ProgressCheckInModal.blocks.note]: 'We keep cancelling',
    });
    expect(result.errors).toBeUndefined();
    await h.settle();
    await eventually(() => [...h.standIn.dmsTo(mentee.id), ...h.standIn.ephemeralsFor(mentee.id)].find((m) => /private to you/.test(m.text)));
    expect(await checkInRows(pairId)).toMatchObject([{ user_id: mentee.id, checkpoint: 1, answer: 'not_working', note: 'We keep cancelling', shared: false }]);
    const overview = await overviewText();
    expect(overview).toContain(':large_green_circle: On track');
    // The counts and filters are judged in SQL: they agree.
    expect(overview).toContain('1 on track · 0 need attention · 0 stalled');
    expect(overview).not.toContain('check-in: not working');
    expect(overview).not.toContain('We keep cancelling');
  });

  it('updates the answer when given again, and a shared "not working" shows in the overview, without its note, and makes the pair need attention', async () => {
    const modal = await openFrom(h, mentee.id, asked(mentee.id)[0]!, ProgressCheckInActions.notWorking);
    expect(JSON.stringify(modal.blocks)).toContain('We keep cancelling');
    const result = await h.driver.submitView(mentee.id, modal, {
      [ProgressCheckInModal.blocks.answer]: 'not_working',
      [ProgressCheckInModal.blocks.note]: 'We keep cancelling, please help',
      [ProgressCheckInModal.blocks.share]: [ProgressCheckInModal.shareValue],
    });
    expect(result.errors).toBeUndefined();
    await h.settle();
    await eventually(() =>
      [...h.standIn.dmsTo(mentee.id), ...h.standIn.ephemeralsFor(mentee.id)].find((m) => /program coordinator can see your answer/.test(m.text)),
    );
    const rows = await checkInRows(pairId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ answer: 'not_working', note: 'We keep cancelling, please help', shared: true });
    const overview = await overviewText();
    expect(overview).toContain('Needs attention (check-in: not working (shared))');
    expect(overview).toContain('0 on track · 1 needs attention · 0 stalled');
    expect(overview).not.toContain('We keep cancelling');
  });

  it('lets no one outside the pair answer', async () => {
    await h.driver.clickInMessage(stranger.id, asked(mentee.id)[0]!, ProgressCheckInActions.great);
    await h.settle();
    await eventually(() => h.standIn.ephemeralsFor(stranger.id).find((m) => /not part of that mentorship/.test(m.text)));
    expect((await checkInRows(pairId)).filter((row) => row.user_id === stranger.id)).toEqual([]);
  });

  it('asks again at two thirds of the way, once', async () => {
    at(second, '15:30:00');
    await runPass(h);
    await runPass(h);
    expect(asked(mentee.id)).toHaveLength(2);
    expect(textOf(asked(mentee.id)[1])).toContain('two thirds of the way through');
    const modal = await openFrom(h, mentee.id, asked(mentee.id)[1]!, ProgressCheckInActions.great);
    expect(JSON.stringify(modal.blocks)).not.toContain('We keep cancelling');
  });
});

describe('a paused or ended pair', () => {
  it('gets no check-in while paused, nor after it ended', async () => {
    at('2026-11-23', '14:00:00');
    const open = h.standIn.topView(coordinator.id);
    if (open) await h.driver.closeView(coordinator.id, open);
    await setUpPair(h, coordinator.id, { mentor: other.id, mentee: stranger.id });
    const pair = (await pairOf(h, other.id, stranger.id))!;
    const paused = await h.bot.services.lifecycle.pause({ teamId: TEAM_ID, userId: other.id }, pair.id, null);
    expect(paused).toMatchObject({ changed: true, pair: { status: 'paused' } });
    const first = checkpointOn(pair.started_on, pair.planned_end_on, 1);
    at(first, '12:00:00');
    await runPass(h);
    expect(asked(stranger.id)).toHaveLength(0);
    expect(asked(other.id)).toHaveLength(0);
    await h.bot.services.lifecycle.end({ teamId: TEAM_ID, userId: other.id }, pair.id, null);
    at(checkpointOn(pair.started_on, pair.planned_end_on, 2), '12:00:00');
    await runPass(h);
    expect([...asked(stranger.id), ...asked(other.id)]).toEqual([]);
  });
});
