import type { Kysely } from 'kysely';
import type { Database, Meeting, Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor } from '../actor';
import type { EffectsRecorder, WithEffects } from '../effects/effects';
import { pairOfMember } from '../pairs/access';
import { occurrenceAt } from './cadence';
import type { MeetingSkipped } from './events';
import { CHANGEABLE, lockMeetingOfMember, pairPeople, requireScheduled, zoneOf } from './meeting-access';
import {
  type Changed,
  checkMeetingTime,
  checkRuleChange,
  type MeetingTimeField,
  outsideFairHours,
  ruleOf,
  type RuleChange,
  type RuleField,
} from './meeting-rules';
import { deleteMeetings, futureMeetingsAfter, maxSequence, updateMeeting, updatePair, upcomingMeeting } from './meetings.repository';
import type { ReminderPlanning } from './reminder-planning';
import { ensureUpcomingFor } from './upcoming';
import { type OutsideHours, type RescheduleDraft, rhythmOf, slotOf, soonestAhead } from './views';

/** Who changed what, and what the modal that did it shows them afterwards. */
interface ChangedFor {
  pair: Pair;
  otherId: string;
  /** The actor's own zone: the modal's outcome is written in it. */
  viewerZone: string;
}

/** The fields every change event shares: the other person hears of it in their own zone. */
type TellOther = Pick<MeetingSkipped, 'pairId' | 'actorId' | 'readerId' | 'readerZone'>;

export type RescheduleResult =
  | Changed<WithEffects<ChangedFor & { moved: true; meeting: Meeting; previousAt: Date; otherZone: string }>, MeetingTimeField>
  /** Nothing moved: the time is outside 08:00-20:00 for the other person; the modal asks to confirm. */
  | { ok: true; moved: false; draft: RescheduleDraft; outsideHours: OutsideHours };
export type ProposeResult = Changed<WithEffects<{ otherId: string; proposedAt: Date; viewerZone: string; otherZone: string }>, MeetingTimeField>;
export type SkipResult = WithEffects<ChangedFor & { meeting: Meeting; next: Meeting | null }>;
export type RhythmResult = Changed<WithEffects<ChangedFor & { next: Meeting | null }>, RuleField>;

/**
 * Changes to a pair's meetings: a move, a skip, a new rhythm. Each runs in one transaction that
 * locks the pair first, re-plans the reminders through the port it is given, and records the event
 * that tells the other person.
 */
export class MeetingChangesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
    private readonly reminders: ReminderPlanning,
  ) {}

  /**
   * Moves one meeting to a date and time read in the pair's zone; its reminders move with it. A time
   * outside 08:00-20:00 for the other person is not refused: the first submission only says so
   * (nothing moves), and `anyHour` (the same time confirmed) moves it.
   */
  async reschedule(actor: Actor, meetingId: string | null, input: { date: string; time: string; anyHour?: boolean }): Promise<RescheduleResult> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair, otherId, checked } = await this.movable(tx, actor, meetingId, input, now);
      if (!checked.ok) return { ok: false as const, errors: checked.errors };
      const people = await pairPeople(tx, pair);
      const otherZone = zoneOf(people, otherId);
      if (!input.anyHour && outsideFairHours(checked.at, otherZone)) {
        const viewerZone = zoneOf(people, actor.userId);
        const draft = { meeting: slotOf(meeting), otherId, viewerZone, otherZone, pairZone: pair.time_zone };
        return {
          ok: true as const,
          moved: false as const,
          draft,
          outsideHours: { at: checked.at, date: input.date, time: input.time, otherId, otherZone, viewerZone },
        };
      }
      const moved = await updateMeeting(tx, meeting.id, { scheduled_at: checked.at, rescheduled_from: meeting.rescheduled_from ?? meeting.scheduled_at });
      // Same transaction: the old reminders never go out and the new ones exist as soon as the move does.
      await this.reminders.cancelUnsent(tx, meeting.id);
      await this.reminders.replanMeeting(tx, meeting.id, now);
      await ensureUpcomingFor(tx, [pair], now);
      const changed = await this.changedFor(tx, actor, pair, otherId);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'meeting_rescheduled',
          ...changed.told,
          previousAt: meeting.scheduled_at,
          meeting: slotOf(moved),
          meetingAt: soonestAhead(now, [meeting.scheduled_at, moved.scheduled_at]),
        },
      ]);
      return { ok: true as const, moved: true as const, ...changed.result, meeting: moved, previousAt: meeting.scheduled_at, otherZone, effects };
    });
  }

  /**
   * The other person proposes another time for a meeting (its new time does not suit them). Nothing
   * moves: the person who can move it is told, with the time in both zones and the button to do it.
   */
  async proposeTime(actor: Actor, meetingId: string | null, input: { date: string; time: string }): Promise<ProposeResult> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair, otherId, checked } = await this.movable(tx, actor, meetingId, input, now);
      if (!checked.ok) return { ok: false as const, errors: checked.errors };
      const changed = await this.changedFor(tx, actor, pair, otherId);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'meeting_time_proposed',
          ...changed.told,
          actorZone: changed.result.viewerZone,
          meeting: slotOf(meeting),
          proposedAt: checked.at,
          meetingAt: soonestAhead(now, [meeting.scheduled_at, checked.at]),
        },
      ]);
      return { ok: true as const, otherId, proposedAt: checked.at, viewerZone: changed.result.viewerZone, otherZone: changed.told.readerZone, effects };
    });
  }

  /** Skips one meeting: the following occurrence becomes the next one, with its reminders. */
  async skip(actor: Actor, meetingId: string | null): Promise<SkipResult> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { meeting, pair, otherId } = await lockMeetingOfMember(tx, actor, meetingId, CHANGEABLE);
      requireScheduled(meeting, now);
      const skipped = await updateMeeting(tx, meeting.id, { status: 'skipped' });
      await this.reminders.cancelUnsent(tx, meeting.id);
      await ensureUpcomingFor(tx, [pair], now);
      const next = (await upcomingMeeting(tx, pair.id, now)) ?? null;
      if (next) await this.reminders.replanMeeting(tx, next.id, now);
      const changed = await this.changedFor(tx, actor, pair, otherId);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'meeting_skipped',
          ...changed.told,
          skipped: slotOf(skipped),
          next: next ? slotOf(next) : null,
          meetingAt: soonestAhead(now, [skipped.scheduled_at]),
        },
      ]);
      return { ...changed.result, meeting: skipped, next, effects };
    });
  }

  /**
   * A new rhythm (cadence, wall time, length) from a date on. The rule is re-anchored at the upcoming
   * meeting, which keeps its sequence (and its agenda) and moves to the new rule's first occurrence;
   * later rows planned under the old rule are removed, with their unsent reminders.
   */
  async changeRule(actor: Actor, pairId: string | null, change: RuleChange): Promise<RhythmResult> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const { pair, otherId } = await pairOfMember(tx, actor, pairId, { ...CHANGEABLE, lock: true });
      const errors = checkRuleChange(change, pair, now);
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };
      await ensureUpcomingFor(tx, [pair], now);
      const upcoming = await upcomingMeeting(tx, pair.id, now);
      const anchor = upcoming?.sequence ?? (await maxSequence(tx, pair.id)) + 1;
      const obsolete = await futureMeetingsAfter(tx, pair.id, anchor, now);
      for (const meeting of obsolete) await this.reminders.cancelUnsent(tx, meeting.id);
      await deleteMeetings(
        tx,
        obsolete.map((meeting) => meeting.id),
      );
      const updated = await updatePair(tx, pair.id, {
        cadence: change.cadence,
        meeting_time: change.time,
        meeting_minutes: change.meetingMinutes,
        first_meeting_on: change.fromDate,
        anchor_sequence: anchor,
      });
      if (upcoming) {
        await this.reminders.cancelUnsent(tx, upcoming.id);
        await updateMeeting(tx, upcoming.id, {
          scheduled_at: occurrenceAt(ruleOf(updated), 0),
          duration_minutes: change.meetingMinutes,
          rescheduled_from: null,
        });
      }
      await ensureUpcomingFor(tx, [updated], now);
      const next = (await upcomingMeeting(tx, pair.id, now)) ?? null;
      if (next) await this.reminders.replanMeeting(tx, next.id, now);
      const changed = await this.changedFor(tx, actor, updated, otherId);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'meeting_rhythm_changed',
          ...changed.told,
          rhythm: rhythmOf(updated),
          previous: rhythmOf(pair),
          next: next ? slotOf(next) : null,
          meetingAt: soonestAhead(now, [upcoming?.scheduled_at, next?.scheduled_at]),
        },
      ]);
      return { ok: true as const, ...changed.result, next, effects };
    });
  }

  /** What the actor's modal shows afterwards, and who is told (the part every change event shares). */
  /** The meeting to move (locked, the actor's, still to come) and the time asked for, checked in the pair's zone. */
  private async movable(tx: Tx, actor: Actor, meetingId: string | null, input: { date: string; time: string }, now: Date) {
    const membership = await lockMeetingOfMember(tx, actor, meetingId, CHANGEABLE);
    requireScheduled(membership.meeting, now);
    return { ...membership, checked: checkMeetingTime(input, membership.pair.time_zone, now) };
  }

  private async changedFor(tx: Tx, actor: Actor, pair: Pair, otherId: string): Promise<{ result: ChangedFor; told: TellOther }> {
    const people = await pairPeople(tx, pair);
    return {
      result: { pair, otherId, viewerZone: zoneOf(people, actor.userId) },
      told: { pairId: pair.id, actorId: actor.userId, readerId: otherId, readerZone: zoneOf(people, otherId) },
    };
  }
}
