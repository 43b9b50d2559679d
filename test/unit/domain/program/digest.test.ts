import { digestDue, digestWindowOpen } from '../../../../src/domain/program/digest';

const at = (iso: string) => new Date(iso);

describe('when the weekly digest is due', () => {
  it('is due from Monday 09:00 in the coordinator zone, for the 12 hours after', () => {
    expect(digestDue(at('2026-12-06T23:59:00Z'), 'Asia/Tokyo')).toBeNull();
    expect(digestDue(at('2026-12-07T00:00:00Z'), 'Asia/Tokyo')).toEqual({ week: '2026-12-07', dueAt: at('2026-12-07T00:00:00Z') });
    expect(digestDue(at('2026-12-07T11:59:00Z'), 'Asia/Tokyo')?.week).toBe('2026-12-07');
    expect(digestDue(at('2026-12-07T12:00:00Z'), 'Asia/Tokyo')).toBeNull();
  });

  it('follows the zone: 09:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer', () => {
    expect(digestDue(at('2026-12-07T13:59:00Z'), 'America/New_York')).toBeNull();
    expect(digestDue(at('2026-12-07T14:00:00Z'), 'America/New_York')?.dueAt).toEqual(at('2026-12-07T14:00:00Z'));
    expect(digestDue(at('2026-06-01T13:00:00Z'), 'America/New_York')?.week).toBe('2026-06-01');
  });

  it('is never due on another day, and falls back to UTC for a zone it does not know', () => {
    for (const day of ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']) {
      expect(digestDue(at(`${day}T09:00:00Z`), 'UTC')).toBeNull();
    }
    expect(digestDue(at('2026-12-07T09:00:00Z'), 'Not/AZone')?.week).toBe('2026-12-07');
  });

  it('lets a pass look only between Sunday 19:00 and Tuesday 09:00 UTC, which covers every zone', () => {
    expect(digestWindowOpen(at('2026-12-06T18:59:00Z'))).toBe(false);
    expect(digestWindowOpen(at('2026-12-06T19:00:00Z'))).toBe(true);
    expect(digestWindowOpen(at('2026-12-08T08:59:00Z'))).toBe(true);
    expect(digestWindowOpen(at('2026-12-08T09:00:00Z'))).toBe(false);
    expect(digestWindowOpen(at('2026-12-10T12:00:00Z'))).toBe(false);
    // Kiritimati (UTC+14) and Baker Island's zone (UTC-12): both inside.
    expect(digestDue(at('2026-12-06T19:00:00Z'), 'Pacific/Kiritimati')).not.toBeNull();
    expect(digestDue(at('2026-12-08T08:59:00Z'), 'Etc/GMT+12')).not.toBeNull();
  });
});
