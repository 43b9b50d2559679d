import type { Kysely } from 'kysely';
import type { UserFixture } from '../../src/devtools/slack-stand-in';
import type { AgendaItemKind, Cadence, Database, FeedbackStatus, GoalStatus, MeetingStatus, Pair, PairStatus } from '../../src/db/schema';

/**
 * Rows for dashboard tests, written straight with Kysely: the features that normally write them
 * (goals, meetings, practice) live on other branches, and a dashboard test needs exact states anyway
 * (a meeting held a week ago, an answer given yesterday…). Ids come back so tests can assert on buttons.
 */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export class HomeFixtures {
  constructor(
    private readonly db: Kysely<Database>,
    readonly teamId: string,
  ) {}

  /** Stored as the bot stores a person: by the name Slack shows (the real name), not the handle. */
  async person(user: { id: string; name: string; realName?: string; tz: string }): Promise<void> {
    const displayName = user.realName ?? user.name;
    await this.db
      .insertInto('workspaces')
      .values({ team_id: this.teamId })
      .onConflict((oc) => oc.column('team_id').doNothing())
      .execute();
    await this.db
      .insertInto('people')
      .values({ team_id: this.teamId, user_id: user.id, display_name: displayName, time_zone: user.tz, dm_channel_id: null, reminders_paused_until: null })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ display_name: displayName, time_zone: user.tz }))
      .execute();
  }

  /**
   * A mentor in Berlin and a mentee in New York, known to the stand-in and to the database; with
   * `realNames`, Slack knows them by a capitalised real name besides their lower-case handle.
   */
  async people(standIn: { addUser(user: UserFixture): void }, label: string, options: { realNames?: boolean } = {}) {
    const named = (first: string) => (options.realNames ? { realName: `${first} ${label}` } : {});
    const mentor = { id: `UM${label}`, name: `maria-${label.toLowerCase()}`, tz: 'Europe/Berlin', ...named('Maria') };
    const mentee = { id: `UE${label}`, name: `theo-${label.toLowerCase()}`, tz: 'America/New_York', ...named('Theo') };
    for (const person of [mentor, mentee]) {
      standIn.addUser(person);
      await this.person(person);
    }
    return { mentor, mentee };
  }

  async pair(o: { mentorId: string; menteeId: string; createdAt: Date; cadence?: Cadence; plannedEndOn?: string; status?: PairStatus }): Promise<Pair> {
    return this.db
      .insertInto('pairs')
      .values({
        team_id: this.teamId,
        mentor_id: o.mentorId,
        mentee_id: o.menteeId,
        goals_channel_id: 'CGOALS',
        cadence: o.cadence ?? 'biweekly',
        meeting_time: '10:00',
        time_zone: 'Europe/Berlin',
        first_meeting_on: o.createdAt.toISOString().slice(0, 10),
        meeting_minutes: 45,
        status: o.status ?? 'active',
        started_on: o.createdAt.toISOString().slice(0, 10),
        planned_end_on: o.plannedEndOn ?? new Date(o.createdAt.getTime() + 180 * DAY).toISOString().slice(0, 10),
        created_by: o.mentorId,
        created_at: o.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async meeting(
    pair: Pair,
    o: {
      sequence: number;
      at: Date;
      status?: MeetingStatus;
      minutes?: number;
      takeaways?: string;
      feedbackFocus?: string;
      sharedHighlight?: string;
      agendaSharedAt?: Date;
    },
  ): Promise<string> {
    const row = await this.db
      .insertInto('meetings')
      .values({
        team_id: this.teamId,
        pair_id: pair.id,
        sequence: o.sequence,
        scheduled_at: o.at,
        duration_minutes: o.minutes ?? 45,
        status: o.status ?? 'scheduled',
        rescheduled_from: null,
        feedback_focus: o.feedbackFocus ?? null,
        shared_highlight: o.sharedHighlight ?? null,
        takeaways: o.takeaways ?? null,
        feedback_received: null,
        feedback_application: null,
        notes_recorded_by: o.takeaways ? pair.mentee_id : null,
        notes_recorded_at: o.takeaways ? o.at : null,
        agenda_shared_at: o.agendaSharedAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The meetings feature recording notes: the meeting becomes held with its takeaways. */
  async recordNotes(meetingId: string, takeaways: string, by: string, at: Date): Promise<void> {
    await this.db
      .updateTable('meetings')
      .set({ status: 'held', takeaways, notes_recorded_by: by, notes_recorded_at: at })
      .where('id', '=', meetingId)
      .execute();
  }

  async agendaItem(meetingId: string, o: { authorId: string; kind: AgendaItemKind; body: string }): Promise<void> {
    await this.db
      .insertInto('agenda_items')
      .values({ team_id: this.teamId, meeting_id: meetingId, author_id: o.authorId, kind: o.kind, body: o.body, url: null })
      .execute();
  }

  async goal(
    pair: Pair,
    o: {
      title: string;
      status?: GoalStatus;
      targetDate: string;
      keyResults?: Array<{ target: number; current: number; done?: boolean }>;
      milestones?: boolean[];
    },
  ): Promise<string> {
    const status = o.status ?? 'approved';
    const approved = status === 'approved' || status === 'achieved';
    const goal = await this.db
      .insertInto('goals')
      .values({
        team_id: this.teamId,
        pair_id: pair.id,
        title: o.title,
        specific: null,
        measurable: null,
        achievable: null,
        relevant: null,
        objective: null,
        target_date: o.targetDate,
        status,
        approved_by: approved ? pair.mentor_id : null,
        approved_at: approved ? new Date('2026-11-01T00:00:00Z') : null,
        changes_comment: null,
        share_channel_id: null,
        share_message_ts: null,
        achieved_at: status === 'achieved' ? new Date('2026-11-01T00:00:00Z') : null,
        reflection: null,
        created_by: pair.mentee_id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = [
      ...(o.keyResults ?? []).map((kr, i) => ({
        kind: 'key_result' as const,
        title: `KR ${i + 1}`,
        target_value: kr.target,
        current_value: kr.current,
        done: kr.done ?? false,
        position: i,
      })),
      ...(o.milestones ?? []).map((done, i) => ({
        kind: 'milestone' as const,
        title: `Milestone ${i + 1}`,
        target_value: null,
        current_value: 0,
        done,
        position: 100 + i,
      })),
    ];
    if (items.length > 0) {
      await this.db
        .insertInto('goal_progress_items')
        .values(items.map((item) => ({ ...item, team_id: this.teamId, goal_id: goal.id, due_date: null, updated_by: null })))
        .execute();
    }
    return goal.id;
  }

  async actionItem(pair: Pair, o: { ownerId: string; body: string; dueOn?: string; meetingId?: string; doneAt?: Date; createdAt: Date }): Promise<string> {
    const row = await this.db
      .insertInto('action_items')
      .values({
        team_id: this.teamId,
        pair_id: pair.id,
        meeting_id: o.meetingId ?? null,
        owner_id: o.ownerId,
        body: o.body,
        due_on: o.dueOn ?? null,
        done_at: o.doneAt ?? null,
        done_by: o.doneAt ? o.ownerId : null,
        created_by: pair.mentee_id,
        created_at: o.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The meetings feature ticking an item done. */
  async tick(actionItemId: string, by: string, at: Date): Promise<void> {
    await this.db.updateTable('action_items').set({ done_at: at, done_by: by }).where('id', '=', actionItemId).execute();
  }

  async feedback(
    pair: Pair,
    o: {
      requesterId: string;
      responderId: string;
      area: string;
      createdAt: Date;
      meetingId?: string;
      answer?: string;
      answeredAt?: Date;
      status?: FeedbackStatus;
    },
  ): Promise<void> {
    await this.db
      .insertInto('feedback_requests')
      .values({
        team_id: this.teamId,
        pair_id: pair.id,
        meeting_id: o.meetingId ?? null,
        requester_id: o.requesterId,
        responder_id: o.responderId,
        area: o.area,
        question: `How am I doing with ${o.area}?`,
        status: o.status ?? (o.answer ? 'answered' : 'requested'),
        answer: o.answer ?? null,
        answered_at: o.answer ? (o.answeredAt ?? o.createdAt) : null,
        application: null,
        applied_at: null,
        created_at: o.createdAt,
      })
      .execute();
  }

  async resource(
    pair: Pair,
    o: { title: string; url?: string; recommendedBy: string; createdAt: Date; exploredBy?: string; exploredAt?: Date; takeaway?: string },
  ): Promise<void> {
    await this.db
      .insertInto('learning_resources')
      .values({
        team_id: this.teamId,
        pair_id: pair.id,
        title: o.title,
        url: o.url ?? null,
        kind: 'book',
        recommended_by: o.recommendedBy,
        explored_at: o.exploredAt ?? null,
        explored_by: o.exploredAt ? (o.exploredBy ?? pair.mentee_id) : null,
        takeaway: o.takeaway ?? null,
        created_at: o.createdAt,
      })
      .execute();
  }

  async appreciation(pair: Pair, o: { fromId: string; toId: string; message: string; createdAt: Date; meetingId?: string }): Promise<void> {
    await this.db
      .insertInto('appreciations')
      .values({
        team_id: this.teamId,
        pair_id: pair.id,
        meeting_id: o.meetingId ?? null,
        from_id: o.fromId,
        to_id: o.toId,
        message: o.message,
        created_at: o.createdAt,
      })
      .execute();
  }

  async journal(pair: Pair, o: { authorId: string; text: string; createdAt: Date }): Promise<void> {
    await this.db
      .insertInto('journal_entries')
      .values({ team_id: this.teamId, author_id: o.authorId, pair_id: pair.id, went_well: o.text, learned: o.text, try_next: null, created_at: o.createdAt })
      .execute();
  }

  /**
   * Months of history in a few batched inserts: held meetings every week before `now`, goals, open
   * action items and explored resources, each by the hundred if asked.
   */
  async longHistory(pair: Pair, now: Date, o: { meetings: number; goals: number; actionItems: number; resources: number }): Promise<void> {
    const meetings = Array.from({ length: o.meetings }, (_, i) => ({
      team_id: this.teamId,
      pair_id: pair.id,
      sequence: i,
      scheduled_at: new Date(now.getTime() - (o.meetings - i) * 7 * DAY),
      duration_minutes: 45,
      status: 'held' as const,
      takeaways: `Takeaways of meeting ${i}`,
    }));
    if (meetings.length) await this.db.insertInto('meetings').values(meetings).execute();
    const goals = Array.from({ length: o.goals }, (_, i) => ({
      team_id: this.teamId,
      pair_id: pair.id,
      title: `Goal number ${i} with a rather long title that goes on and on about what will be achieved`,
      target_date: '2027-06-01',
      status: i % 3 === 0 ? ('achieved' as const) : ('approved' as const),
      approved_by: pair.mentor_id,
      approved_at: now,
      created_by: pair.mentee_id,
    }));
    if (goals.length) await this.db.insertInto('goals').values(goals).execute();
    const items = Array.from({ length: o.actionItems }, (_, i) => ({
      team_id: this.teamId,
      pair_id: pair.id,
      owner_id: i % 2 ? pair.mentor_id : pair.mentee_id,
      body: `Action item ${i}: ${'follow up on the thing we discussed '.repeat(5)}`,
      due_on: `2027-0${1 + (i % 9)}-15`,
      created_by: pair.mentee_id,
      created_at: new Date(now.getTime() - i * HOUR),
    }));
    if (items.length) await this.db.insertInto('action_items').values(items).execute();
    const resources = Array.from({ length: o.resources }, (_, i) => ({
      team_id: this.teamId,
      pair_id: pair.id,
      title: `Resource ${i}`,
      recommended_by: pair.mentor_id,
      explored_at: new Date(now.getTime() - i * HOUR),
      explored_by: pair.mentee_id,
      takeaway: 'Worth it. '.repeat(30),
    }));
    if (resources.length) await this.db.insertInto('learning_resources').values(resources).execute();
  }

  async setGoalStatus(goalId: string, status: GoalStatus, by: string, at: Date): Promise<void> {
    const approved = status === 'approved' ? { approved_by: by, approved_at: at } : {};
    await this.db
      .updateTable('goals')
      .set({ status, ...approved })
      .where('id', '=', goalId)
      .execute();
  }

  async setPlannedEnd(pair: Pair, plannedEndOn: string): Promise<void> {
    await this.db.updateTable('pairs').set({ planned_end_on: plannedEndOn }).where('id', '=', pair.id).execute();
  }
}
