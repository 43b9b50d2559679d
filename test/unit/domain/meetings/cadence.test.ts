import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  isNearEnd,
  lastOccurrenceOnOrBefore,
  type MeetingRule,
  nextOccurrence,
  occurrenceAt,
  occurrenceDate,
  wrapUpFrom,
} from '../../../../src/domain/meetings/cadence';

const rule = (extra: Partial<MeetingRule> = {}): MeetingRule => ({
  cadence: 'weekly',
  anchorDate: '2026-10-19',
  time: '10:00',
  timeZone: 'Europe/Berlin',
  ...extra,
});

const localWall = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');

describe('cadence', () => {
  it('keeps a weekly 10:00 meeting at 10:00 local time across the autumn change', () => {
    // Berlin leaves summer time on 25 Oct 2026: the UTC instant moves, the wall time does not.
    expect(occurrenceAt(rule(), 0).toISOString()).toBe('2026-10-19T08:00:00.000Z');
    expect(occurrenceAt(rule(), 1).toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(localWall(occurrenceAt(rule(), 1), 'Europe/Berlin')).toBe('2026-10-26 10:00');
  });

  it('keeps the wall time across the spring change too', () => {
    const spring = rule({ anchorDate: '2027-03-08', timeZone: 'America/New_York', time: '09:30' });
    expect(localWall(occurrenceAt(spring, 0), 'America/New_York')).toBe('2027-03-08 09:30');
    expect(localWall(occurrenceAt(spring, 1), 'America/New_York')).toBe('2027-03-15 09:30');
    expect(occurrenceAt(spring, 1).getTime() - occurrenceAt(spring, 0).getTime()).toBe(7 * 86_400_000 - 3_600_000);
  });

  it('puts a monthly meeting on the 31st on the last day of shorter months, and back on the 31st after', () => {
    const monthly = rule({ cadence: 'monthly', anchorDate: '2027-01-31' });
    expect([0, 1, 2, 3, 4].map((n) => occurrenceDate(monthly, n))).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
  });

  it('lands on the leap day in a leap year', () => {
    expect(occurrenceDate(rule({ cadence: 'monthly', anchorDate: '2028-01-29' }), 1)).toBe('2028-02-29');
    expect(occurrenceDate(rule({ cadence: 'monthly', anchorDate: '2027-01-29' }), 1)).toBe('2027-02-28');
  });

  it('meets every other week when biweekly', () => {
    expect(occurrenceDate(rule({ cadence: 'biweekly' }), 3)).toBe('2026-11-30');
  });

  it('finds the next occurrence strictly after an instant', () => {
    expect(nextOccurrence(rule(), new Date('2026-10-01T00:00:00Z'))).toEqual({ sequence: 0, at: new Date('2026-10-19T08:00:00Z') });
    expect(nextOccurrence(rule(), new Date('2026-10-19T08:00:00Z')).sequence).toBe(1);
    expect(nextOccurrence(rule(), new Date('2027-06-01T00:00:00Z')).at.toISOString()).toBe('2027-06-07T08:00:00.000Z');
  });

  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'Pacific/Auckland',
    'Africa/Casablanca',
    'UTC',
  ];
  it('over two years in many zones: wall time as intended, strictly increasing, one per local date, 52-53 weekly a year', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        (zone, hour, minute, start) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const r = rule({ anchorDate: start.toISOString().slice(0, 10), time, timeZone: zone });
          const dates = new Set<string>();
          let previous = -Infinity;
          let inFirstYear = 0;
          const yearEnd = DateTime.fromISO(r.anchorDate, { zone }).plus({ years: 1 }).toMillis();
          for (let n = 0; n < 104; n += 1) {
            const at = occurrenceAt(r, n);
            expect(at.getTime()).toBeGreaterThan(previous);
            previous = at.getTime();
            const local = DateTime.fromJSDate(at, { zone });
            const date = local.toISODate() ?? '';
            expect(dates.has(date)).toBe(false);
            dates.add(date);
            expect(date).toBe(occurrenceDate(r, n));
            // Only a time inside a daylight-saving gap may move (forward, to the transition).
            if (local.toFormat('HH:mm') !== time) expect(local.toFormat('HH:mm') > time || local.hour === 0).toBe(true);
            if (at.getTime() < yearEnd) inFirstYear += 1;
          }
          expect([52, 53]).toContain(inFirstYear);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('finds the next occurrence of a monthly rule years after its anchor (the estimate never overshoots)', () => {
    const monthly = rule({ cadence: 'monthly', anchorDate: '2026-01-15', timeZone: 'UTC' });
    expect(nextOccurrence(monthly, new Date('2031-06-01T00:00:00Z'))).toEqual({ sequence: 65, at: new Date('2031-06-15T10:00:00Z') });
    expect(nextOccurrence(monthly, new Date('2031-06-15T10:00:00Z')).at.toISOString()).toBe('2031-07-15T10:00:00.000Z');
  });

  it('finds the next occurrence across daylight-saving changes in both directions', () => {
    const berlin = rule({ anchorDate: '2026-03-23' });
    // Spring (29 Mar 2026): 10:00 is 09:00Z before and 08:00Z after.
    expect(nextOccurrence(berlin, new Date('2026-03-23T09:00:00Z')).at.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // Autumn (25 Oct 2026): back to 09:00Z.
    expect(nextOccurrence(berlin, new Date('2026-10-19T08:00:00Z')).at.toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('takes the earlier instant of a wall time that happens twice, and moves a missing one to the transition', () => {
    // New York: 01:30 happens twice on 1 Nov 2026 and not at all on 8 Mar 2026.
    const ny = rule({ anchorDate: '2026-10-25', time: '01:30', timeZone: 'America/New_York' });
    expect(occurrenceAt(ny, 1).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    const gap = rule({ anchorDate: '2026-03-01', time: '02:30', timeZone: 'America/New_York' });
    expect(occurrenceAt(gap, 1).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(localWall(occurrenceAt(gap, 2), 'America/New_York')).toBe('2026-03-15 02:30');
  });

  it('counts the last occurrence on or before a date, month ends and leap days included', () => {
    expect(lastOccurrenceOnOrBefore(rule(), '2026-10-18')).toBe(-1);
    expect(lastOccurrenceOnOrBefore(rule(), '2026-10-19')).toBe(0);
    expect(lastOccurrenceOnOrBefore(rule(), '2026-11-01')).toBe(1);
    const monthly = rule({ cadence: 'monthly', anchorDate: '2027-12-31' });
    expect(occurrenceDate(monthly, lastOccurrenceOnOrBefore(monthly, '2028-02-29'))).toBe('2028-02-29');
    expect(occurrenceDate(monthly, lastOccurrenceOnOrBefore(monthly, '2028-02-28'))).toBe('2028-01-31');
    expect(lastOccurrenceOnOrBefore(monthly, '2033-01-01')).toBe(60);
  });

  it('puts the wrap-up on the last two meetings before the planned end, whatever the cadence', () => {
    expect(wrapUpFrom(rule({ anchorDate: '2026-12-01' }), '2027-06-01')).toBe('2027-05-25');
    expect(wrapUpFrom(rule({ cadence: 'monthly', anchorDate: '2026-12-01' }), '2027-06-01')).toBe('2027-05-01');
    expect(wrapUpFrom(rule({ cadence: 'monthly', anchorDate: '2026-12-01' }), '2027-01-01')).toBe('2026-12-01');
    expect(wrapUpFrom(rule({ anchorDate: '2027-07-01' }), '2027-06-01')).toBeNull();
    const weekly = rule({ anchorDate: '2026-12-01' });
    expect(isNearEnd(weekly, '2027-06-01', '2027-05-18')).toBe(false);
    expect(isNearEnd(weekly, '2027-06-01', '2027-05-25')).toBe(true);
    expect(isNearEnd(weekly, '2027-06-01', '2027-06-01')).toBe(true);
  });

  it('agrees with a slow walk for any rule and instant (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MeetingRule['cadence']>('weekly', 'biweekly', 'monthly'),
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 3000 }),
        (cadence, zone, start, daysLater) => {
          const r = rule({ cadence, anchorDate: start.toISOString().slice(0, 10), timeZone: zone });
          const after = new Date(occurrenceAt(r, 0).getTime() + daysLater * 86_400_000 + 3_600_000);
          let slow = 0;
          while (occurrenceAt(r, slow).getTime() <= after.getTime()) slow += 1;
          expect(nextOccurrence(r, after).sequence).toBe(slow);
        },
      ),
      { numRuns: 60 },
    );
  });
});
