import { checkpointOn } from '../../../../src/domain/check-ins/check-in-timing';
import { progressCheckInReminders } from '../../../../src/domain/reminders/planner';

const pair = {
  id: 'p1',
  teamId: 'T1',
  plannedEndOn: '2027-03-01',
  mentor: { userId: 'UMENTOR', timeZone: 'Europe/Berlin', prepLeadMinutes: 60 },
  mentee: { userId: 'UMENTEE', timeZone: 'America/New_York', prepLeadMinutes: 60 },
};

describe('when the check-ins during a mentorship come', () => {
  it('falls a third and two thirds of the planned duration after the start, in whole days rounded down', () => {
    // 23 Nov 2026 to 1 Mar 2027 is 98 days: 32 and 65 days in.
    expect(checkpointOn('2026-11-23', '2027-03-01', 1)).toBe('2026-12-25');
    expect(checkpointOn('2026-11-23', '2027-03-01', 2)).toBe('2027-01-27');
    // 90 days (across a year end): exactly 30 and 60.
    expect(checkpointOn('2026-12-01', '2027-03-01', 1)).toBe('2026-12-31');
    expect(checkpointOn('2026-12-01', '2027-03-01', 2)).toBe('2027-01-30');
  });

  it('asks each person at 10:00 in their own zone, once per pair, checkpoint and person, stale three days later', () => {
    const reminders = progressCheckInReminders(pair, 1, '2026-12-25');
    expect(reminders.map((r) => [r.recipientId, r.dedupeKey])).toEqual([
      ['UMENTEE', 'progress_check_in:p1:1:UMENTEE'],
      ['UMENTOR', 'progress_check_in:p1:1:UMENTOR'],
    ]);
    const [mentee, mentor] = reminders;
    // Spread over up to 90 seconds after 10:00 local (15:00 UTC in New York, 09:00 in Berlin).
    expect(mentee!.dueAt.getTime() - Date.parse('2026-12-25T15:00:00Z')).toBeLessThan(90_000);
    expect(mentee!.dueAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-12-25T15:00:00Z'));
    expect(mentor!.dueAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-12-25T09:00:00Z'));
    expect(mentor!.expiresAt).toEqual(new Date('2026-12-28T09:00:00Z'));
    expect(mentee!.payload).toEqual({ checkpoint: 1, date: '2026-12-25' });
  });

  it('keys the second check-in apart from the first', () => {
    expect(progressCheckInReminders(pair, 2, '2027-01-27').map((r) => r.dedupeKey)).toEqual([
      'progress_check_in:p1:2:UMENTEE',
      'progress_check_in:p1:2:UMENTOR',
    ]);
  });
});
