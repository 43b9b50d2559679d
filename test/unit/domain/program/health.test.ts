import { type HealthFacts, judgeHealth } from '../../../../src/domain/program/health';

const NOW = new Date('2026-12-20T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

/** An active pair started a month ago that met last week with notes and an agenda both times. */
const facts = (over: Partial<HealthFacts> = {}): HealthFacts => ({
  status: 'active',
  startedOn: '2026-11-20',
  createdAt: daysAgo(30),
  lastHeldAt: daysAgo(7),
  recent: { count: 2, withoutNotes: 0, withoutAgenda: 0 },
  sharedNotWorking: false,
  ...over,
});

describe('an invited pair', () => {
  it('is on track while its invitation is at most 3 days old', () => {
    expect(judgeHealth(facts({ status: 'invited', createdAt: daysAgo(3), lastHeldAt: null }), NOW)).toEqual({ health: 'on_track', reasons: [] });
  });

  it('needs attention once the invitation has been pending for more than 3 days', () => {
    expect(judgeHealth(facts({ status: 'invited', createdAt: new Date(daysAgo(3).getTime() - 1), lastHeldAt: null }), NOW)).toEqual({
      health: 'needs_attention',
      reasons: ['invitation_pending'],
    });
  });
});

describe('an active pair', () => {
  it('is on track when it meets with notes and agendas', () => {
    expect(judgeHealth(facts(), NOW)).toEqual({ health: 'on_track', reasons: [] });
  });

  it('is on track in its first three weeks, before any meeting was held', () => {
    expect(judgeHealth(facts({ startedOn: '2026-11-30', lastHeldAt: null, recent: { count: 0, withoutNotes: 0, withoutAgenda: 0 } }), NOW)?.health).toBe(
      'on_track',
    );
  });

  it('is stalled when no meeting was held in 21 days (counting from the start when none ever was)', () => {
    expect(judgeHealth(facts({ lastHeldAt: new Date(daysAgo(21).getTime() - 1) }), NOW)).toEqual({ health: 'stalled', reasons: ['no_meeting_held'] });
    expect(judgeHealth(facts({ startedOn: '2026-11-28', lastHeldAt: null }), NOW)?.health).toBe('stalled');
    expect(judgeHealth(facts({ lastHeldAt: daysAgo(21) }), NOW)?.health).toBe('on_track');
  });

  it('needs attention when neither of its last two meetings has notes', () => {
    expect(judgeHealth(facts({ recent: { count: 2, withoutNotes: 2, withoutAgenda: 0 } }), NOW)).toEqual({ health: 'needs_attention', reasons: ['no_notes'] });
    expect(judgeHealth(facts({ recent: { count: 2, withoutNotes: 1, withoutAgenda: 0 } }), NOW)?.health).toBe('on_track');
  });

  it('needs attention when neither of its last two meetings had an agenda before it', () => {
    expect(judgeHealth(facts({ recent: { count: 2, withoutNotes: 2, withoutAgenda: 2 } }), NOW)).toEqual({
      health: 'needs_attention',
      reasons: ['no_notes', 'no_agenda'],
    });
  });

  it('is not judged on notes or agendas before it has had two meetings', () => {
    expect(judgeHealth(facts({ recent: { count: 1, withoutNotes: 1, withoutAgenda: 1 } }), NOW)?.health).toBe('on_track');
  });
});

describe('a check-in during the mentorship', () => {
  it('makes the pair need attention when the latest check-in either person shared says "not working"', () => {
    expect(judgeHealth(facts({ sharedNotWorking: true }), NOW)).toEqual({ health: 'needs_attention', reasons: ['check_in_not_working'] });
    expect(judgeHealth(facts({ status: 'paused', lastHeldAt: daysAgo(60), sharedNotWorking: true }), NOW)?.health).toBe('needs_attention');
  });

  it('leaves a stalled pair stalled (naming the check-in too), and an ended pair without health', () => {
    expect(judgeHealth(facts({ lastHeldAt: daysAgo(30), sharedNotWorking: true }), NOW)).toEqual({
      health: 'stalled',
      reasons: ['no_meeting_held', 'check_in_not_working'],
    });
    expect(judgeHealth(facts({ status: 'ended', sharedNotWorking: true }), NOW)).toBeNull();
  });
});

describe('a paused pair', () => {
  it('is never stalled (it is not meeting on purpose), but still needs attention for what its last meetings missed', () => {
    expect(judgeHealth(facts({ status: 'paused', lastHeldAt: daysAgo(60) }), NOW)).toEqual({ health: 'on_track', reasons: [] });
    expect(judgeHealth(facts({ status: 'paused', lastHeldAt: daysAgo(60), recent: { count: 2, withoutNotes: 2, withoutAgenda: 0 } }), NOW)?.health).toBe(
      'needs_attention',
    );
  });
});

describe('an ended pair', () => {
  it('has no health', () => {
    expect(judgeHealth(facts({ status: 'ended', lastHeldAt: daysAgo(90), recent: { count: 2, withoutNotes: 2, withoutAgenda: 2 } }), NOW)).toBeNull();
  });
});
