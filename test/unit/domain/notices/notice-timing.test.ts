import { noticeDueAt } from '../../../../src/domain/notices/notice-timing';

const at = (iso: string) => new Date(iso);

describe('when a notice may go out', () => {
  it('goes at once to the person who acted, even at night in their zone', () => {
    expect(noticeDueAt(at('2026-12-01T02:00:00Z'), { zone: 'Europe/Berlin', isActor: true })).toEqual(at('2026-12-01T02:00:00Z'));
  });

  it('goes at once to the other person outside their quiet hours', () => {
    expect(noticeDueAt(at('2026-12-01T10:00:00Z'), { zone: 'Europe/Berlin', isActor: false })).toEqual(at('2026-12-01T10:00:00Z'));
  });

  it("waits for 08:00 in the other person's zone during their quiet hours", () => {
    // 23:30 in Berlin: the next morning, 08:00 Berlin = 07:00Z.
    expect(noticeDueAt(at('2026-12-01T22:30:00Z'), { zone: 'Europe/Berlin', isActor: false })).toEqual(at('2026-12-02T07:00:00Z'));
    // 05:00 in New York: the same morning.
    expect(noticeDueAt(at('2026-12-01T10:00:00Z'), { zone: 'America/New_York', isActor: false })).toEqual(at('2026-12-01T13:00:00Z'));
  });

  it('does not wait when the meeting it concerns starts before the quiet hours end', () => {
    const now = at('2026-12-01T22:30:00Z');
    expect(noticeDueAt(now, { zone: 'Europe/Berlin', isActor: false }, at('2026-12-02T06:30:00Z'))).toEqual(now);
  });

  it('waits when the meeting it concerns starts later, or is already over (a thank-you)', () => {
    const now = at('2026-12-01T22:30:00Z');
    expect(noticeDueAt(now, { zone: 'Europe/Berlin', isActor: false }, at('2026-12-02T09:00:00Z'))).toEqual(at('2026-12-02T07:00:00Z'));
    expect(noticeDueAt(now, { zone: 'Europe/Berlin', isActor: false }, at('2026-12-01T21:00:00Z'))).toEqual(at('2026-12-02T07:00:00Z'));
  });

  it('ends the night at 08:00 local wall time across a daylight-saving change', () => {
    // The night of 28-29 March 2026 in Berlin loses an hour: 08:00 is then 06:00Z.
    expect(noticeDueAt(at('2026-03-28T23:00:00Z'), { zone: 'Europe/Berlin', isActor: false })).toEqual(at('2026-03-29T06:00:00Z'));
  });
});
