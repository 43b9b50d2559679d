import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { RemindersService } from '../../../src/domain/reminders/reminders.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { ReminderActions, ReminderSettingsModal } from '../../../src/slack/ids';
import { postDmWithButton } from '../practice/practice-fixtures';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';
import { createPair, firstMeeting } from './fixtures';

const { blocks: b } = ReminderSettingsModal;
let h: Harness;

let pairId: string;

beforeAll(async () => {
  // This replica commits notices but never sends them, as if it died right after each commit.
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
  pairId = (await createPair(h.bot.services.pairs)).id;
});
afterAll(() => h.close());

const settingsOf = (userId: string) =>
  h.db.kysely.selectFrom('people').select(['prep_lead_minutes', 'reminders_paused_until']).where('user_id', '=', userId).executeTakeFirstOrThrow();

describe('saved reminder settings through the outbox', () => {
  it('are confirmed by DM exactly once by a later pass when the serving replica died after the commit', async () => {
    const button = await postDmWithButton(h, USERS.mentee.id, ReminderActions.openSettings, 'settings');
    await h.driver.clickInMessage(USERS.mentee.id, button, ReminderActions.openSettings);
    const modal = await eventually(() => h.standIn.topView(USERS.mentee.id));
    expect((await h.driver.submitView(USERS.mentee.id, modal, { [b.lead]: '2880', [b.pause]: null })).errors).toBeUndefined();
    await h.settle();
    expect(h.standIn.dmsTo(USERS.mentee.id).filter((dm) => dm.text.startsWith('Saved:'))).toHaveLength(0);
    expect(await notices(h, 'reminder_settings_saved')).toMatchObject([{ state: 'pending', recipient_id: USERS.mentee.id }]);

    await runPass(h);
    await runPass(h);
    const saved = h.standIn.dmsTo(USERS.mentee.id).filter((dm) => dm.text.startsWith('Saved:'));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.text).toContain('2 days before each meeting');
    expect(await notices(h, 'reminder_settings_saved')).toMatchObject([{ state: 'sent', attempt: 1 }]);
  });

  it('are not saved, and nothing is sent, when the transaction fails after the notice was written', async () => {
    const failing: EffectsRecorder = {
      async record(tx, teamId, events) {
        await createEffectsRecorder(h.clock.now).record(tx, teamId, events);
        throw new Error('crash after the notice was written, before the commit');
      },
    };
    const before = { settings: await settingsOf(USERS.mentor.id), notices: (await notices(h)).length };
    const reminders = new RemindersService(h.db.kysely, h.clock.now, failing);
    await expect(reminders.saveSettings({ teamId: TEAM_ID, userId: USERS.mentor.id }, { leadMinutes: 60, pausedUntil: '2026-12-24' })).rejects.toThrow('crash');
    expect(await settingsOf(USERS.mentor.id)).toEqual(before.settings);
    expect(await notices(h)).toHaveLength(before.notices);
  });
});

describe('"Skip this meeting" on a prep nudge, through the outbox', () => {
  it('tells the other person exactly once from a later pass when the serving replica died after the commit', async () => {
    // The mentee's nudge for the meeting of 1 December, 15:00 Berlin, goes out a day before.
    h.clock.set('2026-11-30T14:05:00Z');
    await runPass(h);
    const nudge = h.standIn.dmsTo(USERS.mentee.id).find((dm) => JSON.stringify(dm.blocks).includes(ReminderActions.skip));
    expect(nudge).toBeDefined();
    const toldBefore = h.standIn.dmsTo(USERS.mentor.id).length;

    await h.driver.clickInMessage(USERS.mentee.id, nudge!, ReminderActions.skip);
    await h.settle();
    expect((await firstMeeting(h.db.kysely, pairId)).status).toBe('skipped');
    expect(JSON.stringify(h.standIn.findMessage(nudge!.channel, nudge!.ts)?.blocks)).toContain('You skipped this meeting');
    expect(h.standIn.dmsTo(USERS.mentor.id)).toHaveLength(toldBefore);
    expect(await notices(h, 'meeting_skipped')).toMatchObject([{ state: 'pending', recipient_id: USERS.mentor.id, pair_id: pairId }]);

    await runPass(h);
    await runPass(h);
    const told = h.standIn.dmsTo(USERS.mentor.id).filter((dm) => dm.text.includes('skipped your meeting'));
    expect(told).toHaveLength(1);
    expect(await notices(h, 'meeting_skipped')).toMatchObject([{ state: 'sent', attempt: 1 }]);
  });
});
