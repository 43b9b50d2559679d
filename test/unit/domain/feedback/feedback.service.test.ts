import { FeedbackService } from '../../../../src/domain/feedback/feedback.service';
import { memoryFeedbackStore } from '../../../support/memory/feedback-store';
import { MemoryWorld } from '../../../support/memory/world';
import { feedbackServiceSpec, SPEC_NOW } from '../../../support/specs/feedback-service.spec';

const clock = () => new Date(SPEC_NOW);
const as = (userId: string) => ({ teamId: 'T1', userId });

describe('FeedbackService in memory', () => {
  feedbackServiceSpec(async () => {
    const world = new MemoryWorld();
    return {
      service: new FeedbackService(memoryFeedbackStore(world), clock),
      pair: async (mentorId, menteeId) => world.pair(mentorId, menteeId),
      meeting: async (pairId, sequence, at, status) => world.meeting(pairId, sequence, at, status).id,
      setPairStatus: async (pairId, status) => {
        world.findPair('T1', pairId)!.status = status;
      },
      stored: async (requestId) => world.tables.feedbackRequests.find((row) => row.id === requestId),
      focusOf: async (meetingId) => world.tables.meetings.find((row) => row.id === meetingId)?.feedback_focus ?? null,
      clearMeetings: async () => {
        world.tables.meetings = [];
      },
    };
  });
});

describe('what each step of the feedback flow tells the other person', () => {
  let world: MemoryWorld;
  let service: FeedbackService;
  let pairId: string;
  beforeEach(() => {
    world = new MemoryWorld();
    world.person('UMENTOR', 'America/New_York');
    world.person('UMENTEE', 'Asia/Tokyo');
    pairId = world.pair('UMENTOR', 'UMENTEE').id;
    service = new FeedbackService(memoryFeedbackStore(world), clock);
  });
  const request = async () => {
    const result = await service.request(as('UMENTEE'), { pairId, area: 'presenting', question: 'Too fast?' });
    if (!result.ok) throw new Error('request');
    return result.item;
  };

  it('asks the mentor in the mentor’s zone', async () => {
    const item = await request();
    expect(world.eventsOfType('feedback_requested')).toEqual([expect.objectContaining({ item, readerZone: 'America/New_York', meetingAt: null })]);
  });

  it('hands the answer to the mentee who asked, with the step to report on it', async () => {
    const item = await request();
    await service.answer(as('UMENTOR'), { requestId: item.id, answer: 'Pause after each slide', source: null });
    const [answered] = world.eventsOfType('feedback_answered');
    expect(answered).toMatchObject({ canReport: true, readerZone: 'Asia/Tokyo', responderZone: 'America/New_York' });
    expect(answered!.item.answer).toBe('Pause after each slide');
  });

  it('tells the mentor how the answer was applied', async () => {
    const item = await request();
    await service.answer(as('UMENTOR'), { requestId: item.id, answer: 'Pause', source: null });
    await service.reportApplication(as('UMENTEE'), { requestId: item.id, application: 'Paused; it worked', source: null });
    expect(world.eventsOfType('feedback_applied')).toEqual([expect.objectContaining({ mentorId: 'UMENTOR', readerZone: 'America/New_York' })]);
  });

  it('rewrites the source DM only when the modal came from the person’s own DM with the bot', async () => {
    const item = await request();
    await service.answer(as('UMENTOR'), { requestId: item.id, answer: 'Pause', source: { channelId: 'CGOALS', ts: '1.1' } });
    expect(world.eventsOfType('feedback_answered')[0]!.source).toBeNull();
    const second = await request();
    await service.answer(as('UMENTOR'), { requestId: second.id, answer: 'Breathe', source: { channelId: 'DUMENTOR', ts: '2.2' } });
    expect(world.eventsOfType('feedback_answered')[1]!.source).toEqual({ channelId: 'DUMENTOR', ts: '2.2' });
  });

  it('records nothing when a step is refused', async () => {
    const item = await request();
    const before = structuredClone(world.tables);
    await expect(service.answer(as('UMENTEE'), { requestId: item.id, answer: 'Mine', source: null })).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.reportApplication(as('UMENTEE'), { requestId: item.id, application: 'Early', source: null })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(world.tables).toEqual(before);
  });
});
