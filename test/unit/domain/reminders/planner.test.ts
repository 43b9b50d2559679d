import fc from 'fast-check';
import { DateTime } from 'luxon';
import { actionDueReminder, goalTargetReminder, leadInstant, meetingReminders, type PlanPair, wrapUpReminders } from '../../../../src/domain/reminders/planner';
import { afterQuietHours, inQuietHours, spreadMs } from '../../../../src/domain/reminders/quiet-hours';
import { wrapUpFrom } from '../../../../src/domain/meetings/cadence';

const local = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');

function pair(mentee: { zone: string; lead?: number }, mentor: { zone: string; lead?: number } = { zone: 'Europe/Berlin' }): PlanPair {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    teamId: 'T1',
    plannedEndOn: '2027-06-01',
    mentee: { userId: 'UMENTEE', timeZone: mentee.zone, prepLeadMinutes: mentee.lead ?? 1440 },
    mentor: { userId: 'UMENTOR', timeZone: mentor.zone, prepLeadMinutes: mentor.lead ?? 1440 },
  };
}
const meeting = (at: string, previousAt: string | null = null, minutes = 60) => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  scheduledAt: new Date(at),
  durationMinutes: minutes,
  previousAt: previousAt ? new Date(previousAt) : null,
});
const byKind = (reminders: ReturnType<typeof meetingReminders>, kind: string, recipient = 'UMENTEE') =>
  reminders.find((r) => r.kind === kind && r.recipientId === recipient)!;

describe('quiet hours', () => {
  it.each([
    ['Europe/Berlin', '2026-12-01T20:30:00Z', '2026-12-02 08:00'], // 21:30 local
    ['Asia/Kolkata', '2026-12-01T17:00:00Z', '2026-12-02 08:00'], // 22:30 local, half-hour zone
    ['Australia/Lord_Howe', '2026-12-01T10:00:00Z', '2026-12-02 08:00'], // 21:00 local (+11 in summer)
    ['America/Los_Angeles', '2026-12-01T10:00:00Z', '2026-12-01 08:00'], // 02:00 local, same morning
    ['Pacific/Auckland', '2026-12-01T18:59:00Z', '2026-12-02 08:00'], // 07:59 local
  ])('moves a DM due in the night in %s to 08:00 local', (zone, due, expected) => {
    const at = new Date(due);
    expect(inQuietHours(at, zone)).toBe(true);
    expect(local(afterQuietHours(at, zone), zone)).toBe(expected);
  });

  it.each([
    ['Europe/Berlin', '2026-12-01T07:00:00Z'], // 08:00 local: the first minute allowed
    ['Asia/Kolkata', '2026-12-01T15:29:00Z'], // 20:59 local
    ['America/New_York', '2026-12-01T14:00:00Z'],
  ])('leaves a DM due in the day in %s where it is', (zone, due) => {
    expect(afterQuietHours(new Date(due), zone).toISOString()).toBe(new Date(due).toISOString());
  });

  it('ends the night at 08:00 local on the night clocks spring forward and on the night they fall back', () => {
    // New York: 2027-03-14 02:00 -> 03:00, 2026-11-01 02:00 -> 01:00.
    expect(afterQuietHours(new Date('2027-03-14T05:00:00Z'), 'America/New_York').toISOString()).toBe('2027-03-14T12:00:00.000Z');
    expect(afterQuietHours(new Date('2026-11-01T04:30:00Z'), 'America/New_York').toISOString()).toBe('2026-11-01T13:00:00.000Z');
  });
});

describe('meeting reminders', () => {
  it('nudges the mentee 24 hours before and the mentor with their own lead time, each in their zone', () => {
    const reminders = meetingReminders(pair({ zone: 'America/New_York' }, { zone: 'Europe/Berlin', lead: 120 }), meeting('2026-12-01T14:00:00Z'));
    const prep = byKind(reminders, 'prep');
    const headsUp = byKind(reminders, 'prep_heads_up', 'UMENTOR');
    expect(local(prep.dueAt, 'America/New_York').slice(0, 15)).toBe('2026-11-30 09:0');
    expect(headsUp.dueAt.getTime() - new Date('2026-12-01T12:00:00Z').getTime()).toBeLessThan(91_000);
    expect(headsUp.dueAt.getTime()).toBeGreaterThanOrEqual(new Date('2026-12-01T12:00:00Z').getTime());
    expect(prep.dedupeKey).toBe(`prep:${meeting('x').id}:UMENTEE`);
    expect(prep.expiresAt.toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('sends thanks at the end, the notes prompt an hour later and the no-notes summary a day later, to both', () => {
    const reminders = meetingReminders(pair({ zone: 'Europe/Berlin' }), meeting('2026-12-01T09:00:00Z'));
    for (const recipient of ['UMENTEE', 'UMENTOR']) {
      const near = (kind: string, iso: string) => {
        const delta = byKind(reminders, kind, recipient).dueAt.getTime() - new Date(iso).getTime();
        expect(delta).toBeGreaterThanOrEqual(0);
        expect(delta).toBeLessThanOrEqual(90_000);
      };
      near('thanks', '2026-12-01T10:00:00Z');
      near('notes_prompt', '2026-12-01T11:00:00Z');
      near('notes_missing', '2026-12-02T10:00:00Z');
    }
  });

  it('keeps "24 hours before" at the same wall time across daylight-saving changes in both directions', () => {
    const ny = pair({ zone: 'America/New_York' });
    // Sunday 2027-03-14 10:00 EDT (clocks sprang forward that night): Saturday 10:00 EST, 25 real hours before.
    expect(local(leadInstant(new Date('2027-03-14T14:00:00Z'), ny.mentee), 'America/New_York')).toBe('2027-03-13 10:00');
    // Sunday 2026-11-01 10:00 EST (clocks fell back that night): Saturday 10:00 EDT.
    expect(local(leadInstant(new Date('2026-11-01T15:00:00Z'), ny.mentee), 'America/New_York')).toBe('2026-10-31 10:00');
  });

  it('moves a nudge due in the night to 08:00, and drops it when the meeting is over by then', () => {
    // Meeting 07:00-07:30 Berlin; a 60-minute lead falls at 06:00, inside quiet hours, and 08:00 is after the end.
    const early = meetingReminders(pair({ zone: 'Europe/Berlin', lead: 60 }), meeting('2026-12-01T06:00:00Z', null, 30));
    expect(byKind(early, 'prep').skipReason).toBe('quiet_hours');
    // Meeting 09:00 Berlin; 60 minutes before is 08:00: sent.
    const later = meetingReminders(pair({ zone: 'Europe/Berlin', lead: 60 }), meeting('2026-12-01T08:00:00Z'));
    expect(byKind(later, 'prep').skipReason).toBeUndefined();
    // Meeting 07:30-08:30 Berlin, 24 h lead: 07:30 the day before moves to 08:00 that day.
    const dayBefore = meetingReminders(pair({ zone: 'Europe/Berlin' }), meeting('2026-12-01T06:30:00Z'));
    expect(local(byKind(dayBefore, 'prep').dueAt, 'Europe/Berlin').slice(0, 15)).toBe('2026-11-30 08:0');
  });

  it('plans the mid-cycle nudge at 10:00 local half-way between two meetings, never for the first one', () => {
    const first = meetingReminders(pair({ zone: 'Asia/Kolkata' }), meeting('2026-12-08T09:00:00Z'));
    expect(first.some((r) => r.kind === 'mid_cycle')).toBe(false);
    const second = meetingReminders(pair({ zone: 'Asia/Kolkata' }), meeting('2026-12-15T09:00:00Z', '2026-12-01T09:00:00Z'));
    const mid = byKind(second, 'mid_cycle');
    expect(local(mid.dueAt, 'Asia/Kolkata').slice(0, 14)).toBe('2026-12-08 10:');
    // Stale a day after it is due: "half-way" read days later would be wrong.
    expect(mid.expiresAt.getTime() - mid.dueAt.getTime()).toBeLessThanOrEqual(86_400_000);
  });

  it('gives the same plan when planned twice, and a new basis only when the meeting or lead time changes', () => {
    const p = pair({ zone: 'America/New_York' });
    const once = meetingReminders(p, meeting('2026-12-01T14:00:00Z'));
    const twice = meetingReminders(p, meeting('2026-12-01T14:00:00Z'));
    expect(twice).toEqual(once);
    const moved = meetingReminders(p, meeting('2026-12-02T14:00:00Z'));
    expect(byKind(moved, 'prep').basis).not.toBe(byKind(once, 'prep').basis);
    expect(byKind(moved, 'prep').dedupeKey).toBe(byKind(once, 'prep').dedupeKey);
    const longer = meetingReminders(pair({ zone: 'America/New_York', lead: 2880 }), meeting('2026-12-01T14:00:00Z'));
    expect(byKind(longer, 'prep').basis).not.toBe(byKind(once, 'prep').basis);
    expect(byKind(longer, 'thanks').basis).toBe(byKind(once, 'thanks').basis);
  });
});

describe('between sessions', () => {
  it('reminds the owner at 09:00 their time the day before an action item is due, until that day ends', () => {
    const p = pair({ zone: 'Australia/Lord_Howe' });
    const reminder = actionDueReminder(p, p.mentee, '2026-12-10');
    expect(local(reminder.dueAt, 'Australia/Lord_Howe').slice(0, 14)).toBe('2026-12-09 09:');
    expect(local(reminder.expiresAt, 'Australia/Lord_Howe')).toBe('2026-12-11 00:00');
    expect(reminder.dedupeKey).toBe(`action_due:${p.id}:2026-12-10:UMENTEE`);
  });

  it('reminds the mentee a week before a goal target date', () => {
    const p = pair({ zone: 'America/New_York' });
    expect(local(goalTargetReminder(p, { id: 'g1', targetDate: '2027-01-20' }).dueAt, 'America/New_York').slice(0, 14)).toBe('2027-01-13 09:');
  });

  it('prompts both to plan the wrap-up two days before the first wrap-up meeting, or two weeks before the end', () => {
    const p = pair({ zone: 'America/New_York' }); // planned end 2027-06-01
    // Monthly from 2026-12-01: the last meetings on or before the end are 1 May and 1 June 2027.
    const from = wrapUpFrom({ cadence: 'monthly', anchorDate: '2026-12-01' }, p.plannedEndOn);
    expect(from).toBe('2027-05-01');
    const wrap = wrapUpReminders(p, from);
    expect(wrap.map((r) => r.recipientId).sort()).toEqual(['UMENTEE', 'UMENTOR']);
    expect(local(wrap[0]!.dueAt, 'America/New_York').slice(0, 14)).toBe('2027-04-29 09:');
    expect(local(wrapUpReminders(p, null)[0]!.dueAt, 'America/New_York').slice(0, 14)).toBe('2027-05-18 09:');
  });
});

describe('spread', () => {
  it('is stable per key and bounded', () => {
    expect(spreadMs('prep:a:U1', 90)).toBe(spreadMs('prep:a:U1', 90));
    const values = new Set(Array.from({ length: 200 }, (_, i) => spreadMs(`prep:${i}:U1`, 90)));
    expect(values.size).toBeGreaterThan(30);
    for (const value of values) expect(value).toBeLessThanOrEqual(90_000);
  });
});

describe('quiet hours, as properties over many zones and the next two years', () => {
  const ZONES = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'America/Sao_Paulo',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Australia/Adelaide',
    'Pacific/Auckland',
    'Pacific/Chatham',
    'America/St_Johns',
    'Africa/Casablanca',
  ];
  const START = Date.parse('2026-11-22T00:00:00Z');
  const TWO_YEARS = 2 * 366 * 86_400_000;

  it('always gives an instant outside quiet hours, never earlier, and within the same night', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: TWO_YEARS }), (zone, offset) => {
        const due = new Date(START + offset);
        const sendAt = afterQuietHours(due, zone);
        expect(inQuietHours(sendAt, zone)).toBe(false);
        expect(sendAt.getTime()).toBeGreaterThanOrEqual(due.getTime());
        // A night is at most 11 hours long, 12 when the clocks go back during it.
        expect(sendAt.getTime() - due.getTime()).toBeLessThanOrEqual(12 * 3_600_000);
        if (sendAt.getTime() !== due.getTime()) expect(DateTime.fromJSDate(sendAt, { zone }).toFormat('HH:mm')).toBe('08:00');
      }),
      { numRuns: 2000 },
    );
  });
});
