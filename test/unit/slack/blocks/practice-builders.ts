import type { Meeting, Pair } from '../../../../src/db/schema';
import type { PairChoice } from '../../../../src/domain/pairs/pair-choices';
import { NO_LIFECYCLE } from '../../../support/lifecycle-rows';

/** Row factories for the builder tests: worst cases are built by overriding fields. */
let counter = 0;
export const uuid = (): string => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
export const at = new Date('2026-11-23T12:00:00Z');

export function pairRow(over: Partial<Pair> = {}): Pair {
  return {
    id: uuid(),
    team_id: 'T1',
    mentor_id: 'UMENTOR',
    mentee_id: 'UMENTEE',
    goals_channel_id: 'CG',
    cadence: 'weekly',
    meeting_time: '10:00',
    time_zone: 'Europe/Berlin',
    first_meeting_on: '2026-12-01',
    meeting_minutes: 45,
    status: 'active',
    started_on: '2026-11-23',
    planned_end_on: '2027-05-23',
    anchor_sequence: 0,
    upcoming_valid_until: null,
    wrap_up_planned_at: null,
    created_by: 'UMENTOR',
    ...NO_LIFECYCLE,
    created_at: at,
    updated_at: at,
    ...over,
  };
}

export function meetingRow(over: Partial<Meeting> = {}): Meeting {
  return {
    id: uuid(),
    team_id: 'T1',
    pair_id: uuid(),
    sequence: 0,
    scheduled_at: new Date('2026-12-01T09:00:00Z'),
    duration_minutes: 45,
    status: 'scheduled',
    rescheduled_from: null,
    feedback_focus: null,
    shared_highlight: null,
    takeaways: null,
    feedback_received: null,
    feedback_application: null,
    notes_recorded_by: null,
    notes_recorded_at: null,
    agenda_shared_at: null,
    reminders_planned_at: null,
    created_at: at,
    updated_at: at,
    ...over,
  };
}

export function choices(n: number): PairChoice[] {
  return Array.from({ length: n }, (_, i) => ({ pair: pairRow({ mentee_id: `UMENTEE${i}` }), role: 'mentor' as const, otherId: `UMENTEE${i}` }));
}

/** Text a person could type that Slack would read as control sequences if it were not escaped. */
export const HOSTILE = '<!channel> <@U999> <#C1> <https://evil.example|x> & ';
export const hostile = (length: number): string => HOSTILE.repeat(Math.ceil(length / HOSTILE.length)).slice(0, length);
