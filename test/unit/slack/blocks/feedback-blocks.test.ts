import { validateBlocks, validateView } from '../../../../src/devtools/slack-stand-in';
import { AREA_MAX, QUESTION_MAX } from '../../../../src/domain/feedback/feedback-rules';
import type { FeedbackItem } from '../../../../src/domain/feedback/events';
import {
  feedbackAnsweredDm,
  feedbackAppliedDm,
  feedbackExampleAskedDm,
  feedbackExampleGivenDm,
  feedbackInboxMessage,
  feedbackRequestedDm,
} from '../../../../src/slack/blocks/feedback-messages';
import { feedbackAnswerModal, feedbackApplyModal, feedbackExampleModal, feedbackRequestModal } from '../../../../src/slack/blocks/feedback-modals';
import { FeedbackActions, PairPicker } from '../../../../src/slack/ids';
import { at, choices, hostile, meetingRow, uuid } from './practice-builders';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

const request = (over: Partial<FeedbackItem> = {}): FeedbackItem => ({
  id: uuid(),
  pairId: uuid(),
  meetingId: null,
  requesterId: 'UMENTEE',
  responderId: 'UMENTOR',
  area: 'demos',
  question: 'What is one thing I could improve in demos?',
  answer: null,
  answeredAt: null,
  application: null,
  exampleAskedAt: null,
  example: null,
  exampleGivenAt: null,
  appliedAt: null,
  askedAt: at,
  ...over,
});
const worst = request({
  area: hostile(AREA_MAX),
  question: hostile(QUESTION_MAX),
  answer: hostile(2000),
  application: hostile(2000),
  answeredAt: at,
  appliedAt: at,
  example: hostile(2000),
  exampleAskedAt: at,
  exampleGivenAt: at,
});
/** Asked for an example, not yet given: the answerer's DM still carries its button. */
const worstWaiting = { ...worst, example: null, exampleGivenAt: null };
const meetingAt = meetingRow().scheduled_at;

describe('feedback builders', () => {
  it('keep the longest, most hostile input within Slack limits and never let it mention or broadcast', () => {
    const messages = [
      feedbackRequestedDm(worst, meetingAt, 'Asia/Tokyo'),
      feedbackAnsweredDm(worst, 'UTC', true),
      feedbackAnsweredDm({ ...worst, appliedAt: null, exampleAskedAt: null }, 'UTC', true),
      feedbackAppliedDm(worst, 'UTC'),
      feedbackExampleAskedDm(worst, 'UTC'),
      feedbackExampleAskedDm(worstWaiting, 'UTC'),
      feedbackExampleGivenDm(worst, 'UTC'),
    ];
    for (const message of messages) {
      expect(validateBlocks(message.blocks, 'message')).toEqual([]);
      const all = `${message.text}${JSON.stringify(message.blocks)}`;
      expect(all).not.toMatch(/<!channel>|<@U999>|<#C1>|<https:\/\/evil/);
    }
    for (const view of [
      feedbackAnswerModal(worst, { channelId: 'C1', messageTs: '1795312913.773000' }),
      feedbackApplyModal(worst),
      feedbackExampleModal(worstWaiting, { channelId: 'C1', messageTs: '1795312913.773000' }),
      feedbackRequestModal({ choices: choices(100), names: {}, area: hostile(AREA_MAX) }),
    ]) {
      expect(validateView(view)).toEqual([]);
      // An input's initial value is the person's own text to edit, never rendered as mrkdwn.
      const rendered = JSON.stringify(view.blocks, (key, value: unknown) => (key === 'initial_value' ? undefined : value));
      expect(rendered).not.toMatch(/<!channel>|<@U999>/);
    }
  });

  it("show times in the reader's zone, naming it", () => {
    const text = JSON.stringify(feedbackRequestedDm(request(), meetingAt, 'America/New_York').blocks);
    expect(text).toContain('Mon 23 Nov 2026, 07:00 (America/New_York)');
    expect(text).toContain('Tue 1 Dec 2026, 04:00 (America/New_York)');
  });

  it('ask which pair only when the pair is not known', () => {
    const ids = (view: ReturnType<typeof feedbackRequestModal>) => view.blocks.map((b) => b.block_id);
    const several = choices(3);
    expect(ids(feedbackRequestModal({ choices: several, names: {} }))).toContain(PairPicker.blockId);
    expect(ids(feedbackRequestModal({ choices: several, names: {}, pairId: several[1]!.pair.id }))).not.toContain(PairPicker.blockId);
  });

  it('offer "Report how I applied it" only when asked to, and only until it is done', () => {
    const answered = request({ answer: 'Shorter', answeredAt: at });
    expect(JSON.stringify(feedbackAnsweredDm(answered, 'UTC', true).blocks)).toContain(FeedbackActions.apply);
    expect(JSON.stringify(feedbackAnsweredDm(answered, 'UTC', false).blocks)).not.toContain(FeedbackActions.apply);
    const applied = JSON.stringify(feedbackAnsweredDm({ ...answered, application: 'Did it', appliedAt: at }, 'Asia/Tokyo', true).blocks);
    expect(applied).not.toContain(FeedbackActions.apply);
    expect(applied).toContain('how you applied it, Mon 23 Nov 2026, 21:00 (Asia/Tokyo)');
  });

  it('offer "Ask for an example" on an answer until it is asked, then say when; show the example once given', () => {
    const answered = request({ answer: 'Shorter', answeredAt: at });
    expect(JSON.stringify(feedbackAnsweredDm(answered, 'UTC', false).blocks)).toContain(FeedbackActions.askExample);
    const asked = JSON.stringify(feedbackAnsweredDm({ ...answered, exampleAskedAt: at }, 'Asia/Tokyo', false).blocks);
    expect(asked).not.toContain(FeedbackActions.askExample);
    expect(asked).toContain('for an example, Mon 23 Nov 2026, 21:00 (Asia/Tokyo)');
    const given = JSON.stringify(feedbackAnsweredDm({ ...answered, exampleAskedAt: at, example: 'Slide 3', exampleGivenAt: at }, 'UTC', false).blocks);
    expect(given).toContain('Slide 3');
    expect(given).not.toContain('for an example,');
  });

  it('replace the "Give an example" button with when it was given', () => {
    const waiting = request({ answer: 'Shorter', answeredAt: at, exampleAskedAt: at });
    expect(JSON.stringify(feedbackExampleAskedDm(waiting, 'UTC').blocks)).toContain(FeedbackActions.giveExample);
    const given = JSON.stringify(feedbackExampleAskedDm({ ...waiting, example: 'Slide 3', exampleGivenAt: at }, 'UTC').blocks);
    expect(given).not.toContain(FeedbackActions.giveExample);
    expect(given).toContain('You gave an example Mon 23 Nov 2026, 12:00 (UTC)');
  });

  it('replace the Answer button with when it was answered', () => {
    const text = JSON.stringify(feedbackRequestedDm(request({ answer: 'x', answeredAt: at }), null, 'UTC').blocks);
    expect(text).not.toContain(FeedbackActions.answer);
    expect(text).toContain('You answered Mon 23 Nov 2026, 12:00 (UTC)');
  });

  it('list up to ten of each kind of waiting item within one message, and nothing when nothing waits', () => {
    const many = Array.from({ length: 10 }, () => worst);
    const message = feedbackInboxMessage({ toAnswer: many, toApply: many }, 'UTC');
    expect(message && validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(feedbackInboxMessage({ toAnswer: [], toApply: [] }, 'UTC')).toBeNull();
  });
});

describe('feedback buttons for screen readers', () => {
  it('name the area each "Answer" and "Report how I applied it" acts on', () => {
    const message = feedbackInboxMessage(
      {
        toAnswer: [request({ area: 'demos' }), request({ area: 'code reviews' })],
        toApply: [request({ area: 'estimates', answer: 'a' }), request({ area: 'talks', answer: 'b' })],
      },
      'UTC',
    )!;
    expect(ambiguousButtons(message.blocks)).toEqual([]);
    expect(spokenButtons(message.blocks).map((b) => b.spoken)).toEqual([
      'Answer the feedback request on demos',
      'Answer the feedback request on code reviews',
      'Report how I applied the feedback on estimates',
      'Report how I applied the feedback on talks',
    ]);
  });

  it('name the area "Ask for an example" and "Give an example" act on', () => {
    const answered = request({ area: 'demos', answer: 'Shorter', answeredAt: at });
    const blocks = [...feedbackAnsweredDm(answered, 'UTC', true).blocks, ...feedbackExampleAskedDm({ ...answered, exampleAskedAt: at }, 'UTC').blocks];
    expect(ambiguousButtons(blocks)).toEqual([]);
    expect(spokenButtons(blocks).map((b) => b.spoken)).toEqual(
      expect.arrayContaining(['Ask for a concrete example of the feedback on demos', 'Give an example for your feedback on demos']),
    );
  });
});
