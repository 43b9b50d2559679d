import type { DomainEvent } from '../../../../src/domain/effects/events';
import type { GoalView } from '../../../../src/domain/goals/goal-view';
import { GOAL_SHARE_POSTED } from '../../../../src/domain/goals/share-posted';
import { validateBlocks } from '../../../../src/devtools/slack-stand-in';
import { planEffects, toNotice } from '../../../../src/slack/effects/recorder';
import { GoalActions } from '../../../../src/slack/ids';

const APPROVAL = { channelId: 'CGOALS', ts: '1796000000.000100' };
const OLDER = { channelId: 'CGOALS', ts: '1795000000.000100' };
const goal = (extra: Partial<GoalView> = {}): GoalView => ({
  id: '11111111-1111-4111-8111-111111111111',
  pairId: '22222222-2222-4222-8222-222222222222',
  mentorId: 'UMENTOR',
  menteeId: 'UMENTEE',
  goalsChannelId: 'CGOALS',
  title: '<!channel> Lead the migration',
  specific: 's',
  measurable: 'm',
  achievable: null,
  relevant: null,
  objective: null,
  targetDate: '2027-03-01',
  status: 'awaiting_approval',
  version: 2,
  approvedBy: null,
  approvedAt: null,
  changesComment: null,
  achievedAt: null,
  reflection: null,
  shareLocation: APPROVAL,
  items: [],
  ...extra,
});

/** Each notice as where it goes, what it is about, and when (the recorder's timing at `now`). */
const NOW = new Date('2026-11-23T14:00:00Z'); // 09:00 in New York, 15:00 in Berlin
const LATE = new Date('2026-11-24T03:00:00Z'); // 22:00 in New York: the mentee's quiet hours
function planned(event: DomainEvent, now = NOW) {
  const plan = planEffects(event);
  return {
    home: plan.home,
    notices: plan.notices.map((notice, i) => {
      const row = toNotice('T1', plan.pairId, `k:${i}`, notice, now);
      return { topic: notice.topic, target: notice.target, due: row.dueAt.toISOString(), onPosted: notice.onPosted, message: notice.message };
    }),
  };
}
const at = (instant: Date) => instant.toISOString();
const buttonsIn = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks).match(/"action_id":"[a-z_]+"/g) ?? [];

describe('goal planners', () => {
  it('post a shared goal in the goals channel at once, record where it landed, and retire the previous approval message', () => {
    const { notices, home } = planned({ type: 'goal_shared', goal: goal({ shareLocation: OLDER }), intro: 'new', previous: OLDER });
    expect(notices.map(({ topic, target, due, onPosted }) => ({ topic, target, due, onPosted }))).toEqual([
      {
        topic: 'goal_shared',
        target: { type: 'channel', channelId: 'CGOALS' },
        due: at(NOW),
        onPosted: { hook: GOAL_SHARE_POSTED, args: { goalId: goal().id, version: goal().version } },
      },
      { topic: 'goal_superseded', target: { type: 'update', ...OLDER }, due: at(NOW), onPosted: undefined },
    ]);
    expect(buttonsIn(notices[0]!.message)).toEqual([`"action_id":"${GoalActions.approve}"`, `"action_id":"${GoalActions.requestChanges}"`]);
    expect(buttonsIn(notices[1]!.message)).toEqual([]);
    expect(home.sort()).toEqual(['UMENTEE', 'UMENTOR']);
    for (const notice of notices) {
      expect(validateBlocks(notice.message.blocks, 'message')).toEqual([]);
      expect(JSON.stringify(notice.message)).not.toContain('<!channel>');
    }
  });

  it('post a first share without retiring anything, and say "again" for an approved goal that changed', () => {
    expect(planned({ type: 'goal_shared', goal: goal({ shareLocation: null }), intro: 'new', previous: null }).notices.map((n) => n.topic)).toEqual([
      'goal_shared',
    ]);
    const again = planned({ type: 'goal_shared', goal: goal(), intro: 'again', previous: APPROVAL }).notices[0]!;
    expect(JSON.stringify(again.message.blocks)).toMatch(/approved goal has changed/);
  });

  it('refresh the approval message after an edit only when it still waits for the mentor', () => {
    expect(planned({ type: 'goal_saved', goal: goal(), refreshApproval: true }).notices.map(({ topic, target }) => ({ topic, target }))).toEqual([
      { topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL } },
    ]);
    expect(planned({ type: 'goal_saved', goal: goal(), refreshApproval: false }).notices).toEqual([]);
    expect(planned({ type: 'goal_saved', goal: goal({ shareLocation: null }), refreshApproval: true }).notices).toEqual([]);
  });

  it('update the approval message at once and DM the mentee, after their quiet hours when it is night where they are', () => {
    const approved = goal({ status: 'approved', approvedBy: 'UMENTOR', approvedAt: NOW });
    const event: DomainEvent = { type: 'goal_approved', goal: approved, menteeZone: 'America/New_York' };
    expect(planned(event).notices.map(({ topic, target, due }) => ({ topic, target, due }))).toEqual([
      { topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL }, due: at(NOW) },
      { topic: 'goal_approved', target: { type: 'dm', userId: 'UMENTEE' }, due: at(NOW) },
    ]);
    const night = planned(event, LATE).notices;
    expect(night[0]!.due).toBe(at(LATE));
    expect(night[1]!.due).toBe('2026-11-24T13:00:00.000Z'); // 08:00 in New York
    expect(JSON.stringify(night[1]!.message.blocks)).toContain('(America/New_York)');
  });

  it('send the comment of a request for changes to the mentee, with the button to edit the goal', () => {
    const event: DomainEvent = {
      type: 'goal_changes_requested',
      goal: goal({ status: 'changes_requested', changesComment: '<@U999> smaller' }),
      menteeZone: 'America/New_York',
    };
    const [update, dm] = planned(event, LATE).notices;
    expect(update).toMatchObject({ topic: 'goal_approval_refreshed', due: at(LATE) });
    expect(dm).toMatchObject({ topic: 'goal_changes_requested', target: { type: 'dm', userId: 'UMENTEE' }, due: '2026-11-24T13:00:00.000Z' });
    expect(buttonsIn(dm!.message)).toEqual([`"action_id":"${GoalActions.edit}"`]);
    expect(JSON.stringify(dm!.message)).not.toContain('<@U999>');
  });

  it('celebrate an achieved goal in the channel and ask the mentee for a reflection: at once when they marked it themselves', () => {
    const achieved = goal({ status: 'achieved', achievedAt: LATE });
    const byMentor = planned({ type: 'goal_achieved', goal: achieved, actorId: 'UMENTOR', menteeZone: 'America/New_York' }, LATE).notices;
    expect(byMentor.map(({ topic, target, due }) => ({ topic, target, due }))).toEqual([
      { topic: 'goal_achieved', target: { type: 'channel', channelId: 'CGOALS' }, due: at(LATE) },
      { topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL }, due: at(LATE) },
      { topic: 'goal_reflection_prompt', target: { type: 'dm', userId: 'UMENTEE' }, due: '2026-11-24T13:00:00.000Z' },
    ]);
    expect(buttonsIn(byMentor[2]!.message)).toEqual([`"action_id":"${GoalActions.reflect}"`]);
    const byMentee = planned({ type: 'goal_achieved', goal: achieved, actorId: 'UMENTEE', menteeZone: 'America/New_York' }, LATE).notices;
    expect(byMentee[2]!.due).toBe(at(LATE));
  });

  it("show the reflection on the approval message and take the button off the mentee's prompt", () => {
    const prompt = { channelId: 'DUMENTEE', ts: '1796000001.000200' };
    const reflected = goal({ status: 'achieved', reflection: 'Asked early' });
    const { notices } = planned({ type: 'goal_reflected', goal: reflected, prompt });
    expect(notices.map(({ topic, target }) => ({ topic, target }))).toEqual([
      { topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL } },
      { topic: 'goal_reflection_saved', target: { type: 'update', ...prompt } },
    ]);
    expect(buttonsIn(notices[1]!.message)).toEqual([]);
    expect(planned({ type: 'goal_reflected', goal: reflected, prompt: null }).notices.map((n) => n.topic)).toEqual(['goal_approval_refreshed']);
  });

  it('keep the approval message up to date with progress, and tell the other person what moved, after their quiet hours', () => {
    const items = [
      {
        id: 'i1',
        kind: 'key_result' as const,
        title: 'Ship 3 features',
        target: 3,
        current: 3,
        done: true,
        dueDate: null,
        updatedBy: 'UMENTEE',
        updatedAt: NOW,
      },
      {
        id: 'i2',
        kind: 'milestone' as const,
        title: 'Draft the <!here> doc',
        target: null,
        current: 0,
        done: false,
        dueDate: '2027-01-15',
        updatedBy: 'UMENTEE',
        updatedAt: NOW,
      },
    ];
    const changes = [
      { kind: 'key_result' as const, title: 'Ship 3 features', target: 3, before: { current: 1, done: false }, after: { current: 3, done: true } },
      { kind: 'milestone' as const, title: 'Draft the <!here> doc', target: null, before: { current: 0, done: true }, after: { current: 0, done: false } },
    ];
    const event = (status: GoalView['status']) =>
      ({
        type: 'goal_progress_recorded',
        goal: goal({ status, items }),
        actorId: 'UMENTEE',
        readerId: 'UMENTOR',
        readerZone: 'Europe/Berlin',
        changes,
      }) as const;
    const byMentee = planned(event('approved'), LATE); // 04:00 in Berlin: the mentor hears it at 08:00
    expect(byMentee.home).toEqual(['UMENTOR', 'UMENTEE']);
    expect(byMentee.notices.map(({ topic, target, due }) => ({ topic, target, due }))).toEqual([
      { topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL }, due: at(LATE) },
      { topic: 'goal_progress_recorded', target: { type: 'dm', userId: 'UMENTOR' }, due: '2026-11-24T07:00:00.000Z' },
    ]);
    const dm = JSON.stringify(byMentee.notices[1]!.message.blocks);
    expect(dm).toContain('<@UMENTEE> recorded progress on *&lt;!channel&gt; Lead the migration*');
    expect(dm).toContain('Key result met: *Ship 3 features*: 1 → 3 of 3');
    expect(dm).toContain('Milestone reopened: *Draft the &lt;!here&gt; doc*');
    expect(dm).toContain('Now: 50% · key results 1/1 · milestones 0/1');
    expect(validateBlocks(byMentee.notices[1]!.message.blocks, 'message')).toEqual([]);
    // A draft is the mentee's own until it is shared: its message (none yet) and the mentor hear nothing.
    expect(planned(event('draft')).notices.map((n) => n.topic)).toEqual(['goal_approval_refreshed']);
    expect(planned({ ...event('draft'), goal: goal({ status: 'draft', shareLocation: null, items }) }).notices).toEqual([]);
  });

  it('mark a dropped goal on its approval message, and only refresh Home tabs for the SWOT', () => {
    const dropped = planned({ type: 'goal_dropped', goal: goal({ status: 'dropped' }) }).notices;
    expect(dropped.map((n) => n.topic)).toEqual(['goal_approval_refreshed']);
    expect(JSON.stringify(dropped[0]!.message.blocks)).toContain(':wastebasket: Dropped');
    expect(planned({ type: 'swot_saved', pairId: goal().pairId, mentorId: 'UMENTOR', menteeId: 'UMENTEE' })).toEqual({
      notices: [],
      home: ['UMENTOR', 'UMENTEE'],
    });
  });

  it('refresh an outdated approval message; an older one pressed is marked replaced, and without a recorded one the pressed one is refreshed', () => {
    const stale = (extra: Partial<GoalView>, pressed: typeof APPROVAL | null) =>
      planned({ type: 'goal_review_stale', goal: goal(extra), pressed }).notices.map(({ topic, target }) => ({ topic, target }));
    expect(stale({}, APPROVAL)).toEqual([{ topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL } }]);
    expect(stale({}, null)).toEqual([{ topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL } }]);
    expect(stale({}, OLDER)).toEqual([
      { topic: 'goal_approval_refreshed', target: { type: 'update', ...APPROVAL } },
      { topic: 'goal_superseded', target: { type: 'update', ...OLDER } },
    ]);
    expect(stale({ shareLocation: null }, OLDER)).toEqual([{ topic: 'goal_approval_refreshed', target: { type: 'update', ...OLDER } }]);
    expect(stale({ shareLocation: null }, null)).toEqual([]);
  });
});
