import type { Kysely } from 'kysely';
import type { ActionItem, Database, Meeting, Pair } from '../../db/schema';
import { DomainError } from '../../errors';
import { cancelUnsent } from '../../scheduler/outbox.repository';
import { replanMeeting } from '../../scheduler/plan';
import { listPairsOf } from '../pairs/pairs.repository';
import { findActionItem, markActionItemDone, openActionItems } from './action-items.repository';
import { listAgendaItems } from './agenda.repository';
import { occurrenceAt } from './cadence';
import {
  isMember, isUuid, lockMeetingForMember, lockPairForMember, meetingForMember, notInPair, pairForMember, pairPeople, type PairPeople, requireActive,
} from './meeting-access';
import { type Changed, checkMeetingTime, checkRuleChange, meetingNearEnd, type MeetingTimeField, ruleOf, type RuleChange, type RuleField } from './meeting-rules';
import {
  deleteMeetings, findPairById, futureMeetingsAfter, latestStartedMeeting, lockPairsToCheck, maxSequence, saveUpcomingValidUntil, updateMeeting, updatePair, upcomingMeeting,
} from './meetings.repository';
import { ensureUpcomingFor } from './upcoming';

/** A pair as one member sees it on `/mentorship meeting`. */
export interface MeetingOverview {
  pair: Pair;
  people: PairPeople;
  /** Null when the rule plans nothing more before the planned end, or the pair is paused or ended. */
  next: Meeting | null;
  /** The meeting that started last, while it has no notes yet. */
  notesPending: Meeting | null;
  /** Whether the next meeting is one of the last ones before the planned end (wrap-up time). */
  nearEnd: boolean;
  agendaItemCount: number;
}

export interface MeetingContext {
  meeting: Meeting;
  pair: Pair;
  people: PairPeople;
}

/** How many pairs one planning query handles. */
const PLANNING_PAGE = 200;

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

  async ensureUpcomingForPair(teamId: string, pairId: string, now: Date): Promise<void> {
    const pair = isUuid(pairId) ? await findPairById(this.db, teamId, pairId) : undefined;
    if (pair) await ensureUpcomingFor(this.db, [pair], now);
  }

  /** The pair's next meeting (created first if need be), or null when none is planned. */
  async nextMeeting(teamId: string, pairId: string, now: Date): Promise<Meeting | null> {
    if (!isUuid(pairId)) return null;
    await this.ensureUpcomingForPair(teamId, pairId, now);
    return (await upcomingMeeting(this.db, pairId, now)) ?? null;
  }

  /** Every pair of the person, with its next meeting and any notes still to record. */
  async overviewFor(teamId: string, userId: string): Promise<MeetingOverview[]> {
    const now = this.clock();
    const pairs = await listPairsOf(this.db, teamId, userId);
    await ensureUpcomingFor(this.db, pairs, now);
    return Promise.all(
      pairs.map(async (pair) => {
        const next = pair.status === 'active' ? ((await upcomingMeeting(this.db, pair.id, now)) ?? null) : null;
        const started = await latestStartedMeeting(this.db, pair.id, now);
        const agendaItemCount = next ? (await listAgendaItems(this.db, next.id)).length : 0;
        return {
          pair,
          people: await pairPeople(this.db, pair),
          next,
          notesPending: started?.status === 'scheduled' ? started : null,
          nearEnd: next ? meetingNearEnd(pair, next) : false,
          agendaItemCount,
        };
      }),
    );
  }

  async context(teamId: string, meetingId: string, userId: string): Promise<MeetingContext> {
    const found = await meetingForMember(this.db, teamId, meetingId, userId);
    return { ...found, people: await pairPeople(this.db, found.pair) };
  }

  /** A meeting that can still be moved or skipped (the reschedule modal opens with it). */
  async changeable(teamId: string, meetingId: string, userId: string): Promise<MeetingContext> {
    const found = await this.context(teamId, meetingId, userId);
    requireActive(found.pair);
    requireScheduled(found.meeting);
    return found;
  }

  async pairContext(teamId: string, pairId: string, userId: string): Promise<{ pair: Pair; people: PairPeople; next: Meeting | null }> {
    const pair = await pairForMember(this.db, teamId, pairId, userId);
    requireActive(pair);
    return { pair, people: await pairPeople(this.db, pair), next: await this.nextMeeting(teamId, pair.id, this.clock()) };
  }

  /** Moves one meeting to a date and time read in the pair's zone; its reminders not yet sent are cancelled. */
  async reschedule(
    teamId: string,
    meetingId: string,
    userId: string,
    input: { date: string; time: string },
  ): Promise<Changed<MeetingContext & { previousAt: Date }, MeetingTimeField>> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair } = await lockMeetingForMember(tx, teamId, meetingId, userId);
      requireActive(pair);
      requireScheduled(meeting);
      const checked = checkMeetingTime(input, pair.time_zone, now);
      if (!checked.ok) return { ok: false as const, errors: checked.errors };
      const moved = await updateMeeting(tx, meeting.id, { scheduled_at: checked.at, rescheduled_from: meeting.rescheduled_from ?? meeting.scheduled_at });
      // Same transaction: the old reminders never go out and the new ones exist as soon as the move does.
      await cancelUnsent(tx, { meetingId: meeting.id });
      await replanMeeting(tx, meeting.id, now);
      await ensureUpcomingFor(tx, [pair], now);
      return { ok: true as const, meeting: moved, previousAt: meeting.scheduled_at, pair, people: await pairPeople(tx, pair) };
    });
  }

  /** Skips one meeting: the following occurrence becomes the next one. */
  async skip(teamId: string, meetingId: string, userId: string): Promise<MeetingContext & { next: Meeting | null }> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair } = await lockMeetingForMember(tx, teamId, meetingId, userId);
      requireActive(pair);
      requireScheduled(meeting);
      const skipped = await updateMeeting(tx, meeting.id, { status: 'skipped' });
      await cancelUnsent(tx, { meetingId: meeting.id });
      await ensureUpcomingFor(tx, [pair], now);
      const next = (await upcomingMeeting(tx, pair.id, now)) ?? null;
      if (next) await replanMeeting(tx, next.id, now);
      return { meeting: skipped, next, pair, people: await pairPeople(tx, pair) };
    });
  }

  /**
   * A new rhythm (cadence, wall time, length) from a date on. The rule is re-anchored at the upcoming
   * meeting, which keeps its sequence (and its agenda) and moves to the new rule's first occurrence;
   * later rows planned under the old rule are removed, with their unsent reminders.
   */
  async changeRule(teamId: string, pairId: string, userId: string, change: RuleChange): Promise<Changed<{ pair: Pair; people: PairPeople; next: Meeting | null }, RuleField>> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const pair = await lockPairForMember(tx, teamId, pairId, userId);
      requireActive(pair);
      const errors = checkRuleChange(change, pair, now);
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };
      await ensureUpcomingFor(tx, [pair], now);
      const upcoming = await upcomingMeeting(tx, pair.id, now);
      const anchor = upcoming?.sequence ?? (await maxSequence(tx, pair.id)) + 1;
      const obsolete = await futureMeetingsAfter(tx, pair.id, anchor, now);
      for (const meeting of obsolete) await cancelUnsent(tx, { meetingId: meeting.id });
      await deleteMeetings(tx, obsolete.map((meeting) => meeting.id));
      const updated = await updatePair(tx, pair.id, {
        cadence: change.cadence,
        meeting_time: change.time,
        meeting_minutes: change.meetingMinutes,
        first_meeting_on: change.fromDate,
        anchor_sequence: anchor,
      });
      if (upcoming) {
        await cancelUnsent(tx, { meetingId: upcoming.id });
        await updateMeeting(tx, upcoming.id, { scheduled_at: occurrenceAt(ruleOf(updated), 0), duration_minutes: change.meetingMinutes, rescheduled_from: null });
      }
      await ensureUpcomingFor(tx, [updated], now);
      const next = (await upcomingMeeting(tx, pair.id, now)) ?? null;
      if (next) await replanMeeting(tx, next.id, now);
      return { ok: true as const, pair: updated, people: await pairPeople(tx, updated), next };
    });
  }

  /** Ticks an action item done; only the two people of its pair may. A second tick changes nothing. */
  async tickActionItem(teamId: string, itemId: string, userId: string): Promise<{ item: ActionItem; pair: Pair; people: PairPeople }> {
    const item = isUuid(itemId) ? await findActionItem(this.db, teamId, itemId) : undefined;
    const pair = item ? await findPairById(this.db, teamId, item.pair_id) : undefined;
    if (!item || !pair || !isMember(pair, userId)) throw notInPair();
    const done = (await markActionItemDone(this.db, item.id, userId, this.clock())) ?? (await findActionItem(this.db, teamId, item.id)) ?? item;
    return { item: done, pair, people: await pairPeople(this.db, pair) };
  }

  /** Open action items of a pair, for the Home tab and reminders (callers have checked who is asking). */
  openActionItems(pairId: string): Promise<ActionItem[]> {
    return openActionItems(this.db, pairId);
  }
}

function requireScheduled(meeting: Meeting): void {
  if (meeting.status === 'held') throw new DomainError('conflict', 'That meeting has already been held; its notes are recorded.');
  if (meeting.status !== 'scheduled') throw new DomainError('conflict', `That meeting was ${meeting.status}; there is nothing to change.`);
}
