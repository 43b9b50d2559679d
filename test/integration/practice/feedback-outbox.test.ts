import type { Pair } from '../../../src/db/schema';
import type { EffectsRecorder } from '../../../src/domain/effects/effects';
import { feedbackStoreOn } from '../../../src/domain/feedback/feedback.db-store';
import { FeedbackService } from '../../../src/domain/feedback/feedback.service';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { FeedbackActions, FeedbackModal } from '../../../src/slack/ids';
import { type Harness, startHarness, TEAM_ID, USERS } from '../../support/harness';
import { notices, runPass } from '../../support/outbox';
import { eventually } from '../../support/wait';
import { count, createPair, shown } from './practice-fixtures';

const { mentor, mentee } = USERS;
const { request: r, answer: an, apply: ap } = FeedbackModal;
let h: Harness;
let pair: Pair;

beforeAll(async () => {
  // This replica commits notices but never sends them, as if it died right after each commit.
  h = await startHarness({ now: '2026-11-23T14:00:00Z', sendNoticesAtOnce: false });
  pair = await createPair(h, mentor, mentee);
});
afterAll(() => h.close());

/** Two passes, as two replicas' minutes would run them: what the first sends, the second must not send again. */
async function twoPasses(): Promise<void> {
  await runPass(h);
  await runPass(h);
}

describe('each step of a feedback request through the outbox', () => {
  it('asked, answered, applied: every DM and every update of the DM it came from is sent once by a later pass', async () => {
    await h.driver.command(mentee.id, 'feedback');
    const askView = await eventually(() => h.standIn.topView(mentee.id));
    await h.driver.submitView(mentee.id, askView, { [r.blocks.area]: 'estimates' });
    await h.settle();
    expect(h.standIn.dmsTo(mentor.id)).toHaveLength(0);
    expect(await notices(h, 'feedback_requested')).toMatchObject([{ state: 'pending', recipient_id: mentor.id, pair_id: pair.id }]);
    await twoPasses();
    const asked = h.standIn.dmsTo(mentor.id).filter((dm) => shown(dm).includes('estimates'));
    expect(asked).toHaveLength(1);

    await h.driver.clickInMessage(mentor.id, asked[0]!, FeedbackActions.answer);
    await h.driver.submitView(mentor.id, await eventually(() => h.standIn.topView(mentor.id)), { [an.blocks.answer]: 'Pad by a third.' });
    await h.settle();
    expect(h.standIn.dmsTo(mentee.id)).toHaveLength(0);
    expect(h.standIn.findMessage(asked[0]!.channel, asked[0]!.ts)?.edited).toBeUndefined();
    await twoPasses();
    const answered = h.standIn.dmsTo(mentee.id).filter((dm) => shown(dm).includes('Pad by a third.'));
    expect(answered).toHaveLength(1);
    expect(shown(h.standIn.findMessage(asked[0]!.channel, asked[0]!.ts))).toContain('You answered');

    await h.driver.clickInMessage(mentee.id, answered[0]!, FeedbackActions.apply);
    await h.driver.submitView(mentee.id, await eventually(() => h.standIn.topView(mentee.id)), { [ap.blocks.application]: 'Padded; shipped on time.' });
    await h.settle();
    await twoPasses();
    expect(h.standIn.dmsTo(mentor.id).filter((dm) => shown(dm).includes('shipped on time'))).toHaveLength(1);
    expect(shown(h.standIn.findMessage(answered[0]!.channel, answered[0]!.ts))).toContain('how you applied it');

    const rows = await notices(h);
    expect(rows.map((row) => row.payload.topic).sort()).toEqual([
      'feedback_answered',
      'feedback_answered:source',
      'feedback_applied',
      'feedback_applied:source',
      'feedback_requested',
    ]);
    expect(rows.every((row) => row.state === 'sent' && row.attempt === 1)).toBe(true);
    expect(h.standIn.callsTo('chat.update')).toHaveLength(2);
  });

  it('leaves neither the step nor its notices when the transaction fails after they were written', async () => {
    const failing: EffectsRecorder = {
      async record(tx, teamId, events) {
        await createEffectsRecorder(h.clock.now).record(tx, teamId, events);
        throw new Error('crash after the notices were written, before the commit');
      },
    };
    const feedback = new FeedbackService(feedbackStoreOn(h.db.kysely, failing), h.clock.now);
    const real = h.bot.services.feedback;
    const asked = await real.request({ teamId: TEAM_ID, userId: mentee.id }, { pairId: pair.id, area: 'naming', question: null });
    if (!asked.ok) throw new Error('ask');
    const before = { requests: await count(h, 'feedback_requests'), notices: (await notices(h)).length };

    await expect(feedback.request({ teamId: TEAM_ID, userId: mentee.id }, { pairId: pair.id, area: 'lost', question: null })).rejects.toThrow('crash');
    await expect(feedback.answer({ teamId: TEAM_ID, userId: mentor.id }, { requestId: asked.item.id, answer: 'lost', source: null })).rejects.toThrow('crash');
    expect(await count(h, 'feedback_requests')).toBe(before.requests);
    expect(await notices(h)).toHaveLength(before.notices);
    const row = await h.db.kysely.selectFrom('feedback_requests').select(['status', 'answer']).where('id', '=', asked.item.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'requested', answer: null });

    await real.answer({ teamId: TEAM_ID, userId: mentor.id }, { requestId: asked.item.id, answer: 'kept', source: null });
    const answeredNotices = (await notices(h)).length;
    await expect(
      feedback.reportApplication({ teamId: TEAM_ID, userId: mentee.id }, { requestId: asked.item.id, application: 'lost', source: null }),
    ).rejects.toThrow('crash');
    const after = await h.db.kysely.selectFrom('feedback_requests').select(['status', 'application']).where('id', '=', asked.item.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'answered', application: null });
    expect(await notices(h)).toHaveLength(answeredNotices);
  });
});
