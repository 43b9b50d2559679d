import { ENROL_MAX_LINES } from '../../../../src/domain/program/enrolment';
import { decodeEnrolBatch, encodeEnrolBatch } from '../../../../src/slack/inputs/program-enrol-form';

describe("the preview's private_metadata", () => {
  const full = Array.from({ length: ENROL_MAX_LINES }, (_, i) => ({
    line: i + 1,
    mentorId: `U${String(i).padStart(10, '0')}`,
    menteeId: `W${String(i).padStart(10, '9')}`,
    goalsChannelId: 'C0123456789',
    cadence: 'biweekly' as const,
    firstDate: '2027-01-11',
    firstTime: '09:30',
  }));

  it('carries a full batch with 11-character Slack ids within 3,000 characters, and back unchanged', () => {
    const encoded = encodeEnrolBatch(full);
    expect(encoded.length).toBeLessThanOrEqual(3000);
    expect(decodeEnrolBatch(encoded)).toEqual(
      full.map(({ mentorId, menteeId, ...rest }) => ({ ...rest, mentor: { kind: 'user', userId: mentorId }, mentee: { kind: 'user', userId: menteeId } })),
    );
  });

  it('reads nothing from forged or broken metadata', () => {
    expect(decodeEnrolBatch('{"l":["1,UA,UB,CGOALS,w,20270111,0930"]}')).toBeNull();
    expect(decodeEnrolBatch('{"l":["1,UAAA,UBBB,CGOALS,x,20270111,0930"]}')).toBeNull();
    expect(decodeEnrolBatch('not json')).toBeNull();
    expect(decodeEnrolBatch(undefined)).toBeNull();
  });
});
