import { checklist, type ChecklistKey, checklistScore, sinceLastMeeting } from '../../../../src/domain/home/checklist';
import type { MeetingInfo, PairSnapshot } from '../../../../src/domain/home/snapshot';
import { meeting, pairSnapshot } from '../../../support/home-snapshots';

const item = (pair: PairSnapshot, key: ChecklistKey) => {
  const found = checklist(pair).find((i) => i.key === key);
  if (!found) throw new Error(`no ${key} item`);
  return found;
};
const stateOf = (pair: PairSnapshot, key: ChecklistKey) => item(pair, key).state;
const held = (extra: Partial<MeetingInfo> = {}) => meeting({ daysFromNow: -7, status: 'held', ...extra });
const facts = (extra: Partial<PairSnapshot['lastHeldFacts']>) => ({
  actionItems: 0,
  feedbackRequests: 0,
  feedbackAreaItems: 0,
  highlightItems: 0,
  appreciations: 0,
  ...extra,
});

describe('checklist', () => {
  it('lists the seven habits in the order of the mentorship action checklist', () => {
    expect(checklist(pairSnapshot()).map((i) => i.key)).toEqual(['goals', 'meetings', 'notes', 'feedback', 'resources', 'highlight', 'thanks']);
  });

  it('for a new pair: meetings done, items about the last meeting waiting, the rest to do', () => {
    const states = Object.fromEntries(checklist(pairSnapshot()).map((i) => [i.key, i.state]));
    expect(states).toEqual({ goals: 'todo', meetings: 'done', notes: 'waiting', feedback: 'waiting', resources: 'todo', highlight: 'todo', thanks: 'waiting' });
    expect(checklistScore(checklist(pairSnapshot()))).toEqual({ done: 1, total: 7 });
  });

  describe('goals: 3-5 with target dates', () => {
    it.each([
      [{}, 'todo', /No goals yet/],
      [{ approved: 2 }, 'todo', /2 of at least 3/],
      [{ draft: 1, awaiting_approval: 1, approved: 1 }, 'done', /3 goals, 1 approved, 1 awaiting approval/],
      [{ approved: 5 }, 'done', /5 goals/],
      [{ approved: 6 }, 'todo', /6 goals open: keep 3 to 5/],
      [{ achieved: 4, approved: 5 }, 'done', /9 goals, 5 approved, 4 achieved/],
      [{ approved: 2, dropped: 4 }, 'todo', /2 of at least 3/],
      [{ achieved: 3 }, 'done', /3 achieved/],
    ] as const)('with %j is %s', (goalCounts, state, detail) => {
      const found = item(pairSnapshot({ goalCounts }), 'goals');
      expect(found.state).toBe(state);
      expect(found.detail).toMatch(detail);
    });
  });

  describe('regular meetings scheduled', () => {
    it('is done while a scheduled meeting lies ahead of an active pair', () => {
      expect(stateOf(pairSnapshot(), 'meetings')).toBe('done');
    });
    it('is done when the rhythm has a next meeting not planned yet, or none left before the planned end', () => {
      expect(stateOf(pairSnapshot({ next: null, rhythmNext: new Date('2026-12-07T09:00:00Z') }), 'meetings')).toBe('done');
      expect(item(pairSnapshot({ next: null, rhythmNext: null }), 'meetings')).toMatchObject({
        state: 'done',
        detail: "No more meetings: the mentorship's planned end is Thu 20 May 2027.",
      });
    });
    it('is not done while the pair is paused', () => {
      const paused = pairSnapshot();
      paused.pair.status = 'paused';
      expect(item(paused, 'meetings')).toMatchObject({ state: 'todo', detail: 'The mentorship is paused.' });
    });
  });

  describe('takeaways and action items after the last session', () => {
    it('waits for the first held meeting', () => {
      expect(stateOf(pairSnapshot({ lastHeld: null }), 'notes')).toBe('waiting');
    });
    it('needs both takeaways and at least one action item of the last meeting', () => {
      expect(item(pairSnapshot({ lastHeld: held() }), 'notes').detail).toMatch(/No takeaways/);
      expect(stateOf(pairSnapshot({ lastHeld: held({ takeaways: '   ' }), lastHeldFacts: facts({ actionItems: 2 }) }), 'notes')).toBe('todo');
      expect(item(pairSnapshot({ lastHeld: held({ takeaways: 'Learned X' }) }), 'notes')).toMatchObject({
        state: 'todo',
        detail: 'Takeaways recorded; no action items yet.',
      });
      const done = pairSnapshot({ lastHeld: held({ takeaways: 'Learned X' }), lastHeldFacts: facts({ actionItems: 2 }) });
      expect(item(done, 'notes')).toMatchObject({ state: 'done', meetingId: done.lastHeld!.id });
    });
  });

  describe('feedback requested at the last meeting', () => {
    it('waits for the first held meeting', () => {
      expect(stateOf(pairSnapshot(), 'feedback')).toBe('waiting');
    });
    it.each([
      ['a request of that meeting', { lastHeldFacts: facts({ feedbackRequests: 1 }) }, 'done'],
      ['a feedback-area agenda item', { lastHeldFacts: facts({ feedbackAreaItems: 1 }) }, 'done'],
      ['its feedback focus', { lastHeld: held({ feedbackFocus: 'presenting' }) }, 'done'],
      ['nothing', {}, 'todo'],
      ['a blank focus', { lastHeld: held({ feedbackFocus: ' ' }) }, 'todo'],
    ] as const)('with %s is %s', (_name, extra, state) => {
      expect(stateOf(pairSnapshot({ lastHeld: held(), ...extra }), 'feedback')).toBe(state);
    });
  });

  describe('two resources explored since the last meeting', () => {
    it.each([
      [0, 'todo'],
      [1, 'todo'],
      [2, 'done'],
      [7, 'done'],
    ] as const)('with %d explored is %s', (n, state) => {
      expect(stateOf(pairSnapshot({ lastHeld: held(), exploredSinceTotal: n }), 'resources')).toBe(state);
    });
    it('says "so far" before the first meeting and "since the last meeting" after', () => {
      expect(item(pairSnapshot({ exploredSinceTotal: 1 }), 'resources').detail).toBe('1 of 2 explored so far.');
      expect(item(pairSnapshot({ lastHeld: held(), exploredSinceTotal: 1 }), 'resources').detail).toBe('1 of 2 explored since the last meeting.');
    });
    it('starts "since the last meeting" at its start, or at the pair\'s creation before one was held', () => {
      const created = new Date('2026-11-01T00:00:00Z');
      const last = held();
      expect(sinceLastMeeting(last, created)).toBe(last.scheduledAt);
      expect(sinceLastMeeting(null, created)).toBe(created);
    });
  });

  describe('one achievement or challenge shared', () => {
    it("looks at the next meeting's agenda and points its button there", () => {
      const pair = pairSnapshot({ nextAgenda: { topic: 3 } });
      expect(item(pair, 'highlight')).toMatchObject({ state: 'todo', meetingId: pair.next!.id });
      expect(stateOf(pairSnapshot({ nextAgenda: { highlight: 1 } }), 'highlight')).toBe('done');
      expect(stateOf(pairSnapshot({ next: meeting({ daysFromNow: 3, sharedHighlight: 'Shipped v2' }) }), 'highlight')).toBe('done');
    });
    it('does not count a highlight of the last meeting while a next one is scheduled', () => {
      expect(stateOf(pairSnapshot({ lastHeld: held({ sharedHighlight: 'old win' }), lastHeldFacts: facts({ highlightItems: 1 }) }), 'highlight')).toBe('todo');
    });
    it('falls back to the last meeting when none is scheduled, and waits when there was none', () => {
      expect(stateOf(pairSnapshot({ next: null, lastHeld: held(), lastHeldFacts: facts({ highlightItems: 1 }) }), 'highlight')).toBe('done');
      expect(stateOf(pairSnapshot({ next: null, lastHeld: held() }), 'highlight')).toBe('todo');
      expect(stateOf(pairSnapshot({ next: null }), 'highlight')).toBe('waiting');
    });
  });

  describe('appreciation at the end of the last session', () => {
    it('waits for a held meeting, then needs an appreciation of it', () => {
      expect(stateOf(pairSnapshot(), 'thanks')).toBe('waiting');
      expect(stateOf(pairSnapshot({ lastHeld: held() }), 'thanks')).toBe('todo');
      expect(stateOf(pairSnapshot({ lastHeld: held(), lastHeldFacts: facts({ appreciations: 1 }) }), 'thanks')).toBe('done');
    });
  });
});
