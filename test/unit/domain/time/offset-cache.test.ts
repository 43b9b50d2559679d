import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { uncachedOffset } from '../../../../src/domain/time/offset-cache';

/** The memo on luxon's zone offsets must be invisible: the same offset as Intl, at every instant. */
const zones = Intl.supportedValuesOf('timeZone');
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2040, 0, 1);

describe('the zone offset cache', () => {
  it('gives the offset Intl gives, for every zone at random instants 1970-2040', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: FROM, max: TO }), (zone, ts) => {
        expect(IANAZone.create(zone).offset(ts)).toBe(uncachedOffset(zone, ts));
      }),
      { numRuns: 3000 },
    );
  });

  it('is exact on both sides of each transition, whatever minute it falls on', () => {
    const cases: Array<[string, string]> = [
      ['Europe/Berlin', '2026-03-29T01:00:00Z'], // spring forward at 01:00 UTC
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour change
      ['Pacific/Chatham', '2026-04-04T14:00:00Z'], // +13:45 -> +12:45
      ['America/St_Johns', '2010-11-07T02:31:00Z'], // Newfoundland's 00:01 local transition
    ];
    for (const [zone, at] of cases) {
      const transition = Date.parse(at);
      for (const delta of [-QUARTER, -60_001, -60_000, -1, 0, 1, 59_999, 60_000, QUARTER]) {
        const ts = transition + delta;
        expect([zone, ts, IANAZone.create(zone).offset(ts)]).toEqual([zone, ts, uncachedOffset(zone, ts)]);
      }
    }
  });

  it('keeps the wall time luxon shows around a transition inside a quarter hour', () => {
    // Newfoundland left daylight time at 00:01 local: 23:30 came twice that night, 90 minutes apart.
    const show = (iso: string) => DateTime.fromISO(iso, { zone: 'America/St_Johns' }).toISO();
    expect(show('2010-11-07T02:00:00Z')).toBe('2010-11-06T23:30:00.000-02:30');
    expect(show('2010-11-07T02:31:00Z')).toBe('2010-11-06T23:01:00.000-03:30');
    expect(show('2010-11-07T03:00:00Z')).toBe('2010-11-06T23:30:00.000-03:30');
  });
});

const QUARTER = 15 * 60_000;
