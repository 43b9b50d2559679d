import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { RemindersService } from '../../../src/scheduler/reminders.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { ReminderActions, ReminderSettingsModal } from '../../../src/slack/ids';
import { postDmWithButton } from '../practice/practice-fixtures';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';
import { createPair } from './fixtures';

const { blocks: b } = ReminderSettingsModal;
let h: Harness;

beforeAll(async () => {
  // This replica commits notices but never sends them, as if it died right after each commit.
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
  await createPair(h.bot.services.pairs);
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
