import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import { coordinates, type WorkspaceStanding } from '../pairs/coordinators';
import { findPerson } from '../people/people.repository';
import { judgeHealth } from './health';
import {
  ADDED_SHOWN,
  EXPORT_PAGE_SIZE,
  type ExportPair,
  type HealthCounts,
  matchingCount,
  type Overview,
  type OverviewPair,
  PAGE_SIZE,
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
    const [standing, added] = await Promise.all([slack.standingOf(userId), repo.isAdded(this.db, teamId, userId)]);
    return coordinates(standing, added);
  }

  async overview(actor: Actor, slack: WorkspaceStanding, filter: Overview['filter'], page: number): Promise<Overview> {
    await this.mustCoordinate(actor, slack);
    const now = this.clock();
    const [groups, found, added, viewer] = await Promise.all([
      repo.overviewCounts(this.db, actor.teamId, now),
      repo.overviewPage(this.db, actor.teamId, now, filter, { offset: page * PAGE_SIZE, size: PAGE_SIZE }),
      repo.listAdded(this.db, actor.teamId, ADDED_SHOWN),
      findPerson(this.db, actor.teamId, actor.userId),
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

  /** The counts a coordinator's Home shows; null for anyone else (their Home has no such section). */
  async homeSummary(teamId: string, userId: string, slack: WorkspaceStanding): Promise<HealthCounts | null> {
    if (!(await this.isCoordinator(teamId, userId, slack))) return null;
    return tally(await repo.overviewCounts(this.db, teamId, this.clock()));
  }

  async addCoordinator(actor: Actor, slack: WorkspaceStanding, userId: string): Promise<CoordinatorChange> {
    await this.mustCoordinate(actor, slack);
    const standing = await slack.standingOf(userId);
    if (standing.bot || standing.deleted) throw new DomainError('invalid_input', `<@${userId}> can't coordinate: pick a person with an active account.`);
    if (standing.admin) return { kind: 'admin_already', userId };
    return { kind: (await repo.addCoordinator(this.db, actor.teamId, userId, actor.userId)) ? 'added' : 'already_added', userId };
  }

  async removeCoordinator(actor: Actor, slack: WorkspaceStanding, userId: string): Promise<CoordinatorChange> {
    await this.mustCoordinate(actor, slack);
    const [standing, removed] = await Promise.all([slack.standingOf(userId), repo.removeCoordinator(this.db, actor.teamId, userId)]);
    if (standing.admin) return { kind: removed ? 'removed_still_admin' : 'admin_not_removable', userId };
    return { kind: removed ? 'removed' : 'not_added', userId };
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
    sharedCheckInNote: row.shared_not_working ? row.shared_note : null,
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
