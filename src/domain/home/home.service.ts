import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../db/schema';
import { rhythmNextFor } from '../meetings/upcoming';
import { listEndedPairsOf, listPairsOf } from '../pairs/pairs.repository';
import { findPeople } from '../people/people.repository';
import { expectationsOf } from '../expectations/expectations.repository';
import { assemblePair, type LoadedRows } from './assemble';
import { sinceLastMeeting } from './checklist';
import * as repo from './home.repository';
import { openedHomeSince, type PersonKey, recordHomeOpening } from './openings.repository';
import { watchingSince } from './watching';
import { comparePairs, type HomeSnapshot, LIST_LIMITS } from './snapshot';

const end = (m: { scheduled_at: Date; duration_minutes: number }) => new Date(m.scheduled_at.getTime() + m.duration_minutes * 60_000);

/** Awaits an object of promises together, keeping each result under its name. */
async function allOf<T extends Record<string, Promise<unknown>>>(promises: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const entries = await Promise.all(Object.entries(promises).map(async ([key, promise]) => [key, await promise] as const));
  return Object.fromEntries(entries) as { [K in keyof T]: Awaited<T[K]> };
}

/**
 * Builds one person's dashboard snapshot. Read-only, and it only reads the pairs the viewer belongs
 * to; journal entries are not read at all. No transaction: a refresh follows every change, so a
 * snapshot that straddles one is replaced moments later.
 */
export class HomeService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /** The person opened the Home tab, or pressed a button on it: they may be looking at it for a while. */
  async noteOpened(teamId: string, userId: string): Promise<void> {
    await recordHomeOpening(this.db, teamId, userId, this.clock());
  }

  /** Those of `people` (of any workspaces) who may have their Home on screen now (see HOME_WATCH_MS): whose Home a change republishes. */
  async watching(people: readonly PersonKey[]): Promise<PersonKey[]> {
    return openedHomeSince(this.db, people, watchingSince(this.clock()));
  }

  async snapshot(teamId: string, viewerId: string): Promise<HomeSnapshot> {
    const [snapshot] = await this.snapshots(teamId, [viewerId]);
    return snapshot!;
  }

  /**
   * Several people's dashboards from one read of everything they show: a change refreshes both people
   * of a pair, whose dashboards show the same pair, so its rows are read once, not once per person.
   * Every list is limited per pair in SQL, so reading more pairs at once changes none of them.
   */
  async snapshots(teamId: string, viewerIds: readonly string[]): Promise<HomeSnapshot[]> {
    const now = this.clock();
    const pairsOf = await Promise.all(
      viewerIds.map(async (viewerId) => [...(await listPairsOf(this.db, teamId, viewerId)), ...(await listEndedPairsOf(this.db, teamId, viewerId))]),
    );
    const pairs = [...new Map(pairsOf.flat().map((pair) => [pair.id, pair])).values()];
    const memberIds = new Set([...viewerIds, ...pairs.flatMap((p) => [p.mentor_id, p.mentee_id])]);
    const [people, rows] = await Promise.all([findPeople(this.db, teamId, [...memberIds]), this.load(pairs, now)]);
    const names = Object.fromEntries(people.map((p) => [p.user_id, p.display_name]));
    return viewerIds.map((viewerId, i) => ({
      teamId,
      viewerId,
      viewerZone: people.find((p) => p.user_id === viewerId)?.time_zone ?? 'UTC',
      now,
      names,
      pairs: pairsOf[i]!.map((pair) => assemblePair(pair, viewerId, rows)).sort(comparePairs),
    }));
  }

  /** A dozen queries, whatever the number of pairs: the meetings first, since the rest is relative to them. */
  private async load(pairs: readonly Pair[], now: Date): Promise<LoadedRows> {
    const ids = pairs.map((pair) => pair.id);
    const [next, lastHeld, awaitingNotes, expectations] = await Promise.all([
      repo.nextMeetings(this.db, ids, now),
      repo.lastMeetings(this.db, ids, now),
      repo.meetingsAwaitingNotes(this.db, ids, now),
      // Not relative to the meetings, but as cheap to read here as anywhere.
      expectationsOf(this.db, ids),
    ]);
    // A running pair whose next row the planning pass has not created yet still has a next meeting.
    const unplanned = pairs.filter((p) => !next.some((m) => m.pair_id === p.id));
    const refs = lastHeld.map((m) => ({ pairId: m.pair_id, meetingId: m.id, start: m.scheduled_at, end: end(m) }));
    const since = pairs.map((p) => {
      const last = lastHeld.find((m) => m.pair_id === p.id);
      return { pairId: p.id, since: sinceLastMeeting(last ? { scheduledAt: last.scheduled_at } : null, p.created_at) };
    });
    const rest = await allOf({
      rhythmNext: rhythmNextFor(this.db, unplanned, now),
      agenda: repo.agendaCounts(
        this.db,
        [...next, ...lastHeld].map((m) => m.id),
      ),
      goalCounts: repo.goalCounts(this.db, ids),
      goals: repo.goalsToShow(this.db, ids, LIST_LIMITS.goals),
      actionItems: repo.openActionItems(this.db, ids, LIST_LIMITS.actionItems),
      lastMeetingActionItems: repo.actionItemsOfLastMeetings(this.db, refs),
      lastMeetingFeedback: repo.feedbackOfLastMeetings(this.db, refs),
      lastMeetingThanks: repo.appreciationsOfLastMeetings(this.db, refs),
      asked: repo.latestFeedbackAsked(this.db, ids),
      given: repo.latestFeedbackGiven(this.db, ids),
      explored: repo.resourcesExploredSince(this.db, since, LIST_LIMITS.resources),
      appreciations: repo.latestAppreciations(this.db, ids),
    });
    const progress = await repo.progressItems(
      this.db,
      rest.goals.map((g) => g.id),
    );
    return { next, lastHeld, awaitingNotes, since, progress, expectations, ...rest };
  }
}
