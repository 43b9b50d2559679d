import { DateTime } from 'luxon';
import { planDigests } from '../../../src/domain/program/digest-plan';
import { localToInstant } from '../../../src/domain/time/zoned';
import { digestMessage } from '../../../src/slack/blocks/program-digest';
import { slackStanding } from '../../../src/slack/coordinators';
import { habitChartSvg } from '../../../src/slack/habit-chart';
import { ProgramActions } from '../../../src/slack/ids';
import { parseCsv } from '../../support/csv';
import { JOURNAL_OF, PARTNER, SECRET_A, type World, buildWorld } from '../../support/authz-world';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';

/**
 * Privacy (issue 16, point 8, for the surfaces built so far): a coordinator sees names, dates, states
 * and counts, never anything a pair typed. Pair A of the authorization world carries the marker in
 * its goals, key results, milestones, SWOT, agenda, notes, action items, feedback, resources, journal
 * entries and thanks, and in the notes of two check-ins, one kept private and one whose answer was shared
 * (the answer shows, the note never); pair B is ended here with a marked reason and closing reflection. Every
 * coordinator surface (the overview, each filter and page, the Home section, the CSV export, the
 * weekly digest, the habits chart and its data) is scanned for it.
 */
let h: Harness;
let world: World;
const { coordinator, other } = USERS;

beforeAll(async () => {
  h = await startHarness();
  world = await buildWorld(h);
  const services = h.bot.services;
  await services.lifecycle.end({ teamId: TEAM_ID, userId: other.id }, world.pairB.id, `${SECRET_A} end reason`);
  const saved = await services.closing.saveReflection({ teamId: TEAM_ID, userId: PARTNER.id }, world.pairB.id, {
    learned: `${SECRET_A} learned`,
    nextSteps: `${SECRET_A} next`,
    longTermGoals: `${SECRET_A} long term`,
    stayInTouch: `${SECRET_A} in touch`,
    wouldMentor: 'yes',
    checkIns: true,
  });
  if (!saved.ok) throw new Error('test bug: the reflection was not saved');
  // Pair A's check-ins, both "not working" with a marked note: the mentee's kept private, the mentor's answer shared
  // with the coordinator (the answer only: a note is its author's, shared or not).
  for (const [userId, note, shared] of [
    [world.pairA.mentee_id, `${SECRET_A} unshared check-in note`, false],
    [world.pairA.mentor_id, `${SECRET_A} shared check-in note`, true],
  ] as const) {
    const answered = await services.checkIns.answer({ teamId: TEAM_ID, userId }, world.pairA.id, { checkpoint: 1, answer: 'not_working', note, shared });
    if (!answered.ok) throw new Error('test bug: the check-in was not saved');
  }
  await h.settle();
}, 60_000);
afterAll(() => h.close());

it('shows a coordinator both pairs in the overview and on Home, with no marker anywhere', async () => {
  const mark = h.standIn.calls.length;
  await h.driver.command(coordinator.id, 'program');
  await h.settle();
  const overview = await eventually(() => h.standIn.topView(coordinator.id));
  for (const [actionId, value] of [
    [ProgramActions.filterState, 'ended'],
    [ProgramActions.filterState, 'all'],
    [ProgramActions.filterHealth, 'on_track'],
    [ProgramActions.filterHealth, 'all'],
  ] as const) {
    await h.driver.clickInView(coordinator.id, h.standIn.topView(coordinator.id)!, actionId, { value });
    await h.settle();
  }
  await h.driver.appHomeOpened(coordinator.id);
  await h.settle();

  const shown = h.standIn.calls
    .slice(mark)
    .filter((call) => call.ok && ['views.open', 'views.update', 'views.publish'].includes(call.method))
    .map((call) => JSON.stringify(call.args));
  expect(shown.length).toBeGreaterThanOrEqual(6);
  // The scan looks at real content: both pairs, by name, in the overview.
  expect(JSON.stringify(overview.blocks)).toContain(`<@${world.pairA.mentor_id}> mentors <@${world.pairA.mentee_id}>`);
  expect(JSON.stringify(overview.blocks)).toContain(`<@${world.pairB.mentor_id}> mentors <@${world.pairB.mentee_id}> · *Ended*`);
  expect(shown.some((text) => text.includes('Your program'))).toBe(true);
  // A check-in answer its author shared is shown, by design; no check-in note is (both carry the marker).
  expect(JSON.stringify(overview.blocks)).toContain('check-in: not working (shared)');
  for (const marker of [SECRET_A, JOURNAL_OF.mentee, JOURNAL_OF.mentor]) expect(shown.filter((text) => text.includes(marker))).toEqual([]);
});

it('sends a coordinator a CSV of both pairs, with their counts, and no marker in it', async () => {
  await h.driver.command(coordinator.id, 'program');
  await h.settle();
  await h.driver.clickInView(coordinator.id, await eventually(() => h.standIn.topView(coordinator.id)), ProgramActions.exportCsv, { value: 'all' });
  await h.settle();
  const file = await eventually(() => h.standIn.filesTo(coordinator.id)[0]);
  const text = file.content!.toString('utf8');
  const [, ...rows] = parseCsv(text.slice(1));
  // The scan looks at real content: both pairs, pair A with what its people did counted.
  expect(rows.map((row) => row[2]).sort()).toEqual([world.pairA.mentor_id, world.pairB.mentor_id].sort());
  const pairA = rows.find((row) => row[2] === world.pairA.mentor_id)!;
  expect(Number(pairA[12])).toBeGreaterThan(0); // goals
  expect(file.initialComment).not.toContain(SECRET_A);
  for (const marker of [SECRET_A, JOURNAL_OF.mentee, JOURNAL_OF.mentor]) expect(text).not.toContain(marker);
});

it('writes a coordinator a weekly digest naming both pairs, with no marker in it', async () => {
  // Opening the overview recorded the coordinator as an admin (what Slack said): the scheduler's only way to know.
  const admins = await h.db.kysely.selectFrom('workspace_admins').select('user_id').where('team_id', '=', TEAM_ID).execute();
  expect(admins.map((row) => row.user_id)).toContain(coordinator.id);
  const person = await h.db.kysely
    .selectFrom('people')
    .select('time_zone')
    .where('team_id', '=', TEAM_ID)
    .where('user_id', '=', coordinator.id)
    .executeTakeFirst();
  const zone = person?.time_zone ?? 'UTC';
  const monday = DateTime.now().setZone(zone).plus({ weeks: 1 }).startOf('week').toISODate()!;
  expect(await planDigests(h.db.kysely, localToInstant(monday, '09:00', zone), digestMessage)).toBeGreaterThanOrEqual(1);
  const row = await h.db.kysely
    .selectFrom('outbox')
    .select('payload')
    .where('dedupe_key', '=', `program_digest:${TEAM_ID}:${coordinator.id}:${monday}`)
    .executeTakeFirstOrThrow();
  const text = JSON.stringify(row.payload);
  // The scan looks at real content: pair B ended this week, by name.
  expect(text).toContain(`<@${world.pairB.mentor_id}> mentors <@${world.pairB.mentee_id}>`);
  for (const marker of [SECRET_A, JOURNAL_OF.mentee, JOURNAL_OF.mentor]) expect(text).not.toContain(marker);
});

it('sends a coordinator the habits chart, whose data and text hold no marker', async () => {
  await h.driver.command(coordinator.id, 'program');
  await h.settle();
  const before = h.standIn.filesTo(coordinator.id).length;
  await h.driver.clickInView(coordinator.id, await eventually(() => h.standIn.topView(coordinator.id)), ProgramActions.habitChart, { value: 'habits' });
  await h.settle();
  const file = await eventually(() => h.standIn.filesTo(coordinator.id)[before]);
  const { habits } = await h.bot.services.program.habits({ teamId: TEAM_ID, userId: coordinator.id }, slackStanding(h.bot.slackApp.app.client));
  const svg = habitChartSvg(habits);
  expect(file.initialComment).toContain('Habits, last 30 days');
  for (const marker of [SECRET_A, JOURNAL_OF.mentee, JOURNAL_OF.mentor]) {
    expect(file.initialComment).not.toContain(marker);
    expect(svg).not.toContain(marker);
    expect(JSON.stringify(habits)).not.toContain(marker);
  }
});
