import { ReminderActions, ReminderSettingsModal } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { createPair, postButton } from '../../support/meeting-fixtures';
import { runPass } from '../../support/outbox';
import { openFrom, pendingReminders } from '../../support/pair-life-fixtures';
import { eventually } from '../../support/wait';

/** `user_change`: a new Slack zone re-plans the person's reminders (unless they chose their own); a deactivated account pauses their pairs. */
const { mentor, mentee, stranger } = USERS;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T14:00:00Z' });
});
afterAll(() => h.close());

const person = (userId: string) => h.db.kysely.selectFrom('people').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
const userChange = async (userId: string) => {
  const response = await h.driver.event({ type: 'user_change', user: h.standIn.userObject(userId), event_ts: '1.0' });
  expect(response.status).toBe(200);
  await h.settle();
};
const prepDue = async (pairId: string) =>
  (await pendingReminders(h, pairId)).find((r) => r.kind === 'prep' && r.recipient_id === mentee.id)?.due_at.toISOString();

it("follows a new Slack zone and moves the person's unsent reminders with it in the same transaction", async () => {
  const pair = await createPair(h, { firstDate: '2026-12-01', time: '10:00' });
  await runPass(h);
  // 24 hours before 10:00 Berlin on 1 Dec is 04:00 in New York: held to 08:00 there (13:00Z), spread by up to 10 minutes.
  expect(await prepDue(pair.id)).toMatch(/^2026-11-30T13:(0\d|10)/);
  h.standIn.updateUser(mentee.id, { tz: 'Asia/Kolkata' });
  await userChange(mentee.id);
  expect(await person(mentee.id)).toMatchObject({ time_zone: 'Asia/Kolkata', slack_time_zone: 'Asia/Kolkata' });
  // In Kolkata 09:00Z is 14:30, outside quiet hours: the unsent nudge moved back to 24 hours before (spread by up to 90 s).
  expect(await prepDue(pair.id)).toMatch(/^2026-11-30T09:0[01]/);
});

it('remembers a new real name beside the display name, so notes can name the person by either', async () => {
  // Theo is known from the pair of the test above.
  h.standIn.updateUser(mentee.id, { realName: 'Theodor Mentee' });
  await userChange(mentee.id);
  expect(await person(mentee.id)).toMatchObject({ real_name: 'Theodor Mentee' });
  h.standIn.updateUser(mentee.id, { realName: mentee.realName });
});

it('leaves the zone a person chose in their reminder settings alone, while remembering the one Slack reports', async () => {
  const settings = async (zone: string) => {
    const view = await openFrom(h, mentee.id, await postButton(h, mentee.id, ReminderActions.openSettings, 'settings'), ReminderActions.openSettings);
    return h.driver.submitView(mentee.id, view, { [ReminderSettingsModal.blocks.zone]: zone });
  };
  expect((await settings('Moon/Base')).errors?.[ReminderSettingsModal.blocks.zone]).toMatch(/Europe\/Berlin/);
  h.standIn.reset();
  expect((await settings('America/New_York')).errors).toBeUndefined();
  await h.settle();
  expect(await person(mentee.id)).toMatchObject({ time_zone: 'America/New_York', time_zone_overridden: true });
  h.standIn.updateUser(mentee.id, { tz: 'Europe/Lisbon' });
  await userChange(mentee.id);
  expect(await person(mentee.id)).toMatchObject({ time_zone: 'America/New_York', slack_time_zone: 'Europe/Lisbon', time_zone_overridden: true });
  // Cleared again: reminders follow Slack's zone as last seen.
  await h.bot.services.reminders.saveSettings({ teamId: TEAM_ID, userId: mentee.id }, { leadMinutes: 1440, pausedUntil: null, timeZone: null });
  expect(await person(mentee.id)).toMatchObject({ time_zone: 'Europe/Lisbon', time_zone_overridden: false });
});

it('pauses the pairs of a deactivated account, tells the other person, cancels the reminders and records when', async () => {
  const pair = await h.db.kysely.selectFrom('pairs').selectAll().where('mentor_id', '=', mentor.id).executeTakeFirstOrThrow();
  expect((await pendingReminders(h, pair.id)).length).toBeGreaterThan(0);
  h.standIn.updateUser(mentor.id, { deleted: true });
  await userChange(mentor.id);
  expect(await h.db.kysely.selectFrom('pairs').select(['status', 'paused_by']).where('id', '=', pair.id).executeTakeFirst()).toEqual({
    status: 'paused',
    paused_by: mentor.id,
  });
  expect(await pendingReminders(h, pair.id)).toEqual([]);
  expect((await person(mentor.id)).deactivated_at).toEqual(h.clock.now());
  await eventually(() => h.standIn.dmsTo(mentee.id).find((m) => /account was deactivated/.test(m.text)));
  // The same event again (Slack sends one per profile change): nothing more.
  const told = h.standIn.dmsTo(mentee.id).length;
  await userChange(mentor.id);
  expect(h.standIn.dmsTo(mentee.id)).toHaveLength(told);
  await runPass(h);
  expect(await pendingReminders(h, pair.id)).toEqual([]);
});

it('clears the deactivation when the account comes back, and ignores people the bot does not know', async () => {
  h.standIn.updateUser(mentor.id, { deleted: false });
  await userChange(mentor.id);
  expect((await person(mentor.id)).deactivated_at).toBeNull();
  await userChange(stranger.id);
  expect(await h.db.kysely.selectFrom('people').select('user_id').where('user_id', '=', stranger.id).executeTakeFirst()).toBeUndefined();
});
