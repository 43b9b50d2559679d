import { addMonths } from '../../../../src/domain/time/local-dates';
import { formatInZone, isValidTimeZone, localDateIn, localToInstant } from '../../../../src/domain/time/zoned';

describe('localToInstant', () => {
  it('reads a wall time in the given zone, not the host zone', () => {
    expect(localToInstant('2026-12-01', '10:00', 'Asia/Kolkata').toISOString()).toBe('2026-12-01T04:30:00.000Z');
    expect(localToInstant('2026-07-01', '10:00', 'America/New_York').toISOString()).toBe('2026-07-01T14:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap to the first valid time', () => {
    // Berlin skips 02:00-03:00 on 29 March 2026.
    expect(localToInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // Lord Howe skips only 30 minutes (02:00-02:30) on 4 October 2026.
    expect(localToInstant('2026-10-04', '02:15', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
  });

  it('takes the earlier instant of a time that happens twice when clocks fall back', () => {
    expect(localToInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localToInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('rejects a date that does not exist', () => {
    expect(() => localToInstant('2026-02-30', '10:00', 'UTC')).toThrow(RangeError);
  });
});

describe('zone helpers', () => {
  it('accepts IANA names and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('gives the local date of an instant in a zone', () => {
    expect(localDateIn(new Date('2026-12-01T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-12-02');
    expect(localDateIn(new Date('2026-12-01T23:30:00Z'), 'America/Los_Angeles')).toBe('2026-12-01');
  });

  it('names the zone whenever it shows a time', () => {
    expect(formatInZone(new Date('2026-12-01T09:00:00Z'), 'Europe/Berlin')).toBe('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
  });

  it('clamps the 31st to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });
});
