import { NOTICE_HOOKS } from '../../../src/slack/effects/hooks';

import pino from 'pino';
import { createScheduler } from '../../../src/scheduler/create';
import { AgendaModal, OpenActions, ReminderActions, ReminderSettingsModal } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { eventually } from '../../support/wait';
import { createPair, firstMeeting, openActionItem, outboxRows, reminderIdOf, truncateAll } from './fixtures';

let h: Harness;
const MEETING = '2026-12-01T14:00:00Z'; // 15:00 Berlin, 09:00 New York
const DAY_BEFORE = '2026-11-30T14:05:00Z';
const END = '2026-12-01T15:05:00Z';

beforeAll(async () => {
  h = await startHarness({ now: '2026-11-23T12:00:00Z' });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.settle();
  h.standIn.reset();
  await truncateAll(h.db.kysely);
  h.clock.set('2026-11-23T12:00:00Z');
});

async function pass(at: string) {
  h.clock.set(at);
  const report = await h.bot.scheduler.runPass(h.clock.now);
  expect(report).toBeDefined();
  return report!;
}
const blocksOf = (m: { blocks?: unknown }) => JSON.stringify(m.blocks);
const button = (m: { blocks?: any[] }, actionId: string) =>
  m.blocks?.flatMap((b) => [b.accessory, ...(b.elements ?? [])]).find((e) => e?.action_id === actionId);

async function addAgendaAndActions(pairId: string, meetingId: string) {
  await h.db.kysely
    .insertInto('agenda_items')
    .values([
      { team_id: TEAM_ID, meeting_id: meetingId, author_id: USERS.mentee.id, kind: 'topic', body: 'Career paths <!channel>', url: null },
      { team_id: TEAM_ID, meeting_id: meetingId, author_id: USERS.mentee.id, kind: 'highlight', body: 'Shipped my first feature', url: null },
    ])
    .execute();
  await openActionItem(h.db.kysely, pairId, 'Read <@UOTHER> chapter 3', '2026-12-05');
}

describe('before a meeting', () => {
  it('sends the mentee the prep nudge in their zone with the agenda, open items and buttons, and the mentor a shorter heads-up', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    await addAgendaAndActions(pair.id, meeting.id);
    await pass(DAY_BEFORE);

    const [nudge, ...more] = h.standIn.dmsTo(USERS.mentee.id);
    expect(more).toHaveLength(0);
    const text = blocksOf(nudge!);
    expect(text).toContain('Tue 1 Dec 2026, 09:00 (America/New_York)');
    expect(text).toContain('Career paths &lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('Read &lt;@UOTHER&gt; chapter 3');
    expect(button(nudge!, OpenActions.prepareAgenda).value).toBe(meeting.id);
    expect(button(nudge!, ReminderActions.snooze).value).toBe(reminderIdOf(nudge!));
    expect(button(nudge!, ReminderActions.skip).value).toBe(meeting.id);
    expect(button(nudge!, ReminderActions.openSettings)).toBeDefined();
    expect(nudge!.metadata).toEqual({ event_type: 'mentorship_reminder', event_payload: { reminder_id: expect.any(String), attempt: 1 } });

    const [headsUp] = h.standIn.dmsTo(USERS.mentor.id);
    expect(blocksOf(headsUp!)).toContain('Tue 1 Dec 2026, 15:00 (Europe/Berlin)');
    expect(blocksOf(headsUp!)).toContain('Shipped my first feature');
    expect(button(headsUp!, ReminderActions.snooze)).toBeUndefined();
    // DM channels were opened once and stored.
    expect(h.standIn.callsTo('conversations.open')).toHaveLength(2);
    const people = await h.db.kysely.selectFrom('people').select(['user_id', 'dm_channel_id']).execute();
    expect(people.every((p) => p.dm_channel_id === `D${p.user_id}`)).toBe(true);
  });

  it('knows the agenda is shared: says so, offers to add to it, and lists a carried-over action item once', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    const carried = await openActionItem(h.db.kysely, pair.id, 'Draft the design doc');
    await h.db.kysely
      .insertInto('agenda_items')
      .values({
        team_id: TEAM_ID,
        meeting_id: meeting.id,
        author_id: USERS.mentee.id,
        kind: 'carry_over',
        body: 'Draft the design doc',
        url: null,
        action_item_id: carried,
      })
      .execute();
    // The mentee shares the agenda through the app.
    await h.driver.command(USERS.mentee.id, 'agenda');
    const modal = await eventually(() => h.standIn.topView(USERS.mentee.id));
    const shared = await h.driver.submitView(USERS.mentee.id, modal, {
      [AgendaModal.blocks.topics]: 'Career paths',
      [AgendaModal.blocks.feedbackFocus]: 'my demos',
    });
    expect(shared.errors).toBeUndefined();
    await h.driver.closeView(USERS.mentee.id, h.standIn.topView(USERS.mentee.id)!);
    await h.settle();

    await pass(DAY_BEFORE);
    const nudge = h.standIn.dmsTo(USERS.mentee.id).at(-1)!;
    const text = blocksOf(nudge);
    expect(nudge.text).toContain('your agenda is shared');
    expect(text).toContain('Your agenda is already shared with them');
    expect(text).not.toContain('Time to prepare the agenda');
    expect(text).toContain('Career paths');
    expect(text).toContain('_Feedback on:_ my demos');
    expect(text.split('Draft the design doc')).toHaveLength(2);
    expect(button(nudge, OpenActions.prepareAgenda)).toMatchObject({ value: meeting.id, text: { text: 'Add to the agenda' } });
    expect(button(nudge, ReminderActions.snooze)).toBeUndefined();
    expect(button(nudge, ReminderActions.skip).value).toBe(meeting.id);

    // "Add to the agenda" opens the agenda modal for that meeting.
    await h.driver.clickInMessage(USERS.mentee.id, nudge, OpenActions.prepareAgenda);
    const adding = await eventually(() => h.standIn.topView(USERS.mentee.id));
    expect(adding.private_metadata).toContain(meeting.id);
  });

  it('sends each reminder once however often passes run at the same instant', async () => {
    await createPair(h.bot.services.pairs);
    await Promise.all([pass(DAY_BEFORE), h.bot.scheduler.runPass(h.clock.now)]);
    await pass(DAY_BEFORE);
    await pass('2026-11-30T15:00:00Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(1);
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(1);
  });

  it('waits until 08:00 in the recipient’s zone for a nudge that falls in their night', async () => {
    // 10:00 Berlin = 04:00 New York: the mentee's 24-hour nudge would land at 04:00.
    await createPair(h.bot.services.pairs, { time: '10:00' });
    await pass('2026-11-30T09:05:00Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(1);
    await pass('2026-11-30T12:59:00Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(0);
    await pass('2026-11-30T13:11:00Z'); // 08:11 New York, after the spread
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(1);
  });

  it('"Snooze 2 hours" replaces the buttons and sends the nudge again two hours later, once', async () => {
    await createPair(h.bot.services.pairs);
    await pass(DAY_BEFORE);
    const [nudge] = h.standIn.dmsTo(USERS.mentee.id);
    await h.driver.clickInMessage(USERS.mentee.id, nudge!, ReminderActions.snooze);
    // The pressed nudge is replaced through the click's response_url (the adapter's one way to replace it).
    await eventually(() => h.standIn.findMessage(nudge!.channel, nudge!.ts)?.edited);
    const updated = h.standIn.findMessage(nudge!.channel, nudge!.ts)!;
    expect(blocksOf(updated)).toContain('Snoozed');
    expect(blocksOf(updated)).toContain('Mon 30 Nov 2026, 11:05 (America/New_York)');
    expect(button(updated, ReminderActions.snooze)).toBeUndefined();
    // A second click on the same reminder (say, a stale client) snoozes nothing more.
    await h.bot.services.reminders.snooze({ teamId: TEAM_ID, userId: USERS.mentee.id }, reminderIdOf(nudge!)!);

    await pass('2026-11-30T16:00:00Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(1);
    await pass('2026-11-30T16:06:00Z');
    await pass('2026-11-30T16:30:00Z');
    const again = h.standIn.dmsTo(USERS.mentee.id);
    expect(again).toHaveLength(2);
    expect(blocksOf(again[1]!)).toContain('Prepare agenda');
  });

  it('"Skip this meeting" skips it, cancels its reminders and tells the mentor; nothing more goes out for it', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await pass(DAY_BEFORE);
    const [nudge] = h.standIn.dmsTo(USERS.mentee.id);
    await h.driver.clickInMessage(USERS.mentee.id, nudge!, ReminderActions.skip);
    const notice = await eventually(() => h.standIn.dmsTo(USERS.mentor.id)[1]);
    expect(blocksOf(notice)).toContain('skipped your meeting of Tue 1 Dec 2026, 15:00 (Europe/Berlin)');
    const skipped = await firstMeeting(h.db.kysely, pair.id);
    expect(skipped.status).toBe('skipped');
    // The skipped meeting keeps no live reminder; the next meeting's are planned at once.
    const pending = (await outboxRows(h.db.kysely)).filter((r) => r.state === 'pending');
    expect(pending.filter((r) => r.meeting_id === skipped.id)).toHaveLength(0);
    expect(pending.every((r) => r.meeting_id !== null && r.due_at.getTime() > new Date('2026-12-02T00:00:00Z').getTime())).toBe(true);
    await eventually(() => blocksOf(h.standIn.findMessage(nudge!.channel, nudge!.ts)!).includes('You skipped this meeting'));

    await pass(END);
    await pass('2026-12-01T16:10:00Z');
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(1);
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(2);
  });

  it('refuses a skip or snooze from someone outside the pair with an ephemeral reply, and changes nothing', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await pass(DAY_BEFORE);
    const [nudge] = h.standIn.dmsTo(USERS.mentee.id);
    await h.driver.clickInMessage(USERS.stranger.id, nudge!, ReminderActions.skip);
    await h.driver.clickInMessage(USERS.stranger.id, nudge!, ReminderActions.snooze);
    await h.driver.clickInMessage(USERS.mentee.id, nudge!, ReminderActions.skip, { value: 'not-a-uuid' });
    await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).length === 2 && h.standIn.ephemeralsFor(USERS.mentee.id).length === 1);
    expect(
      h.standIn
        .ephemeralsFor(USERS.stranger.id)
        .map((m) => m.text)
        .join(),
    ).toMatch(/not part of that mentorship pair|not one of yours/);
    expect((await firstMeeting(h.db.kysely, pair.id)).status).toBe('scheduled');
    expect(await outboxRows(h.db.kysely, { kind: 'prep' })).toHaveLength(1);
    expect(h.standIn.callsTo('chat.update')).toHaveLength(0);
  });
});

describe('after a meeting', () => {
  it('prompts both to say thanks at the end and to record notes an hour later', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    await pass(DAY_BEFORE);
    h.standIn.reset();
    await pass(END);
    for (const user of [USERS.mentee, USERS.mentor]) {
      const [thanks, ...rest] = h.standIn.dmsTo(user.id);
      expect(rest).toHaveLength(0);
      expect(button(thanks!, OpenActions.sayThanks).value).toBe(pair.id);
    }
    expect(blocksOf(h.standIn.dmsTo(USERS.mentor.id)[0]!)).toContain('progress');
    await pass('2026-12-01T16:05:00Z');
    for (const user of [USERS.mentee, USERS.mentor]) {
      const notes = h.standIn.dmsTo(user.id)[1]!;
      expect(button(notes, OpenActions.recordNotes).value).toBe(meeting.id);
    }
  });

  it('sends both a summary of the agenda and open items a day later when nobody recorded notes, and nothing when someone did', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const meeting = await firstMeeting(h.db.kysely, pair.id);
    await addAgendaAndActions(pair.id, meeting.id);
    await pass('2026-12-01T16:05:00Z');
    h.standIn.reset();
    await pass('2026-12-02T15:05:00Z');
    const summary = h.standIn.dmsTo(USERS.mentor.id).find((m) => m.text.includes('No notes'));
    expect(blocksOf(summary!)).toContain('Shipped my first feature');
    expect(blocksOf(summary!)).toContain('chapter 3');

    await truncateAll(h.db.kysely);
    h.standIn.reset();
    h.clock.set('2026-11-23T12:00:00Z');
    const second = await createPair(h.bot.services.pairs);
    await pass('2026-12-01T16:05:00Z');
    await h.db.kysely
      .updateTable('meetings')
      .set({ notes_recorded_at: new Date('2026-12-01T16:30:00Z'), notes_recorded_by: USERS.mentee.id, status: 'held' })
      .where('pair_id', '=', second.id)
      .execute();
    h.standIn.reset();
    await pass('2026-12-02T15:05:00Z');
    expect(h.standIn.allMessages().filter((m) => m.text.includes('No notes'))).toHaveLength(0);
  });
});

describe('reminder settings', () => {
  it('opens from the reminder, saves a new lead time that re-plans the nudge, and refuses a pause in the past on its field', async () => {
    await createPair(h.bot.services.pairs);
    h.clock.set('2026-11-25T12:00:00Z');
    await pass('2026-11-25T12:00:00Z');
    const before = (await outboxRows(h.db.kysely, { kind: 'prep' }))[0]!;
    await pass(DAY_BEFORE);
    const [nudge] = h.standIn.dmsTo(USERS.mentee.id);
    await truncateAll(h.db.kysely);
    await createPair(h.bot.services.pairs);
    h.clock.set('2026-11-25T12:00:00Z');
    await pass('2026-11-25T12:00:00Z');

    await h.driver.clickInMessage(USERS.mentee.id, nudge!, ReminderActions.openSettings);
    const modal = await eventually(() => h.standIn.topView(USERS.mentee.id));
    expect(modal.callback_id).toBe(ReminderSettingsModal.callbackId);
    const { blocks: b } = ReminderSettingsModal;
    const refused = await h.driver.submitView(USERS.mentee.id, modal, { [b.lead]: '2880', [b.pause]: '2026-11-01' });
    expect(refused.errors?.[b.pause]).toMatch(/today/);
    expect(h.standIn.topView(USERS.mentee.id)?.id).toBe(modal.id);

    const saved = await h.driver.submitView(USERS.mentee.id, modal, { [b.lead]: '2880', [b.pause]: null });
    expect(saved.errors).toBeUndefined();
    await eventually(() => h.standIn.dmsTo(USERS.mentee.id).some((m) => m.text.startsWith('Saved')));
    const after = (await outboxRows(h.db.kysely, { kind: 'prep' }))[0]!;
    expect(before.due_at.getTime() - new Date(MEETING).getTime()).toBeLessThan(-23 * 3600_000);
    // 48 hours before: Sun 29 Nov, 09:00 in New York, give or take the spread.
    expect(new Date(MEETING).getTime() - after.due_at.getTime()).toBeLessThanOrEqual(48 * 3600_000);
    expect(new Date(MEETING).getTime() - after.due_at.getTime()).toBeGreaterThan(48 * 3600_000 - 91_000);
  });

  it('sends nothing to a person on vacation, and resumes the day after', async () => {
    await createPair(h.bot.services.pairs);
    h.clock.set('2026-11-25T12:00:00Z');
    const result = await h.bot.services.reminders.saveSettings({ teamId: TEAM_ID, userId: USERS.mentee.id }, { leadMinutes: 1440, pausedUntil: '2026-11-30' });
    expect(result.ok).toBe(true);
    // The DM confirming the settings is a notice in the outbox, sent by the pass like the reminders: only reminders count here.
    const reminders = (userId: string) => h.standIn.dmsTo(userId).filter((m) => !m.text.startsWith('Saved:'));
    await pass(DAY_BEFORE);
    expect(reminders(USERS.mentee.id)).toHaveLength(0);
    expect(reminders(USERS.mentor.id)).toHaveLength(1);
    await pass(END);
    expect(reminders(USERS.mentee.id)).toHaveLength(1);
  });

  it('tells someone outside any pair that settings are for pair members', async () => {
    const response = await h.driver.sendRaw(
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          user: { id: USERS.stranger.id, team_id: TEAM_ID },
          team: { id: TEAM_ID },
          api_app_id: 'A0001',
          trigger_id: h.standIn.issueTriggerId(USERS.stranger.id),
          channel: { id: `D${USERS.stranger.id}` },
          container: { type: 'message', channel_id: `D${USERS.stranger.id}` },
          actions: [{ type: 'button', action_id: ReminderActions.openSettings, block_id: ReminderActions.footerBlock, value: 'settings', action_ts: '1' }],
        }),
      }).toString(),
      { contentType: 'application/x-www-form-urlencoded' },
    );
    expect(response.status).toBe(200);
    const [reply] = await eventually(() => h.standIn.ephemeralsFor(USERS.stranger.id).length > 0 && h.standIn.ephemeralsFor(USERS.stranger.id));
    expect(reply!.text).toMatch(/mentorship pair/);
    expect(h.standIn.topView(USERS.stranger.id)).toBeUndefined();
  });
});

describe('pairs and operators', () => {
  it('sends nothing to a paused pair', async () => {
    const pair = await createPair(h.bot.services.pairs);
    await h.db.kysely.updateTable('pairs').set({ status: 'paused' }).where('id', '=', pair.id).execute();
    await pass(DAY_BEFORE);
    await pass(END);
    expect(h.standIn.allMessages()).toHaveLength(0);
  });

  it('with REMINDERS_DRY_RUN plans and logs every reminder and sends none', async () => {
    await createPair(h.bot.services.pairs);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const dry = createScheduler({
      db: h.db.kysely,
      config: { remindersDryRun: true, remindersDailyCap: 6 },
      tokens: h.bot.tokens,
      apiUrl: h.standIn.apiUrl,
      logger,
      noticeHooks: NOTICE_HOOKS,
    });
    h.clock.set(DAY_BEFORE);
    const report = await dry.runPass(h.clock.now);
    expect(report?.dispatch.dry_run).toBe(2);
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(0);
    expect(lines.filter((line) => line.includes('"outcome":"dry_run"'))).toHaveLength(2);
    expect(lines.join()).toContain('prepare the agenda');
    const rows = await outboxRows(h.db.kysely, { kind: 'prep' });
    expect(rows[0]).toMatchObject({ state: 'cancelled', last_error: 'dry_run' });
  });

  it('holds a person’s reminders over the daily cap until the next morning', async () => {
    const pair = await createPair(h.bot.services.pairs);
    const capped = createScheduler({
      db: h.db.kysely,
      config: { remindersDryRun: false, remindersDailyCap: 1 },
      tokens: h.bot.tokens,
      apiUrl: h.standIn.apiUrl,
      logger: pino({ level: 'silent' }),
      noticeHooks: NOTICE_HOOKS,
    });
    await h.db.kysely
      .insertInto('action_items')
      .values({
        team_id: TEAM_ID,
        pair_id: pair.id,
        meeting_id: null,
        owner_id: USERS.mentee.id,
        body: 'Draft the talk',
        due_on: '2026-12-01',
        done_at: null,
        done_by: null,
        created_by: USERS.mentee.id,
      })
      .execute();
    h.clock.set(DAY_BEFORE);
    const report = await capped.runPass(h.clock.now);
    expect(report?.dispatch.deferred).toBe(1);
    expect(h.standIn.dmsTo(USERS.mentee.id)).toHaveLength(1);
    const held = (await outboxRows(h.db.kysely, { recipient: USERS.mentee.id })).find((r) => r.last_error === 'daily_cap')!;
    expect(held.state).toBe('pending');
    expect(held.next_attempt_at.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-01T13:00:00Z').getTime()); // 08:00 New York
  });
});
