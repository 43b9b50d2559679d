import type { LocalDate, PairStatus } from '../../db/schema';
import type { HabitTrend } from './habits';
import { HEALTHS, type Judgement, type PairHealth } from './health';

/** Pairs per page of the overview: with the filters, counts, paging and coordinators, a modal stays far below Slack's 100 blocks. */
export const PAGE_SIZE = 20;
/** Added coordinators named in the modal (the rest are counted). */
export const ADDED_SHOWN = 30;

export const STATES: readonly PairStatus[] = ['invited', 'active', 'paused', 'ended'];

/** One pair as a coordinator sees it: names (ids), dates, state and health, nothing anyone typed. */
export interface OverviewPair {
  id: string;
  status: PairStatus;
  mentorId: string;
  menteeId: string;
  startedOn: LocalDate;
  plannedEndOn: LocalDate;
  lastHeldAt: Date | null;
  nextAt: Date | null;
  judgement: Judgement | null;
}

export interface HealthCounts {
  /** Pairs that have not ended, by health. */
  byHealth: Record<PairHealth, number>;
  byStatus: Record<PairStatus, number>;
  total: number;
}

export interface Overview {
  viewerId: string;
  viewerZone: string;
  now: Date;
  filter: { status: PairStatus | null; health: PairHealth | null };
  page: number;
  pairs: OverviewPair[];
  /** How many pairs match the filter, and whether a page follows this one. */
  matching: number;
  more: boolean;
  counts: HealthCounts;
  /** The program's habits, the last 30 days against the 30 before. */
  habits: HabitTrend;
  added: { userIds: string[]; total: number };
}

/** What a coordinator's Home shows of the program. */
export interface ProgramSummary {
  counts: HealthCounts;
  habits: HabitTrend;
}

/** The counts by state and health from the grouped rows, and how many match a filter. */
export function tally(groups: ReadonlyArray<{ status: PairStatus; health: PairHealth | null; n: number }>): HealthCounts {
  const byHealth = Object.fromEntries(HEALTHS.map((health) => [health, 0])) as Record<PairHealth, number>;
  const byStatus = Object.fromEntries(STATES.map((status) => [status, 0])) as Record<PairStatus, number>;
  for (const group of groups) {
    if (group.health) byHealth[group.health] += group.n;
    byStatus[group.status] += group.n;
  }
  return { byHealth, byStatus, total: STATES.reduce((sum, status) => sum + byStatus[status], 0) };
}

export function matchingCount(
  groups: ReadonlyArray<{ status: PairStatus; health: PairHealth | null; n: number }>,
  filter: { status: PairStatus | null; health: PairHealth | null },
): number {
  return groups
    .filter((g) => (!filter.status || g.status === filter.status) && (!filter.health || g.health === filter.health))
    .reduce((sum, g) => sum + g.n, 0);
}

/** Pairs read per query by the CSV export: a page's related rows at a time, never the whole program's. */
export const EXPORT_PAGE_SIZE = 500;

/** How often each thing happened in a pair: counts only, never what anyone wrote. */
export interface PairCounts {
  meetingsHeld: number;
  goals: number;
  goalsAchieved: number;
  agendasShared: number;
  notesRecorded: number;
  feedbackAsked: number;
  resourcesExplored: number;
  thanksSaid: number;
}

/** One pair in the CSV export: the overview's line, the two names as Slack has them, and the counts. */
export interface ExportPair extends OverviewPair {
  mentorName: string | null;
  menteeName: string | null;
  counts: PairCounts;
}

/** Every pair of the workspace for the CSV, newest first; times in the coordinator's zone. */
export interface ProgramExport {
  viewerZone: string;
  now: Date;
  pairs: ExportPair[];
}
