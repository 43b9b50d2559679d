import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import { coordinates, type Standing, type WorkspaceStanding } from '../pairs/coordinators';
import { findPerson } from '../people/people.repository';
import { HABIT_WINDOW_DAYS, type HabitCounts, type HabitTrend, tallyHabits } from './habits';
import { judgeHealth } from './health';
import {
  ADDED_SHOWN,
  EXPORT_PAGE_SIZE,
  type ExportPair,
  matchingCount,
  type Overview,
  type OverviewPair,
  PAGE_SIZE,
  type ProgramSummary,
  type ProgramExport,
  tally,
} from './overview';
import * as repo from './program.repository';

export const NOT_COORDINATOR =
  'The program overview is for program coordinators: workspace admins and owners, and the people a coordinator added. Ask one of them if you need it. Nothing was changed.';

/** What a coordinator's change to the coordinator list did, for the line the modal shows. */
export type CoordinatorChange = {
  kind: 'added' | 'already_added' | 'admin_already' | 'removed' | 'removed_still_admin' | 'admin_not_removable' | 'not_added';
  userId: string;
};

/**
 * The program coordinators' use cases (issue 16, points 1 and 2): who coordinates, the overview of
 * the workspace's pairs and the Home summary. Every one refuses anyone who does not coordinate.
 * Coordinators see names, dates, states and counts, never anything a pair typed: the queries behind
 * this service read no text column.
 */
export class ProgramService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /** The one coordinator check: Slack's word (admin or owner, not deactivated) or added by a coordinator. */
  async isCoordinator(teamId: string, userId: string, slack: WorkspaceStanding): Promise<boolean> {
    const [standing, added] = await Promise.all([this.standingOf(teamId, userId, slack), repo.isAdded(this.db, teamId, userId)]);
    return coordinates(standing, added);
  }

  async overview(actor: Actor, slack: WorkspaceStanding, filter: Overview['filter'], page: number): Promise<Overview> {
    await this.mustCoordinate(actor, slack);
    const now = this.clock();
    const [groups, found, added, viewer, habits] = await Promise.all([
      repo.overviewCounts(this.db, actor.teamId, now),
      repo.overviewPage(this.db, actor.teamId, now, filter, { offset: page * PAGE_SIZE, size: PAGE_SIZE }),
      repo.listAdded(this.db, actor.teamId, ADDED_SHOWN),
      findPerson(this.db, actor.teamId, actor.userId),
      habitTrend(this.db, actor.teamId, now),
    ]);
    return {
      viewerId: actor.userId,
      viewerZone: viewer?.time_zone ?? 'UTC',
      now,
      filter,
      page,
      pairs: found.rows.map((row) => pairOf(row, now)),
      matching: matchingCount(groups, filter),
      more: found.more,
      counts: tally(groups),
      habits,
      added,
    };
  }

  /**
   * Every pair of the workspace for the CSV export (issue 16, point 6), read a page at a time so
   * a program of 10,000 pairs never loads all their meetings and goals in one go.
   */
  async exportPairs(actor: Actor, slack: WorkspaceStanding): Promise<ProgramExport> {
    await this.mustCoordinate(actor, slack);
    const now = this.clock();
    const viewer = await findPerson(this.db, actor.teamId, actor.userId);
    const pairs: ExportPair[] = [];
    let cursor: repo.ExportCursor | null = null;
    for (;;) {
      const rows = await repo.exportPage(this.db, actor.teamId, now, cursor, EXPORT_PAGE_SIZE);
      pairs.push(...rows.map((row) => exportPairOf(row, now)));
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_PAGE_SIZE) break;
      cursor = { createdAt: last.cursor_at, id: last.id };
    }
    return { viewerZone: viewer?.time_zone ?? 'UTC', now, pairs };
  }

  /** The counts and habits a coordinator's Home shows; null for anyone else (their Home has no such section). */
  async homeSummary(teamId: string, userId: string, slack: WorkspaceStanding): Promise<ProgramSummary | null> {
    if (!(await this.isCoordinator(teamId, userId, slack))) return null;
    const now = this.clock();
    const [groups, habits] = await Promise.all([repo.overviewCounts(this.db, teamId, now), habitTrend(this.db, teamId, now)]);
    return { counts: tally(groups), habits };
  }

  /** The habits for the chart a coordinator asked for (issue 16, point 4); refuses anyone else. */
  async habits(actor: Actor, slack: WorkspaceStanding): Promise<{ habits: HabitTrend; now: Date }> {
    await this.mustCoordinate(actor, slack);
    const now = this.clock();
    return { habits: await habitTrend(this.db, actor.teamId, now), now };
  }

  async addCoordinator(actor: Actor, slack: WorkspaceStanding, userId: string): Promise<CoordinatorChange> {
    await this.mustCoordinate(actor, slack);
    const standing = await this.standingOf(actor.teamId, userId, slack);
    if (standing.bot || standing.deleted) throw new DomainError('invalid_input', `<@${userId}> can't coordinate: pick a person with an active account.`);
    if (standing.admin) return { kind: 'admin_already', userId };
    return { kind: (await repo.addCoordinator(this.db, actor.teamId, userId, actor.userId)) ? 'added' : 'already_added', userId };
  }

  async removeCoordinator(actor: Actor, slack: WorkspaceStanding, userId: string): Promise<CoordinatorChange> {
    await this.mustCoordinate(actor, slack);
    const [standing, removed] = await Promise.all([this.standingOf(actor.teamId, userId, slack), repo.removeCoordinator(this.db, actor.teamId, userId)]);
    if (standing.admin) return { kind: removed ? 'removed_still_admin' : 'admin_not_removable', userId };
    return { kind: removed ? 'removed' : 'not_added', userId };
  }

  /**
   * Slack's word on a person's role, recorded as it is read (workspace_admins) so the scheduler knows
   * whom to send the weekly digest; a failed record never fails the check.
   */
  private async standingOf(teamId: string, userId: string, slack: WorkspaceStanding): Promise<Standing> {
    const standing = await slack.standingOf(userId);
    const admin = standing.admin && !standing.deleted && !standing.bot;
    await repo.recordAdmin(this.db, teamId, userId, admin, this.clock()).catch(() => undefined);
    return standing;
  }

  /** Refuses (DomainError `forbidden`) anyone who does not coordinate; for the program's actions that live elsewhere (bulk enrolment). */
  async mustCoordinate(actor: Actor, slack: WorkspaceStanding): Promise<void> {
    if (!(await this.isCoordinator(actor.teamId, actor.userId, slack))) throw new DomainError('forbidden', NOT_COORDINATOR);
  }
}

function pairOf(row: repo.OverviewRow, now: Date): OverviewPair {
  const judgement = judgeHealth(
    {
      status: row.status,
      startedOn: row.started_on,
      createdAt: row.created_at,
      lastHeldAt: row.last_held_at,
      recent: { count: row.recent_count, withoutNotes: row.recent_without_notes, withoutAgenda: row.recent_without_agenda },
      sharedNotWorking: row.shared_not_working,
    },
    now,
  );
  return {
    id: row.id,
    status: row.status,
    mentorId: row.mentor_id,
    menteeId: row.mentee_id,
    startedOn: row.started_on,
    plannedEndOn: row.planned_end_on,
    lastHeldAt: row.last_held_at,
    nextAt: row.next_at,
    judgement,
  };
}

/** The last 30 days' habits against the 30 before, for the workspace's pairs active in each window. */
export async function habitTrend(db: Kysely<Database>, teamId: string, now: Date): Promise<HabitTrend> {
  const currentFrom = new Date(now.getTime() - HABIT_WINDOW_DAYS * 86_400_000);
  const previousFrom = new Date(currentFrom.getTime() - HABIT_WINDOW_DAYS * 86_400_000);
  const rows = await repo.habitCounts(db, teamId, now, currentFrom, previousFrom);
  return {
    current: tallyHabits(rows.filter((row) => row.in_current).map((row) => habitCountsOf(row, 'cur'))),
    previous: tallyHabits(rows.filter((row) => row.in_previous).map((row) => habitCountsOf(row, 'prev'))),
  };
}

function habitCountsOf(row: repo.HabitRow, window: 'cur' | 'prev'): HabitCounts {
  const at = <K extends string>(name: K) => row[`${window}_${name}` as keyof repo.HabitRow] as number;
  return {
    goals: at('goals'),
    meetings: at('meetings'),
    agendaBefore: at('agenda_before'),
    withNotes: at('with_notes'),
    feedbackAsked: at('feedback'),
    resourcesExplored: at('resources'),
    highlights: at('meeting_highlights') + at('updates'),
    thanks: at('thanks'),
  };
}

function exportPairOf(row: repo.ExportRow, now: Date): ExportPair {
  return {
    ...pairOf(row, now),
    mentorName: row.mentor_name,
    menteeName: row.mentee_name,
    counts: {
      meetingsHeld: row.meetings_held,
      goals: row.goals,
      goalsAchieved: row.goals_achieved,
      agendasShared: row.agendas_shared,
      notesRecorded: row.notes_recorded,
      feedbackAsked: row.feedback_asked,
      resourcesExplored: row.resources_explored,
      thanksSaid: row.thanks_said,
    },
  };
}
