import fc from 'fast-check';
import type { Pair } from '../../../../src/db/schema';
import {
  checkMeetingTime,
  checkRuleChange,
  type ExistingOccurrence,
  meetingNearEnd,
  planUpcoming,
  type PairRule,
  upcomingValidUntil,
} from '../../../../src/domain/meetings/meeting-rules';

const pair = (extra: Partial<PairRule> = {}): PairRule => ({
  cadence: 'weekly',
  meeting_time: '10:00',
  time_zone: 'Europe/Berlin',
  first_meeting_on: '2026-12-01',
  meeting_minutes: 45,
  anchor_sequence: 0,
  planned_end_on: '2027-06-01',
  ...extra,
});
const row = (sequence: number, status: ExistingOccurrence['status'], at: string): ExistingOccurrence => ({ sequence, status, scheduledAt: new Date(at) });

describe('planUpcoming', () => {
  const now = new Date('2026-12-01T12:00:00Z'); // the first meeting (09:00Z) has started

  it("creates the rule's next occurrence when it has no row yet", () => {
    expect(planUpcoming(pair(), [], now)).toEqual({ kind: 'create', sequence: 1, at: new Date('2026-12-08T09:00:00Z') });
  });

  it('keeps a row that is still to come, even if it was moved', () => {
    expect(planUpcoming(pair(), [row(1, 'scheduled', '2026-12-10T15:00:00Z')], now)).toEqual({ kind: 'exists', sequence: 1 });
  });

  it('passes over skipped, held and cancelled rows, and a moved one whose time has passed', () => {
    for (const passed of [
      row(1, 'skipped', '2026-12-08T09:00:00Z'),
      row(1, 'held', '2026-11-30T09:00:00Z'),
      row(1, 'cancelled', '2026-12-08T09:00:00Z'),
      row(1, 'scheduled', '2026-12-01T11:00:00Z'),
    ]) {
      expect(planUpcoming(pair(), [passed], now)).toEqual({ kind: 'create', sequence: 2, at: new Date('2026-12-15T09:00:00Z') });
    }
  });

  it('counts sequences from the anchor after a rhythm change', () => {
    const changed = pair({ cadence: 'monthly', first_meeting_on: '2026-12-10', anchor_sequence: 4, meeting_time: '16:00' });
    expect(planUpcoming(changed, [row(4, 'held', '2026-12-10T15:00:00Z')], new Date('2026-12-11T00:00:00Z'))).toEqual({
      kind: 'create',
      sequence: 5,
      at: new Date('2027-01-10T15:00:00Z'),
    });
  });

  it('plans nothing after the planned end', () => {
    expect(planUpcoming(pair({ planned_end_on: '2026-12-07' }), [], now)).toEqual({ kind: 'none' });
    expect(planUpcoming(pair({ planned_end_on: '2026-12-08' }), [], now).kind).toBe('create');
  });
});

describe('upcomingValidUntil', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const until = (p: PairRule, existing: ExistingOccurrence[]) => upcomingValidUntil(p, planUpcoming(p, existing, now), existing, now).toISOString();

  it("holds until the rule's next occurrence when the next row is the rule's own", () => {
    expect(until(pair(), [row(1, 'scheduled', '2026-12-08T09:00:00Z')])).toBe('2026-12-08T09:00:00.000Z');
    expect(until(pair(), [])).toBe('2026-12-08T09:00:00.000Z');
  });

  it('ends early when the next meeting was moved before its rule time', () => {
    expect(until(pair(), [row(1, 'scheduled', '2026-12-03T16:00:00Z')])).toBe('2026-12-03T16:00:00.000Z');
  });

  it('ends at the rule time when the next meeting was moved later (the rule moves on first)', () => {
    expect(until(pair(), [row(1, 'scheduled', '2026-12-10T16:00:00Z')])).toBe('2026-12-08T09:00:00.000Z');
  });

  it('still looks again at the next rule time when nothing more is planned before the end', () => {
    expect(until(pair({ planned_end_on: '2026-12-07' }), [])).toBe('2026-12-08T09:00:00.000Z');
  });

  it('is a promise: at any instant before it, planUpcoming gives the same answer (once its row exists)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const cadences = ['weekly', 'biweekly', 'monthly'] as const;
    fc.assert(
      fc.property(
        fc.record({
          zone: fc.constantFrom(...zones),
          cadence: fc.constantFrom(...cadences),
          hour: fc.integer({ min: 0, max: 23 }),
          startOffsetDays: fc.integer({ min: 0, max: 400 }),
          moveHours: fc.integer({ min: -72, max: 72 }),
          move: fc.boolean(),
          fraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
        }),
        ({ zone, cadence, hour, startOffsetDays, moveHours, move, fraction }) => {
          const p = pair({
            time_zone: zone,
            cadence,
            meeting_time: `${String(hour).padStart(2, '0')}:30`,
            first_meeting_on: '2026-11-02',
            planned_end_on: '2028-06-01',
          });
          const at = new Date(Date.parse('2026-11-01T00:00:00Z') + startOffsetDays * 86_400_000);
          const first = planUpcoming(p, [], at);
          if (first.kind !== 'create') return;
          // The row as the pass creates it, possibly moved later by a member (only to the future).
          const movedAt = new Date(first.at.getTime() + (move ? moveHours * 3_600_000 : 0));
          const rows = [row(first.sequence, 'scheduled', (movedAt.getTime() > at.getTime() ? movedAt : first.at).toISOString())];
          const plan = planUpcoming(p, rows, at);
          const validUntil = upcomingValidUntil(p, plan, rows, at);
          expect(validUntil.getTime()).toBeGreaterThan(at.getTime());
          const later = new Date(at.getTime() + Math.floor((validUntil.getTime() - at.getTime()) * fraction));
          expect(planUpcoming(p, rows, later)).toEqual(plan);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('checkMeetingTime', () => {
  const now = new Date('2026-11-23T12:00:00Z'); // 13:00 in Berlin

  it("reads the time in the pair's zone", () => {
    expect(checkMeetingTime({ date: '2026-11-23', time: '13:30' }, 'Europe/Berlin', now)).toEqual({ ok: true, at: new Date('2026-11-23T12:30:00Z') });
  });

  it('refuses the past on the time field today and on the date field before', () => {
    expect(checkMeetingTime({ date: '2026-11-23', time: '12:30' }, 'Europe/Berlin', now)).toEqual({
      ok: false,
      errors: { time: expect.stringContaining('2026-11-23 13:00 in Europe/Berlin') },
    });
    expect(checkMeetingTime({ date: '2026-11-22', time: '23:00' }, 'Europe/Berlin', now)).toEqual({ ok: false, errors: { date: expect.any(String) } });
  });

  it('refuses more than a year ahead', () => {
    expect(checkMeetingTime({ date: '2027-12-01', time: '10:00' }, 'Europe/Berlin', now)).toEqual({
      ok: false,
      errors: { date: expect.stringMatching(/within the next year/) },
    });
  });
});

describe('checkRuleChange', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const change = { cadence: 'monthly' as const, time: '10:00', meetingMinutes: 60 };

  it('accepts a future start on or before the planned end', () => {
    expect(checkRuleChange({ ...change, fromDate: '2027-06-01' }, pair(), now)).toEqual({});
  });

  it('refuses a start in the past or after the planned end, on the field to change', () => {
    expect(checkRuleChange({ ...change, fromDate: '2026-11-23', time: '09:00' }, pair(), now)).toEqual({ time: expect.stringMatching(/future/) });
    expect(checkRuleChange({ ...change, fromDate: '2027-06-02' }, pair(), now)).toEqual({ fromDate: expect.stringMatching(/planned end/) });
  });
});

describe('meetingNearEnd', () => {
  it("reads the meeting's date in the pair's zone", () => {
    const p = pair({ cadence: 'monthly', first_meeting_on: '2026-12-01', planned_end_on: '2027-03-01', time_zone: 'Pacific/Auckland' }) as Pair;
    // 31 Dec 2026 22:00Z is already 1 Jan 2027 in Auckland: not yet the last two (1 Feb, 1 Mar).
    expect(meetingNearEnd(p, { scheduled_at: new Date('2026-12-31T22:00:00Z') })).toBe(false);
    expect(meetingNearEnd(p, { scheduled_at: new Date('2027-01-31T21:00:00Z') })).toBe(true);
  });
});
