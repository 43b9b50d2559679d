import type { Pair } from '../../../src/db/schema';
import { MeetingActions, OpenActions, ProposeTimeModal, ReminderActions, RescheduleModal, RuleModal } from '../../../src/slack/ids';
import { commandAnsweredLater, type Harness, startHarness, USERS } from '../../support/harness';
import { createPair, meetingRows, postButton, seenBy } from '../../support/meeting-fixtures';
import { eventually } from '../../support/wait';

let h: Harness;
let pair: Pair;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set('2026-11-23T14:00:00Z');
  pair = await createPair(h); // weekly, Tuesdays 10:00 Europe/Berlin from 1 Dec 2026, 45 minutes
  await h.settle();
  h.standIn.reset();
});
afterEach(async () => {
  await h.settle();
  await h.db.kysely.deleteFrom('pairs').execute();
});

/** `/mentorship meeting` as `userId`: the ephemeral overview it answers with. */
async function overview(userId: string) {
  const response = await h.driver.command(userId, 'meeting');
  expect(response.status).toBe(200);
  return eventually(() => h.standIn.ephemeralsFor(userId).at(-1));
}

describe('/mentorship meeting', () => {
  it("shows the next meeting in each person's own time zone, naming it", async () => {
    const maria = await overview(USERS.mentor.id);
    expect(JSON.stringify(maria.blocks)).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin) · 45 minutes');
    const theo = await overview(USERS.mentee.id);
    expect(JSON.stringify(theo.blocks)).toContain('Tue 1 Dec 2026, 04:00 (America/New_York) · 45 minutes');
    expect(JSON.stringify(theo.blocks)).toContain('every week at 10:00 (Europe/Berlin)');
  });

  it('tells someone in no pair how to start one', async () => {
    const { status, replies } = await commandAnsweredLater(h, USERS.stranger.id, 'meeting');
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/not in a mentorship pair yet/);
  });

  it('answers unexpected words after the subcommand with a hint', async () => {
    const response = await h.driver.command(USERS.mentor.id, 'meeting tomorrow <!channel>');
    expect(response.json.response_type).toBe('ephemeral');
    expect(JSON.stringify(response.json.blocks)).toContain('takes nothing after it');
  });

  it('offers the wrap-up when the planned end is near', async () => {
    await h.db.kysely.deleteFrom('pairs').execute();
    pair = await createPair(h, { cadence: 'monthly', firstDate: '2026-12-01', months: 1 }); // ends 1 Jan 2027: two meetings
    const text = JSON.stringify((await overview(USERS.mentee.id)).blocks);
    expect(text).toContain('planned to end on Fri 1 Jan 2027');
    for (const topic of ['Long-term goals', 'stay in touch', 'Mentoring someone else']) expect(text).toContain(topic);
  });

  it('does not offer the wrap-up early in the mentorship', async () => {
    expect(JSON.stringify((await overview(USERS.mentee.id)).blocks)).not.toContain('planned to end');
  });
});

describe('rescheduling', () => {
  async function openReschedule(userId: string) {
    const message = await overview(userId);
    await h.driver.clickInMessage(userId, message, MeetingActions.reschedule);
    return eventually(() => h.standIn.topView(userId));
  }

  it("moves the meeting at a time read in the pair's zone and tells the other person in theirs", async () => {
    const view = await openReschedule(USERS.mentee.id);
    expect(JSON.stringify(view.blocks)).toContain("meeting's time zone, Europe/Berlin");
    const result = await h.driver.submitView(USERS.mentee.id, view, { [RescheduleModal.blocks.date]: '2026-12-03', [RescheduleModal.blocks.time]: '16:00' });
    expect(result.errors).toBeUndefined();
    // 16:00 Berlin = 15:00Z = 10:00 New York.
    expect(JSON.stringify(h.standIn.topView(USERS.mentee.id)?.blocks)).toContain('Thu 3 Dec 2026, 10:00 (America/New_York)');
    const dm = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1));
    expect(JSON.stringify(dm.blocks)).toContain('Thu 3 Dec 2026, 16:00 (Europe/Berlin)');
    expect(JSON.stringify(dm.blocks)).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    const [row] = await meetingRows(h, pair.id);
    expect(row?.scheduled_at.toISOString()).toBe('2026-12-03T15:00:00.000Z');
  });

  it('refuses a time in the past on the time field and keeps the modal open', async () => {
    const view = await openReschedule(USERS.mentor.id);
    const result = await h.driver.submitView(USERS.mentor.id, view, { [RescheduleModal.blocks.date]: '2026-11-23', [RescheduleModal.blocks.time]: '09:00' });
    expect(result.errors?.[RescheduleModal.blocks.time]).toMatch(/in the future/);
    expect(h.standIn.topView(USERS.mentor.id)?.id).toBe(view.id);
    expect((await meetingRows(h, pair.id))[0]?.scheduled_at.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });

  it('shows the time in both zones and warns, without refusing, when it is outside 08:00-20:00 for the other person', async () => {
    const view = await openReschedule(USERS.mentor.id);
    expect(JSON.stringify(view.blocks)).toContain(
      `Now: Tue 1 Dec 2026, 10:00 (Europe/Berlin) for you, Tue 1 Dec 2026, 04:00 (America/New_York) for <@${USERS.mentee.id}>.`,
    );
    const asked = { [RescheduleModal.blocks.date]: '2026-12-03', [RescheduleModal.blocks.time]: '09:00' }; // 03:00 in New York
    const first = await h.driver.submitView(USERS.mentor.id, view, asked);
    expect(first.errors).toBeUndefined();
    const warned = h.standIn.topView(USERS.mentor.id)!;
    expect(JSON.stringify(warned.blocks)).toContain(
      `:warning: *Thu 3 Dec 2026, 09:00 (Europe/Berlin) for you, Thu 3 Dec 2026, 03:00 (America/New_York) for <@${USERS.mentee.id}>*: that is outside 08:00-20:00`,
    );
    expect(warned.submit?.text).toBe('Move it anyway');
    expect((await meetingRows(h, pair.id))[0]?.scheduled_at.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);

    const second = await h.driver.submitView(USERS.mentor.id, warned, asked);
    expect(second.errors).toBeUndefined();
    expect(JSON.stringify(h.standIn.topView(USERS.mentor.id)?.blocks)).toContain(
      `Moved to *Thu 3 Dec 2026, 09:00 (Europe/Berlin) for you, Thu 3 Dec 2026, 03:00 (America/New_York) for <@${USERS.mentee.id}>*`,
    );
    expect((await meetingRows(h, pair.id))[0]?.scheduled_at.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).length === 1);
  });

  it('lets the other person answer "doesn\'t suit me" with another time, which the first person is told about', async () => {
    const view = await openReschedule(USERS.mentee.id);
    await h.driver.submitView(USERS.mentee.id, view, { [RescheduleModal.blocks.date]: '2026-12-03', [RescheduleModal.blocks.time]: '16:00' });
    const moved = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1));
    await h.driver.clickInMessage(USERS.mentor.id, moved, MeetingActions.notSuitable);
    const propose = await eventually(() => h.standIn.topView(USERS.mentor.id));
    expect(propose.callback_id).toBe(ProposeTimeModal.callbackId);
    expect(JSON.stringify(propose.blocks)).toContain(
      `Thu 3 Dec 2026, 16:00 (Europe/Berlin) for you, Thu 3 Dec 2026, 10:00 (America/New_York) for <@${USERS.mentee.id}>`,
    );
    const past = await h.driver.submitView(USERS.mentor.id, propose, { [ProposeTimeModal.blocks.date]: '2026-11-23', [ProposeTimeModal.blocks.time]: '09:00' });
    expect(past.errors?.[ProposeTimeModal.blocks.time]).toMatch(/in the future/);

    const result = await h.driver.submitView(USERS.mentor.id, propose, {
      [ProposeTimeModal.blocks.date]: '2026-12-04',
      [ProposeTimeModal.blocks.time]: '11:00',
    });
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(h.standIn.topView(USERS.mentor.id)?.blocks)).toContain('The meeting stays where it is');
    const told = await eventually(() => h.standIn.dmsTo(USERS.mentee.id).at(-1));
    const text = JSON.stringify(told.blocks);
    expect(text).toContain(`<@${USERS.mentor.id}> says the meeting of Thu 3 Dec 2026, 10:00 (America/New_York) doesn't suit them`);
    expect(text).toContain(`Fri 4 Dec 2026, 05:00 (America/New_York) for you, Fri 4 Dec 2026, 11:00 (Europe/Berlin) for <@${USERS.mentor.id}>`);
    const [row] = await meetingRows(h, pair.id);
    expect(told.blocks?.flatMap((block) => block.elements ?? []).find((e) => e.action_id === MeetingActions.reschedule)?.value).toBe(row!.id);
    expect(row?.scheduled_at.toISOString()).toBe('2026-12-03T15:00:00.000Z'); // nothing moved
  });

  it('refuses a stranger who presses the button, and changes nothing', async () => {
    const [row] = await meetingRows(h, pair.id);
    const message = await postButton(h, USERS.stranger.id, MeetingActions.reschedule, row!.id);
    await h.driver.clickInMessage(USERS.stranger.id, message, MeetingActions.reschedule);
    const reply = await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1));
    expect(reply.text).toMatch(/not part of that mentorship pair/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
  });
});

describe('skipping', () => {
  it('makes the following week the next meeting, refreshes the overview and tells the other person', async () => {
    const message = await overview(USERS.mentor.id);
    await h.driver.clickInMessage(USERS.mentor.id, message, MeetingActions.skip);
    await eventually(() => h.standIn.findMessage(message.channel, message.ts)?.edited);
    expect(JSON.stringify(h.standIn.findMessage(message.channel, message.ts)?.blocks)).toContain('Tue 8 Dec 2026, 10:00 (Europe/Berlin)');
    const dm = await eventually(() => h.standIn.dmsTo(USERS.mentee.id).at(-1));
    expect(JSON.stringify(dm.blocks)).toContain('skipped your meeting of Tue 1 Dec 2026, 04:00 (America/New_York)');
    expect(JSON.stringify(dm.blocks)).toContain('Tue 8 Dec 2026, 04:00 (America/New_York)');
    expect((await meetingRows(h, pair.id)).map((m) => [m.sequence, m.status])).toEqual([
      [0, 'skipped'],
      [1, 'scheduled'],
    ]);
  });

  it('refuses the member of another pair', async () => {
    await createPair(h, { mentor: USERS.other, mentee: USERS.stranger });
    const [row] = await meetingRows(h, pair.id);
    const message = await postButton(h, USERS.other.id, MeetingActions.skip, row!.id);
    await h.driver.clickInMessage(USERS.other.id, message, MeetingActions.skip);
    await eventually(() => h.standIn.ephemeralsFor(USERS.other.id).at(-1));
    expect((await meetingRows(h, pair.id)).map((m) => m.status)).toEqual(['scheduled']);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });

  it('refuses a button value that is not an id', async () => {
    const message = await postButton(h, USERS.mentor.id, MeetingActions.skip, '../../etc');
    await h.driver.clickInMessage(USERS.mentor.id, message, MeetingActions.skip);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.mentor.id).at(-1))).text).toMatch(/not part of/);
  });
});

describe('changing the rhythm', () => {
  async function openRule(userId: string) {
    const message = await overview(userId);
    await h.driver.clickInMessage(userId, message, MeetingActions.changeRule);
    return eventually(() => h.standIn.topView(userId));
  }

  /** `userId` changes the rhythm to every two weeks, 17:30-18:30 in Berlin, from Wednesday 2 December. */
  async function changeToFortnightlyEvenings(userId: string) {
    const result = await h.driver.submitView(userId, await openRule(userId), {
      [RuleModal.blocks.cadence]: 'biweekly',
      [RuleModal.blocks.time]: '17:30',
      [RuleModal.blocks.duration]: '60',
      [RuleModal.blocks.fromDate]: '2026-12-02',
    });
    expect(result.errors).toBeUndefined();
  }

  it('re-plans from the chosen date at the new time and length, and tells the other person', async () => {
    await changeToFortnightlyEvenings(USERS.mentee.id);
    const dm = await eventually(() => h.standIn.dmsTo(USERS.mentor.id).at(-1));
    expect(JSON.stringify(dm.blocks)).toContain('every two weeks at 17:30 (Europe/Berlin), 60 minutes');
    expect(JSON.stringify(dm.blocks)).toContain('Wed 2 Dec 2026, 17:30 (Europe/Berlin) · 60 minutes');
    const rows = await meetingRows(h, pair.id);
    expect(rows.map((m) => [m.sequence, m.scheduled_at.toISOString(), m.duration_minutes])).toEqual([[0, '2026-12-02T16:30:00.000Z', 60]]);
  });

  it('tells the other person what changed, the new time also in their own zone, with the reminders re-planned in the same change', async () => {
    await changeToFortnightlyEvenings(USERS.mentor.id);
    // No scheduler pass has run: the mentee's prep nudge already moved to 24 hours before the new time.
    const prep = await h.db.kysely
      .selectFrom('outbox')
      .select('due_at')
      .where('pair_id', '=', pair.id)
      .where('kind', '=', 'prep')
      .where('state', '=', 'pending')
      .execute();
    // (Sends are spread over a few minutes so that many pairs' reminders do not all leave at once.)
    expect(prep).toHaveLength(1);
    expect(Math.abs(prep[0]!.due_at.getTime() - Date.parse('2026-12-01T16:30:00Z'))).toBeLessThan(10 * 60_000);
    const dm = JSON.stringify((await eventually(() => h.standIn.dmsTo(USERS.mentee.id).find((m) => /meeting rhythm/.test(m.text)))).blocks);
    expect(dm).toContain('every two weeks at 17:30 (Europe/Berlin), 60 minutes (11:30 in your zone, America/New_York)');
    expect(dm).toContain('Before, you met every week at 10:00 (Europe/Berlin), 45 minutes');
    expect(dm).toContain('Wed 2 Dec 2026, 11:30 (America/New_York)');
  });

  it('refuses a start date in the past on that field', async () => {
    const view = await openRule(USERS.mentor.id);
    const result = await h.driver.submitView(USERS.mentor.id, view, { [RuleModal.blocks.fromDate]: '2026-11-01' });
    expect(result.errors?.[RuleModal.blocks.fromDate]).toMatch(/future/);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });

  it('refuses a stranger who presses the button', async () => {
    const message = await postButton(h, USERS.stranger.id, MeetingActions.changeRule, pair.id);
    await h.driver.clickInMessage(USERS.stranger.id, message, MeetingActions.changeRule);
    expect((await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).at(-1))).text).toMatch(/not part of/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
  });
});

describe('notes still to record', () => {
  it('are offered on the overview once the meeting has started', async () => {
    h.clock.set('2026-12-01T10:00:00Z');
    const message = await overview(USERS.mentee.id);
    expect(JSON.stringify(message.blocks)).toContain(OpenActions.recordNotes);
    expect(seenBy(h, USERS.mentee.id)).toContain('Tue 8 Dec 2026, 04:00 (America/New_York)');
  });
});

describe('a meeting that is over', () => {
  type Element = { type: string; action_id: string; value: string };
  const buttonsOf = (message: { blocks?: unknown[] } | undefined) =>
    ((message?.blocks ?? []) as { accessory?: Element; elements?: Element[] }[])
      .flatMap((block) => [block.accessory, ...(block.elements ?? [])])
      .filter((element): element is Element => element?.type === 'button')
      .map((element) => `${element.action_id}:${element.value}`);

  it.each([
    ['Skip', MeetingActions.skip],
    ['Reschedule', MeetingActions.reschedule],
  ])('refuses %s pressed after its end, changes nothing and redraws the stale overview with only its notes', async (_label, actionId) => {
    h.clock.set('2026-12-01T08:30:00Z'); // half an hour before the first meeting (09:00-09:45Z)
    const message = await overview(USERS.mentor.id);
    const [first] = await meetingRows(h, pair.id);
    expect(buttonsOf(message)).toContain(`${actionId}:${first!.id}`);

    h.clock.set('2026-12-01T09:50:00Z');
    await h.driver.clickInMessage(USERS.mentor.id, message, actionId);
    const reply = await eventually(() => h.standIn.ephemeralsFor(USERS.mentor.id).find((m) => /is over/.test(m.text)));
    expect(reply.text).toMatch(/can only get its notes/);
    const redrawn = await eventually(() => h.standIn.findMessage(message.channel, message.ts)?.edited && h.standIn.findMessage(message.channel, message.ts));
    expect(buttonsOf(redrawn)).not.toContain(`${actionId}:${first!.id}`);
    expect(buttonsOf(redrawn)).toContain(`${OpenActions.recordNotes}:${first!.id}`);
    expect(h.standIn.topView(USERS.mentor.id)).toBeUndefined();
    expect((await meetingRows(h, pair.id)).map((m) => [m.status, m.scheduled_at.toISOString()])[0]).toEqual(['scheduled', '2026-12-01T09:00:00.000Z']);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
  });

  it('turns a prep nudge whose "Skip this meeting" is pressed too late into a notes prompt', async () => {
    const [first] = await meetingRows(h, pair.id);
    h.clock.set('2026-11-30T13:15:00Z'); // the day before, 08:15 in New York
    await h.bot.scheduler.runPass(h.clock.now);
    await h.settle();
    const nudge = h.standIn.dmsTo(USERS.mentee.id).find((m) => JSON.stringify(m.blocks).includes(ReminderActions.skip))!;
    h.clock.set('2026-12-01T10:30:00Z');
    await h.driver.clickInMessage(USERS.mentee.id, nudge, ReminderActions.skip);
    const closed = await eventually(() => h.standIn.findMessage(nudge.channel, nudge.ts)?.edited && h.standIn.findMessage(nudge.channel, nudge.ts));
    expect(JSON.stringify(closed.blocks)).toContain('This meeting is over');
    expect(buttonsOf(closed).filter((b) => !b.startsWith(ReminderActions.openSettings))).toEqual([`${OpenActions.recordNotes}:${first!.id}`]);
    expect((await meetingRows(h, pair.id))[0]!.status).toBe('scheduled');
  });
});
