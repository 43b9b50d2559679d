import type { ActionItem } from '../../../../src/db/schema';
import { overdueReason } from '../../../../src/domain/meetings/overdue';

const item = (over: Partial<ActionItem>): ActionItem => ({
  id: 'i',
  team_id: 'T1',
  pair_id: 'p',
  meeting_id: 'm',
  owner_id: 'UTHEO',
  body: 'write the doc',
  due_on: null,
  done_at: null,
  done_by: null,
  created_by: 'UMARIA',
  created_at: new Date('2026-12-01T10:00:00Z'),
  overdue_nudged_at: null,
  ...over,
});

describe('when an action item is overdue', () => {
  it('a dated item: once its due date is over in the owner’s zone', () => {
    const dated = { item: item({ due_on: '2026-12-07' }), ownerZone: 'America/New_York', nextMeetingEndedAt: null };
    // 04:00Z on 8 Dec is still 7 Dec in New York; 05:00Z is 8 Dec there.
    expect(overdueReason(dated, new Date('2026-12-08T04:00:00Z'))).toBeNull();
    expect(overdueReason(dated, new Date('2026-12-08T05:00:00Z'))).toEqual({ kind: 'due', dueOn: '2026-12-07' });
    expect(overdueReason({ ...dated, ownerZone: 'Pacific/Kiritimati' }, new Date('2026-12-07T11:00:00Z'))).toEqual({ kind: 'due', dueOn: '2026-12-07' });
  });

  it('an undated item: once the meeting after its own has ended; never without a meeting', () => {
    const endedAt = new Date('2026-12-08T09:45:00Z');
    const undated = { item: item({}), ownerZone: 'UTC', nextMeetingEndedAt: endedAt };
    expect(overdueReason(undated, new Date('2026-12-08T09:44:00Z'))).toBeNull();
    expect(overdueReason(undated, endedAt)).toEqual({ kind: 'next_meeting', endedAt });
    expect(overdueReason({ ...undated, nextMeetingEndedAt: null }, new Date('2026-12-20T00:00:00Z'))).toBeNull();
    expect(overdueReason({ ...undated, item: item({ meeting_id: null }) }, new Date('2026-12-20T00:00:00Z'))).toBeNull();
  });

  it('a done item never is', () => {
    const done = { item: item({ due_on: '2026-12-07', done_at: new Date('2026-12-06T10:00:00Z') }), ownerZone: 'UTC', nextMeetingEndedAt: null };
    expect(overdueReason(done, new Date('2026-12-10T00:00:00Z'))).toBeNull();
  });
});
