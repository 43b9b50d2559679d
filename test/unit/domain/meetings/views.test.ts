import { soonestAhead } from '../../../../src/domain/meetings/views';

describe('the meeting a notice must not wait past', () => {
  const now = new Date('2026-12-01T03:00:00Z');

  it('is the soonest of the times still ahead', () => {
    expect(soonestAhead(now, [new Date('2026-12-08T09:00:00Z'), new Date('2026-12-01T06:00:00Z')])).toEqual(new Date('2026-12-01T06:00:00Z'));
  });

  it('passes over times already past and missing ones (a moved meeting that had started, no next meeting)', () => {
    expect(soonestAhead(now, [new Date('2026-11-30T09:00:00Z'), null, undefined, new Date('2026-12-03T15:00:00Z')])).toEqual(new Date('2026-12-03T15:00:00Z'));
    expect(soonestAhead(now, [new Date('2026-11-30T09:00:00Z'), null])).toBeNull();
  });
});
