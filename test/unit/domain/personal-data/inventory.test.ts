import { exportDocument, exportSummary } from '../../../../src/domain/personal-data/export-document';
import { inventoryOf } from '../../../../src/domain/personal-data/inventory';
import type { PersonalData } from '../../../../src/domain/personal-data/personal-data.repository';

const empty = (): PersonalData => ({
  person: undefined,
  homeOpenedAt: null,
  pairs: [],
  journal: [],
  agendaItems: [],
  focusMeetings: [],
  notesMeetings: [],
  goalsCreated: [],
  reflections: [],
  changeRequests: [],
  progressItems: [],
  swot: [],
  actionItems: [],
  feedbackAsked: [],
  feedbackAnswered: [],
  resources: [],
  explored: [],
  thanksSent: [],
  thanksReceived: [],
  messages: [],
  dailyCounts: [],
  installed: undefined,
  closingReflections: [],
  checkIns: [],
  endReasons: [],
  expectations: [],
  updatesSent: [],
  updatesReceived: [],
  coordinatorSince: null,
  coordinatorsAdded: [],
});

describe('what a deletion lists', () => {
  it('lists nothing for someone the bot keeps nothing about', () => {
    expect(inventoryOf(empty(), 'U1')).toEqual([]);
  });

  it('counts per kind, leaves empty kinds out, and counts only the action items the person wrote and the messages not sent yet', () => {
    const data = {
      ...empty(),
      journal: [{}, {}],
      actionItems: [{ created_by: 'U1' }, { created_by: 'U2' }],
      messages: [{ state: 'pending' }, { state: 'sent' }, { state: 'unknown' }],
      feedbackAsked: [{}],
      feedbackAnswered: [{}],
    } as unknown as PersonalData;
    expect(inventoryOf(data, 'U1')).toEqual([
      { label: 'journal entries', count: 2, fate: 'deleted' },
      { label: 'action items you wrote', count: 1, fate: 'removed' },
      { label: 'feedback requests and answers', count: 2, fate: 'removed' },
      { label: 'messages waiting to be sent to you', count: 2, fate: 'cancelled' },
    ]);
  });
});

describe('the export', () => {
  it("splits action items into the person's own and those assigned to them, and names the other person of each pair", () => {
    const data = {
      ...empty(),
      pairs: [{ id: 'P', mentor_id: 'U2', mentee_id: 'U1', created_by: 'U2' }],
      actionItems: [{ created_by: 'U1' }, { created_by: 'U2' }],
    } as unknown as PersonalData;
    const doc = exportDocument(data, { teamId: 'T', userId: 'U1' }, { U2: 'Maria' }, new Date('2026-11-23T14:00:00Z'));
    expect(doc.pairs[0]).toMatchObject({ role: 'mentee', with: { userId: 'U2', name: 'Maria' }, setUpByYou: false });
    expect(doc.youWrote.actionItems).toEqual([{ created_by: 'U1' }]);
    expect(doc.aboutYou.actionItemsAssignedToYou).toEqual([{ created_by: 'U2' }]);
    expect(exportSummary(doc)).toEqual(['1 mentorship pairs', '2 action items']);
  });
});
