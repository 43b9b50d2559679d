import type { Kysely } from 'kysely';
import type { ActionItem, Database, Meeting, Pair } from '../../db/schema';
import type { Actor } from '../actor';
import { isUuid } from '../ids';
import { pairOfMember } from '../pairs/access';
import { listPairsOf } from '../pairs/pairs.repository';
import { findPerson } from '../people/people.repository';
import { localDateIn } from '../time/zoned';
import { openActionItems } from './action-items.repository';
import { listAgendaItems } from './agenda.repository';
import { CHANGEABLE, meetingOfMember, pairPeople, requireScheduled, zoneOf } from './meeting-access';
import { meetingNearEnd } from './meeting-rules';
import { findPairById, latestStartedMeeting, lockPairsToCheck, saveUpcomingValidUntil, upcomingMeeting } from './meetings.repository';
import { ensureUpcomingFor } from './upcoming';
import { type MeetingsOverview, type PairMeetings, type RescheduleDraft, rhythmOf, type RhythmDraft, slotOf } from './views';

/** How many pairs one planning query handles. */
const PLANNING_PAGE = 200;

/**
 * The meeting calendar: every active pair's next meeting as a row (the scheduler's pass keeps it so),
 * and what the meeting screens open with. Changes to meetings are in `MeetingChangesService`, which
 * needs the effects and reminder ports; this part needs neither, so the scheduler can build it alone.
 */
export class MeetingsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
  ) {}

  /**
   * Makes sure every active pair has the row of its next occurrence. The scheduler calls it at the
   * start of every pass; it visits only the pairs whose last answer has run out (their meeting
   * started, or a change cleared the mark), so a quiet pass reads no pair. A page that fails is
   * retried pair by pair; a pair that fails alone (corrupt rule) is reported and left for the next
   * pass, so it never stops the others.
   */
  async ensureUpcoming(now: Date): Promise<{ pairs: number; failed: string[] }> {
    const failed: string[] = [];
    let pairs = 0;
    for (;;) {
      const checked = await this.checkPairs(now, { limit: PLANNING_PAGE, skip: failed }).catch(() => undefined);
      if (checked !== undefined) {
        pairs += checked;
        if (checked < PLANNING_PAGE) break;
        continue;
      }
      const page = await this.db.transaction().execute((tx) => lockPairsToCheck(tx, now, { limit: PLANNING_PAGE, skip: failed }));
      if (page.length === 0) break; // Another replica holds them, or the failure was not about a pair.
      for (const { id } of page) {
        try {
          pairs += await this.checkPairs(now, { limit: 1, skip: failed, only: id });
        } catch {
          failed.push(id);
        }
      }
    }
    return { pairs, failed };
  }

  /** One page in one transaction: the pairs stay locked until their mark is saved. */
  private checkPairs(now: Date, page: { limit: number; skip: readonly string[]; only?: string }): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const pairs = await lockPairsToCheck(tx, now, page);
      await saveUpcomingValidUntil(tx, await ensureUpcomingFor(tx, pairs, now));
      return pairs.length;
    });
  }

  /** The pair's next meeting (created first if need be), or null when none is planned. For the bot's own use: it checks no one. */
  async nextMeeting(teamId: string, pairId: string, now: Date): Promise<Meeting | null> {
    const pair = isUuid(pairId) ? await findPairById(this.db, teamId, pairId) : undefined;
    if (!pair) return null;
    await ensureUpcomingFor(this.db, [pair], now);
    return (await upcomingMeeting(this.db, pair.id, now)) ?? null;
  }

  /** `/mentorship meeting`: every pair of the person, with its next meeting and any notes still to record. */
  async overviewFor(actor: Actor): Promise<MeetingsOverview> {
    const now = this.clock();
    const pairs = await listPairsOf(this.db, actor.teamId, actor.userId);
    await ensureUpcomingFor(this.db, pairs, now);
    const viewer = await findPerson(this.db, actor.teamId, actor.userId);
    return { viewerZone: viewer?.time_zone ?? 'UTC', pairs: await Promise.all(pairs.map((pair) => this.pairMeetings(pair, actor.userId, now))) };
  }

  private async pairMeetings(pair: Pair, viewerId: string, now: Date): Promise<PairMeetings> {
    const next = pair.status === 'active' ? ((await upcomingMeeting(this.db, pair.id, now)) ?? null) : null;
    const started = await latestStartedMeeting(this.db, pair.id, now);
    return {
      pairId: pair.id,
      otherId: pair.mentor_id === viewerId ? pair.mentee_id : pair.mentor_id,
      status: pair.status,
      plannedEndOn: pair.planned_end_on,
      rhythm: rhythmOf(pair),
      next: next ? { ...slotOf(next), movedFrom: next.rescheduled_from } : null,
      agendaItemCount: next ? (await listAgendaItems(this.db, next.id)).length : 0,
      nearEnd: next ? meetingNearEnd(pair, next) : false,
      notesPending: started?.status === 'scheduled' ? slotOf(started) : null,
    };
  }

  /** The reschedule modal: a meeting that can still be moved. */
  async reschedulable(actor: Actor, meetingId: string | null): Promise<RescheduleDraft> {
    const { meeting, pair, otherId } = await meetingOfMember(this.db, actor, meetingId, CHANGEABLE);
    requireScheduled(meeting, this.clock());
    const people = await pairPeople(this.db, pair);
    return { meeting: slotOf(meeting), otherId, viewerZone: zoneOf(people, actor.userId), otherZone: zoneOf(people, otherId), pairZone: pair.time_zone };
  }

  /** The rhythm modal: the pair's rule and its next meeting. */
  async rhythmDraft(actor: Actor, pairId: string | null): Promise<RhythmDraft> {
    const now = this.clock();
    const { pair, otherId } = await pairOfMember(this.db, actor, pairId, CHANGEABLE);
    await ensureUpcomingFor(this.db, [pair], now);
    const next = await upcomingMeeting(this.db, pair.id, now);
    const people = await pairPeople(this.db, pair);
    return {
      pairId: pair.id,
      otherId,
      viewerZone: zoneOf(people, actor.userId),
      rhythm: rhythmOf(pair),
      next: next ? slotOf(next) : null,
      today: localDateIn(now, pair.time_zone),
    };
  }

  /** Open action items of a pair, for the Home tab and reminders (callers have checked who is asking). */
  openActionItems(pairId: string): Promise<ActionItem[]> {
    return openActionItems(this.db, pairId);
  }
}
