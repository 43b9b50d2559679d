import type { StoredView } from '../../../src/devtools/slack-stand-in';
import { PairEndModal, PairLifeActions, ProgramActions, ProgramEnrolModal, ProgramEnrolPreview } from '../../../src/slack/ids';
import { textOf } from '../../support/goal-fixtures';
import { CHANNELS, type Harness, startHarness, USERS } from '../../support/harness';
import { dmWithButton, openFrom, pairOf } from '../../support/pair-life-fixtures';
import { runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';

/**
 * Bulk enrolment (issue 16, point 3) through Slack: the form pushed over the program overview, line
 * errors under the input with the text kept, the preview and its Back, the pairs started as a
 * coordinator's pairs with their welcomes, and a person stepping out of one.
 */
const { coordinator, mentor, mentee, other, stranger } = USERS;
const ANA = { id: 'UANA', name: 'ana', realName: 'Ana Lopez', tz: 'Asia/Tokyo', email: 'Ana.Lopez@example.com' } as const;
const BEN = { id: 'UBEN', name: 'ben', realName: 'Ben Ng', tz: 'Europe/Berlin', email: 'ben@example.com' } as const;
const { blocks: b } = ProgramEnrolModal;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: '2026-12-20T12:00:00Z' });
  h.standIn.addUser(ANA);
  h.standIn.addUser(BEN);
}, 60_000);
afterAll(() => h.close());

/** The coordinator's overview, and the enrolment form pushed over it by its Enrol pairs button. */
async function openEnrolment(userId: string): Promise<StoredView | undefined> {
  for (const view of h.standIn.openViews(userId)) h.standIn.closeView(userId, view.id);
  await h.driver.command(userId, 'program');
  await h.settle();
  const overview = h.standIn.topView(userId);
  if (!overview) return undefined;
  await h.driver.clickInView(userId, overview, ProgramActions.enrol);
  await h.settle();
  return h.standIn.topView(userId);
}

async function submitLines(view: StoredView, lines: string[]) {
  const result = await h.driver.submitView(coordinator.id, view, { [b.lines]: lines.join('\n') });
  await h.settle();
  return result;
}

const typedText = (view: StoredView | undefined): unknown => (view?.state.values[b.lines]?.[ProgramEnrolModal.actions.lines] as { value?: string })?.value;

const GOOD = [
  `<@${mentor.id}>, <@${mentee.id}>, <#${CHANNELS.goals.id}>, every two weeks, 2027-01-11 10:00`,
  '',
  `ana.lopez@example.com, ben@example.com, <#${CHANNELS.goals.id}>, Every week, 2027-01-12 09:30`,
  `<@${other.id}>, <@${stranger.id}>, <#${CHANNELS.goals.id}>, monthly, 2027-01-13 17:00`,
];

describe('enrolling pairs in bulk', () => {
  it('pushes the form over the overview for a coordinator, saying how many lines a batch takes', async () => {
    const form = await openEnrolment(coordinator.id);
    expect(form?.callback_id).toBe(ProgramEnrolModal.callbackId);
    expect(h.standIn.openViews(coordinator.id).map((v) => v.callback_id)).toEqual(['program_overview', ProgramEnrolModal.callbackId]);
    expect(textOf(form as never)).toContain('Up to 50 pairs and 3,000 characters at a time');
  });

  it('names each bad line under the input and keeps the text as typed', async () => {
    const form = h.standIn.topView(coordinator.id)!;
    const typo = [...GOOD.slice(0, 3), `<@${other.id}>, <@${stranger.id}>, <#${CHANNELS.goals.id}>, fortnightly, 2027-01-13 17:00`];
    const parsed = await submitLines(form, typo);
    expect(parsed.errors?.[b.lines]).toBe('Line 4: the rhythm "fortnightly" is not one I know: write every week, every two weeks or every month.');
    expect(typedText(h.standIn.topView(coordinator.id))).toBe(typo.join('\n'));

    const unknown = [...GOOD, `<@${other.id}>, nobody@example.com, <#${CHANNELS.goals.id}>, weekly, 2027-01-13 17:00`, GOOD[3]!];
    const checked = await submitLines(form, unknown);
    expect(checked.errors?.[b.lines]?.split('\n')).toEqual([
      "Line 5: I can't find the mentee nobody@example.com in this workspace.",
      'Line 6: the same pair as line 4.',
    ]);
    expect(h.standIn.topView(coordinator.id)?.callback_id).toBe(ProgramEnrolModal.callbackId);
    expect(await h.db.kysely.selectFrom('pairs').select('id').execute()).toEqual([]);
  });

  it('previews what will be created (emails looked up, times in the mentee’s zone); Back returns to the text, nothing lost', async () => {
    const form = h.standIn.topView(coordinator.id)!;
    const result = await submitLines(form, GOOD);
    expect(result.errors).toBeUndefined();
    const preview = h.standIn.topView(coordinator.id)!;
    expect(preview.callback_id).toBe(ProgramEnrolPreview.callbackId);
    expect(preview.submit?.text).toBe('Create 3 pairs');
    expect(preview.close?.text).toBe('Back');
    const text = textOf(preview);
    expect(text).toContain(`Line 1: <@${mentor.id}> mentors <@${mentee.id}> in <#${CHANNELS.goals.id}>`);
    expect(text).toContain('every two weeks, first meeting Mon 11 Jan 2027, 10:00 (America/New_York)');
    expect(text).toContain(`Line 3: <@${ANA.id}> mentors <@${BEN.id}>`);
    expect(text).toContain('every week, first meeting Tue 12 Jan 2027, 09:30 (Europe/Berlin)');
    expect(text).toContain(`Line 4: <@${other.id}> mentors <@${stranger.id}>`);
    expect(await h.db.kysely.selectFrom('pairs').select('id').execute()).toEqual([]);

    await h.driver.closeView(coordinator.id, preview);
    const back = h.standIn.topView(coordinator.id)!;
    expect(back.id).toBe(form.id);
    expect(typedText(back)).toBe(GOOD.join('\n'));
  });

  it("creates them on confirm as the coordinator's pairs: active at once, welcomes with Step out, introductions, and a private summary", async () => {
    await submitLines(h.standIn.topView(coordinator.id)!, GOOD);
    const preview = h.standIn.topView(coordinator.id)!;
    const confirmed = await h.driver.submitView(coordinator.id, preview, {});
    await h.settle();
    expect(confirmed.errors).toBeUndefined();
    expect(h.standIn.openViews(coordinator.id)).toEqual([]);

    // The welcomes wait for each person's quiet hours to end (it is night in Tokyo and early morning in New York).
    h.clock.advance(12 * 3_600_000);
    await runPass(h);
    for (const [mentorId, menteeId] of [
      [mentor.id, mentee.id],
      [ANA.id, BEN.id],
      [other.id, stranger.id],
    ] as const) {
      const pair = await pairOf(h, mentorId, menteeId);
      expect(pair).toMatchObject({ status: 'active', coordinator_id: coordinator.id, created_by: coordinator.id, meeting_minutes: 60 });
      for (const userId of [mentorId, menteeId]) {
        const welcome = await eventually(() => dmWithButton(h, userId, PairLifeActions.end));
        expect(welcome.text).toMatch(/^Welcome to your mentorship/);
        expect(textOf(welcome)).toContain(`<@${coordinator.id}> set up this pair for the mentorship program`);
      }
    }
    expect(await pairOf(h, ANA.id, BEN.id)).toMatchObject({
      cadence: 'weekly',
      time_zone: 'Europe/Berlin',
      first_meeting_on: '2027-01-12',
      meeting_time: '09:30',
    });
    await eventually(() => h.standIn.messagesIn(CHANNELS.goals.id).filter((m) => /starting a mentorship/.test(m.text)).length === 3);
    const summary = await eventually(() => h.standIn.ephemeralsFor(coordinator.id).find((m) => /pairs started/.test(m.text)));
    expect(textOf(summary)).toContain('3 pairs started; the welcomes are on their way.');
  });

  it('tells the coordinator to submit again when Slack limits the look-ups or lacks the email scope, keeping the text and creating nothing', async () => {
    const form = (await openEnrolment(coordinator.id))!;
    const line = [`<@${mentee.id}>, ben@example.com, <#${CHANNELS.goals.id}>, weekly, 2027-01-14 10:00`];
    h.standIn.failNext('users.lookupByEmail', { status: 429, retryAfterSeconds: 30 });
    const limited = await submitLines(form, line);
    expect(limited.errors?.[b.lines]).toMatch(/^Slack asked me to slow down while I checked these people\. Submit again in a minute/);
    h.standIn.failNext('users.lookupByEmail', { error: 'missing_scope' });
    const scope = await submitLines(form, line);
    expect(scope.errors?.[b.lines]).toMatch(/needs the users:read\.email scope.*Write those people as @mentions meanwhile/);
    expect(typedText(h.standIn.topView(coordinator.id))).toBe(line[0]);
    expect(await pairOf(h, mentee.id, BEN.id)).toBeUndefined();
  });

  it('refuses a pair that already runs as a line error', async () => {
    const form = (await openEnrolment(coordinator.id))!;
    const again = await submitLines(form, [GOOD[2]!, `<@${mentee.id}>, <@${other.id}>, <#${CHANNELS.goals.id}>, weekly, 2027-01-14 10:00`]);
    expect(again.errors?.[b.lines]).toMatch(/^Line 1: .* already mentors .*; open \/mentorship status to see that pair\.$/);
  });

  it('lets a person step out of a pair a coordinator made: the End form from the welcome, and the coordinator is told', async () => {
    const welcome = await eventually(() => dmWithButton(h, BEN.id, PairLifeActions.end));
    const endForm = await openFrom(h, BEN.id, welcome, PairLifeActions.end);
    expect(endForm.callback_id).toBe(PairEndModal.callbackId);
    await h.driver.submitView(BEN.id, endForm, { [PairEndModal.blocks.reason]: 'Not the right match for me' });
    await h.settle();
    expect(await pairOf(h, ANA.id, BEN.id)).toMatchObject({ status: 'ended' });
    // It is midnight in UTC, the zone the coordinator's word is timed in: it goes out after their night.
    h.clock.advance(9 * 3_600_000);
    await runPass(h);
    const told = await eventually(() => h.standIn.dmsTo(coordinator.id).find((m) => /has ended early/.test(m.text)));
    expect(textOf(told)).toContain(`<@${BEN.id}> ended the mentorship`);
  });
});

describe('a full batch', () => {
  const people = Array.from({ length: 100 }, (_, i) => ({ id: `UFULL${String(i).padStart(3, '0')}`, name: `p${i}`, tz: 'Europe/Berlin' }));
  // Its own app, whose notices wait for a pass: 150 welcomes and introductions would take the bot's
  // 5-a-second budget half a minute to send, and sending is not what this test is about.
  let full: Harness;
  beforeAll(async () => {
    full = await startHarness({ now: '2026-12-21T09:00:00Z', sendNoticesAtOnce: false });
    for (const person of people) full.standIn.addUser(person);
  }, 60_000);
  afterAll(() => full.close());

  it('previews and creates 50 pairs within the 3 seconds Slack waits for each answer (bare Slack ids: 50 lines of mentions or emails exceed the input’s 3,000 characters)', async () => {
    await full.driver.command(coordinator.id, 'program');
    await full.settle();
    await full.driver.clickInView(coordinator.id, full.standIn.topView(coordinator.id)!, ProgramActions.enrol);
    await full.settle();
    const lines = Array.from({ length: 50 }, (_, i) => `${people[2 * i]!.id}, ${people[2 * i + 1]!.id}, ${CHANNELS.goals.id}, weekly, 2027-02-01 10:00`);
    const previewed = await full.driver.submitView(coordinator.id, full.standIn.topView(coordinator.id)!, { [b.lines]: lines.join('\n') });
    expect(previewed.status).toBe(200);
    expect(previewed.errors).toBeUndefined();
    const preview = full.standIn.topView(coordinator.id)!;
    expect(preview.blocks).toHaveLength(51);
    const confirmed = await full.driver.submitView(coordinator.id, preview, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.ackProblem).toBeUndefined();
    const started = await full.db.kysely.selectFrom('pairs').select('id').where('mentor_id', 'like', 'UFULL%').where('status', '=', 'active').execute();
    expect(started).toHaveLength(50);
    await full.settle();
  }, 30_000);
});
