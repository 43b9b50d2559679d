import { randomUUID } from 'node:crypto';
import type { Goal, Meeting, MeetingStatus, Pair, PairStatus, Person } from '../../../src/db/schema';
import type { Appreciation } from '../../../src/domain/appreciation/appreciation.repository';
import type { Recorded } from '../../../src/domain/effects/effects';
import type { DomainEvent } from '../../../src/domain/effects/events';
import type { FeedbackRequest } from '../../../src/domain/feedback/feedback.repository';

/** The rows the in-memory stores keep, table by table. */
export interface Tables {
  people: Person[];
  pairs: Pair[];
  meetings: Meeting[];
  feedbackRequests: FeedbackRequest[];
  appreciations: Appreciation[];
  goals: Goal[];
  /** What committed transactions recorded, in order: the in-memory outbox. */
  events: Array<{ teamId: string; event: DomainEvent }>;
}

const empty = (): Tables => ({ people: [], pairs: [], meetings: [], feedbackRequests: [], appreciations: [], goals: [], events: [] });

/**
 * A workspace in memory, for the fast test tier. Transactions run one after another (as if each took
 * every lock it needs) and a throw rolls back everything the transaction wrote, events included, so a
 * service shows the same all-or-nothing behaviour it has on PostgreSQL.
 */
export class MemoryWorld {
  tables: Tables = empty();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly teamId = 'T1') {}

  transaction<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      const before = structuredClone(this.tables);
      try {
        return await work();
      } catch (error) {
        this.tables = before;
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The effects recorder's in-memory half: the events, kept with the change that caused them. */
  record(teamId: string, events: readonly DomainEvent[]): Promise<Recorded> {
    this.tables.events.push(...events.map((event) => ({ teamId, event })));
    return Promise.resolve({ teamId, outboxIds: [], homeUsers: [] });
  }

  eventsOfType<K extends DomainEvent['type']>(type: K): Array<Extract<DomainEvent, { type: K }>> {
    return this.tables.events.map((row) => row.event).filter((event): event is Extract<DomainEvent, { type: K }> => event.type === type);
  }

  person(userId: string, timeZone = 'Europe/Berlin', dmChannelId: string | null = `D${userId}`): Person {
    const row: Person = {
      team_id: this.teamId,
      user_id: userId,
      display_name: userId,
      time_zone: timeZone,
      dm_channel_id: dmChannelId,
      reminders_paused_until: null,
      prep_lead_minutes: 60,
      created_at: new Date(0),
      updated_at: new Date(0),
    };
    this.tables.people.push(row);
    return row;
  }

  pair(mentorId: string, menteeId: string, status: PairStatus = 'active'): Pair {
    for (const userId of [mentorId, menteeId]) if (!this.findPerson(this.teamId, userId)) this.person(userId);
    const row: Pair = {
      id: randomUUID(),
      team_id: this.teamId,
      mentor_id: mentorId,
      mentee_id: menteeId,
      goals_channel_id: 'CGOALS',
      cadence: 'weekly',
      meeting_time: '10:00',
      time_zone: 'Europe/Berlin',
      first_meeting_on: '2026-12-01',
      meeting_minutes: 45,
      status,
      started_on: '2026-11-01',
      planned_end_on: '2027-05-01',
      anchor_sequence: 1,
      upcoming_valid_until: null,
      wrap_up_planned_at: null,
      created_by: mentorId,
      created_at: new Date(0),
      updated_at: new Date(0),
    };
    this.tables.pairs.push(row);
    return row;
  }

  meeting(pairId: string, sequence: number, at: string, status: MeetingStatus = 'scheduled'): Meeting {
    const row: Meeting = {
      id: randomUUID(),
      team_id: this.teamId,
      pair_id: pairId,
      sequence,
      scheduled_at: new Date(at),
      duration_minutes: 45,
      status,
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
      created_at: new Date(0),
      updated_at: new Date(0),
    };
    this.tables.meetings.push(row);
    return row;
  }

  goal(pairId: string, title: string, change: Partial<Goal> = {}): Goal {
    const row: Goal = {
      id: randomUUID(),
      team_id: this.teamId,
      pair_id: pairId,
      title,
      specific: 'Give a talk at the guild',
      measurable: 'One talk',
      achievable: null,
      relevant: null,
      objective: null,
      target_date: '2027-03-01',
      status: 'awaiting_approval',
      version: 2,
      approved_by: null,
      approved_at: null,
      changes_comment: null,
      share_channel_id: null,
      share_message_ts: null,
      achieved_at: null,
      reflection: null,
      created_by: this.findPair(this.teamId, pairId)?.mentee_id ?? 'UMENTEE',
      created_at: new Date(0),
      updated_at: new Date(0),
      ...change,
    };
    this.tables.goals.push(row);
    return row;
  }

  findPerson(teamId: string, userId: string): Person | undefined {
    return this.tables.people.find((row) => row.team_id === teamId && row.user_id === userId);
  }

  findPair(teamId: string, pairId: string): Pair | undefined {
    return this.tables.pairs.find((row) => row.team_id === teamId && row.id === pairId);
  }

  zones(teamId: string, userIds: readonly string[]): Record<string, string> {
    return Object.fromEntries(userIds.map((id) => [id, this.findPerson(teamId, id)?.time_zone ?? 'UTC']));
  }
}
