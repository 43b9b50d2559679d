import { EXPECTATION_MAX, expectationsView, validateExpectations } from '../../../../src/domain/expectations/expectation-rules';

const form = { betweenMeetings: null, feedbackStyle: null, boundaries: null, myHope: null };
const pair = { id: 'p1', mentor_id: 'UMENTOR', mentee_id: 'UMENTEE' };
const row = (extra: { proposed_by: string; agreed_at: Date | null }) => ({
  team_id: 'T1',
  pair_id: 'p1',
  between_meetings: 'Weekly',
  feedback_style: null,
  boundaries: null,
  mentor_hope: null,
  mentee_hope: 'Grow',
  version: 3,
  created_at: new Date(),
  updated_at: new Date(),
  ...extra,
});

describe('expectations rules', () => {
  it('asks for at least one answer, under the first field', () => {
    expect(validateExpectations(form)).toEqual({ betweenMeetings: expect.stringMatching(/at least one/) });
  });

  it('refuses an answer over the limit under its own field, and takes one at the limit', () => {
    expect(validateExpectations({ ...form, boundaries: 'x'.repeat(EXPECTATION_MAX + 1) })).toEqual({ boundaries: expect.stringMatching(/under 1000/) });
    expect(validateExpectations({ ...form, myHope: 'x'.repeat(EXPECTATION_MAX) })).toEqual({});
  });

  it('says who proposed them and who is to confirm, until the other confirms', () => {
    expect(expectationsView(pair, undefined).state).toEqual({ kind: 'none' });
    expect(expectationsView(pair, row({ proposed_by: 'UMENTEE', agreed_at: null })).state).toEqual({ kind: 'proposed', by: 'UMENTEE', waitingFor: 'UMENTOR' });
    const on = new Date('2026-11-24T10:00:00Z');
    expect(expectationsView(pair, row({ proposed_by: 'UMENTOR', agreed_at: on }))).toMatchObject({
      version: 3,
      menteeHope: 'Grow',
      state: { kind: 'agreed', on },
    });
  });
});
