import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, addMonths, daysBetween } from '../../../../src/domain/time/local-dates';
import { formatInZone, formatLocalDate, localDateIn, wallTimeIn } from '../../../../src/domain/time/zoned';

/** Plain day counting must give exactly what Luxon gave before it (the meeting rules rely on it). */
const localDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const viaLuxon = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });

it('adds days as Luxon does, across month, year and leap-day boundaries', () => {
  fc.assert(fc.property(localDate, fc.integer({ min: -2000, max: 2000 }), (date, days) => addDays(date, days) === viaLuxon(date).plus({ days }).toISODate()));
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  expect(addDays('2026-12-31', 7)).toBe('2027-01-07');
});

it('adds months as Luxon does, clamping the 29th-31st to the end of a shorter month', () => {
  fc.assert(
    fc.property(localDate, fc.integer({ min: -300, max: 300 }), (date, months) => addMonths(date, months) === viaLuxon(date).plus({ months }).toISODate()),
  );
  expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
});

it('counts whole days between two dates as Luxon does', () => {
  fc.assert(fc.property(localDate, localDate, (from, to) => daysBetween(from, to) === viaLuxon(to).diff(viaLuxon(from), 'days').days));
});

it('gives a string that is no date back unchanged', () => {
  expect(addDays('not a date', 3)).toBe('not a date');
  expect(addMonths('2026-13-45x', 1)).toBe('2026-13-45x');
});

it('reads the local date in a zone as Luxon does, at any instant and in any zone (offset changes included)', () => {
  const zones = Intl.supportedValuesOf('timeZone');
  const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
  fc.assert(
    fc.property(instant, fc.constantFrom(...zones), (at, zone) => localDateIn(at, zone) === DateTime.fromJSDate(at, { zone }).toISODate()),
    { numRuns: 2000 },
  );
  expect(localDateIn(new Date('2026-12-01T12:00:00Z'), 'Fantasia/Castle')).toBe('');
});

describe('times and dates written for people, as Luxon writes them', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'America/Sao_Paulo',
    'Africa/Casablanca',
  ];
  const instant = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

  it('writes an instant in a zone with its weekday, date, wall time and zone, offset changes included', () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom(...zones),
        (at, zone) => formatInZone(at, zone) === `${DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`,
      ),
    );
  });

  it('writes the wall time of an instant in a zone', () => {
    fc.assert(fc.property(instant, fc.constantFrom(...zones), (at, zone) => wallTimeIn(at, zone) === DateTime.fromJSDate(at, { zone }).toFormat('HH:mm')));
  });

  it('writes a local date with its weekday', () => {
    fc.assert(fc.property(localDate, (date) => formatLocalDate(date) === viaLuxon(date).toFormat('ccc d LLL yyyy')));
    expect(formatLocalDate('2026-12-01')).toBe('Tue 1 Dec 2026');
  });

  it('leaves what it cannot read to Luxon, as before', () => {
    expect(formatLocalDate('2026-02-30')).toBe(DateTime.fromISO('2026-02-30', { zone: 'UTC' }).toFormat('ccc d LLL yyyy'));
    expect(formatInZone(new Date('2026-12-01T12:00:00Z'), 'Fantasia/Castle')).toBe(
      `${DateTime.fromJSDate(new Date('2026-12-01T12:00:00Z'), { zone: 'Fantasia/Castle' }).toFormat('ccc d LLL yyyy, HH:mm')} (Fantasia/Castle)`,
    );
  });
});
