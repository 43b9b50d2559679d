import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import type { Actor } from '../actor';
import type { EffectsRecorder, Recorded } from '../effects/effects';
import { deleteMeetings, upcomingMeeting } from '../meetings/meetings.repository';
import { ensureUpcomingFor } from '../meetings/upcoming';
import { zonesOf } from '../people/people.repository';
import { localDateIn } from '../time/zoned';
import type { ChangedDetail, ClosingSummary, PairEvent } from './events';
import { cancelFutureMeetings, cancelMeetingsMissedSince, closingFacts, deletePair, insertReflectionRows, updatePairState } from './lifecycle.repository';
import { firstMeetingInstant, type FieldErrors } from './pair-rules';
import { checkPairChange, type PairChange, type PairChangeField } from './pair-change-rules';
import type { PairReminders } from './pair-reminders';
import { isStale, type LifeOutcome, lockForTransition, type Stale } from './transition';
import { futureMeetingsAfterDate, reanchorUpcoming } from './pair-meetings.repository';

export type Refused<F extends string> = { ok: false; errors: FieldErrors<F> };
export type PauseResult = LifeOutcome | Refused<'resumeOn'>;
export type ChangeResult = LifeOutcome | Refused<PairChangeField>;

const REASON_MAX = 3000;

/**
 * A pair's life, by its members: answering an invitation, pausing, resuming, changing the set-up,
 * ending. Each use case locks the pair, asks the state machine (lifecycle-rules.ts), changes the pair
 * and re-plans its meetings and reminders, and records what the other person is told, all in one
 * transaction. The scheduler's part (expiry, resume dates, the automatic end) is `LifecyclePass`.
 */
export class LifecycleService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly effects: EffectsRecorder,
    private readonly reminders: PairReminders,
  ) {}

  /**
   * Before a modal opens for `action` (decline, pause, end, change): is it still possible for the
   * presser? Changes nothing; the submission asks again.
   */
  preview(actor: Actor, pairId: unknown, action: 'decline' | 'pause' | 'end' | 'change'): Promise<{ changed: true; pair: Pair; otherId: string } | Stale> {
    return this.db.transaction().execute(async (tx) => {
      const allowed = await lockForTransition(tx, actor, pairId, action, { invitation: action === 'decline' });
      if (isStale(allowed)) return allowed;
      const { pair } = allowed;
      return { changed: true as const, pair, otherId: actor.userId === pair.mentor_id ? pair.mentee_id : pair.mentor_id };
    });
  }

  /** The invitee accepts: the pair starts, with the welcomes and the introduction of a pair set up today. */
  accept(actor: Actor, pairId: unknown): Promise<LifeOutcome> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const allowed = await lockForTransition(tx, actor, pairId, 'accept', { invitation: true });
      if (isStale(allowed)) return allowed;
      const pair = await updatePairState(tx, allowed.pair.id, { status: 'active', invitation_expires_at: null }, now);
      // A first meeting whose time came while the invitation waited did not happen.
      await cancelMeetingsMissedSince(tx, pair.id, pair.created_at, now);
      await ensureUpcomingFor(tx, [pair], now);
      await this.reminders.replanPair(tx, pair.id, now);
      const first = await upcomingMeeting(tx, pair.id, now);
      const zones = await zonesOf(tx, pair.team_id, [pair.mentor_id, pair.mentee_id]);
      const effects = await this.effects.record(tx, actor.teamId, [
        {
          type: 'pair_created',
          pairId: pair.id,
          createdBy: pair.created_by,
          actorId: actor.userId,
          mentorId: pair.mentor_id,
          menteeId: pair.mentee_id,
          goalsChannelId: pair.goals_channel_id,
          cadence: pair.cadence,
          meetingMinutes: pair.meeting_minutes,
          plannedEndOn: pair.planned_end_on,
          firstMeetingAt:
            first?.scheduled_at ?? firstMeetingInstant({ firstDate: pair.first_meeting_on, firstTime: pair.meeting_time, timeZone: pair.time_zone }),
          zones,
        },
      ]);
      return { changed: true as const, pair, effects };
    });
  }

  /** The invitee declines (the reason, if any, goes to the inviter) or the inviter withdraws: the pair is removed. */
  closeInvitation(actor: Actor, pairId: unknown, how: 'declined' | 'withdrawn', reason: string | null): Promise<LifeOutcome> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const allowed = await lockForTransition(tx, actor, pairId, how === 'declined' ? 'decline' : 'withdraw', { invitation: true });
      if (isStale(allowed)) return allowed;
      const pair = allowed.pair;
      const effects = await this.removeInvitation(tx, pair, { how, actorId: actor.userId, reason: reason?.slice(0, REASON_MAX) ?? null });
      return { changed: true as const, pair: { ...pair, status: 'ended' as const, updated_at: now }, effects };
    });
  }

  /** Removes an invitation and records who is told: the inviter (declined, expired) or the invitee (withdrawn). */
  async removeInvitation(
    tx: Tx,
    pair: Pair,
    close: { how: 'declined' | 'withdrawn' | 'expired'; actorId: string | null; reason: string | null },
  ): Promise<Recorded> {
    const inviteeId = pair.created_by === pair.mentor_id ? pair.mentee_id : pair.mentor_id;
    const readerId = close.how === 'withdrawn' ? inviteeId : pair.created_by;
    const zones = await zonesOf(tx, pair.team_id, [readerId]);
    await deletePair(tx, pair.id);
    return this.effects.record(tx, pair.team_id, [
      {
        type: 'invitation_closed',
        how: close.how,
        inviterId: pair.created_by,
        inviteeId,
        readerId,
        readerZone: zones[readerId]!,
        reason: close.reason,
        actorId: close.actorId,
      },
    ]);
  }

  /** Either member pauses, optionally until a date (read in the pair's zone): no meetings, no reminders meanwhile. */
  pause(actor: Actor, pairId: unknown, resumeOn: string | null): Promise<PauseResult> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const allowed = await lockForTransition(tx, actor, pairId, 'pause');
      if (isStale(allowed)) return allowed;
      const today = localDateIn(now, allowed.pair.time_zone);
      if (resumeOn !== null && resumeOn <= today)
        return { ok: false as const, errors: { resumeOn: 'Pick a day after today, or leave it empty to resume by hand.' } };
      if (resumeOn !== null && resumeOn > allowed.pair.planned_end_on)
        return { ok: false as const, errors: { resumeOn: `The mentorship is planned to end on ${allowed.pair.planned_end_on}: pick a day before that.` } };
      const effects = await this.pauseIn(tx, allowed.pair, { actorId: actor.userId, cause: 'member', resumeOn }, now);
      return { changed: true as const, pair: effects.pair, effects: effects.recorded };
    });
  }

  /** Pauses a running pair (a member's choice, or their account was deactivated) and tells the other member. */
  async pauseIn(
    tx: Tx,
    pair: Pair,
    pause: { actorId: string; cause: 'member' | 'deactivated'; resumeOn: string | null },
    now: Date,
  ): Promise<{ pair: Pair; recorded: Recorded }> {
    const paused = await updatePairState(tx, pair.id, { status: 'paused', paused_at: now, paused_by: pause.actorId, resume_on: pause.resumeOn }, now);
    await this.reminders.cancelPair(tx, pair.id);
    const readerId = pause.actorId === pair.mentor_id ? pair.mentee_id : pair.mentor_id;
    const zones = await zonesOf(tx, pair.team_id, [readerId]);
    const recorded = await this.effects.record(tx, pair.team_id, [
      { type: 'pair_paused', pairId: pair.id, cause: pause.cause, actorId: pause.actorId, readerId, readerZone: zones[readerId]!, resumeOn: pause.resumeOn },
    ]);
    return { pair: paused, recorded };
  }

  resume(actor: Actor, pairId: unknown): Promise<LifeOutcome> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const allowed = await lockForTransition(tx, actor, pairId, 'resume');
      if (isStale(allowed)) return allowed;
      const { pair, recorded } = await this.resumeIn(tx, allowed.pair, actor.userId, now);
      return { changed: true as const, pair, effects: recorded };
    });
  }

  /** The pair runs again from the next slot after now; meetings whose time came during the pause did not happen. */
  async resumeIn(tx: Tx, paused: Pair, actorId: string | null, now: Date): Promise<{ pair: Pair; recorded: Recorded }> {
    const pair = await updatePairState(tx, paused.id, { status: 'active', paused_at: null, paused_by: null, resume_on: null }, now);
    await cancelMeetingsMissedSince(tx, pair.id, paused.paused_at ?? paused.updated_at, now);
    await ensureUpcomingFor(tx, [pair], now);
    await this.reminders.replanPair(tx, pair.id, now);
    const next = await upcomingMeeting(tx, pair.id, now);
    const zones = await zonesOf(tx, pair.team_id, [pair.mentor_id, pair.mentee_id]);
    const recorded = await this.effects.record(tx, pair.team_id, [
      { type: 'pair_resumed', pairId: pair.id, actorId, memberIds: [pair.mentor_id, pair.mentee_id], zones, nextMeetingAt: next?.scheduled_at ?? null },
    ]);
    return { pair, recorded };
  }

  /** Either member ends the pair early, with an optional reason kept private to them (and the coordinator who set it up). */
  end(actor: Actor, pairId: unknown, reason: string | null): Promise<LifeOutcome> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const allowed = await lockForTransition(tx, actor, pairId, 'end');
      if (isStale(allowed)) return allowed;
      const { pair, recorded } = await this.endIn(tx, allowed.pair, { endedBy: actor.userId, reason: reason?.slice(0, REASON_MAX) ?? null }, now);
      return { changed: true as const, pair, effects: recorded };
    });
  }

  /**
   * Ends the pair: meetings not yet started are cancelled with every unsent reminder, each person gets
   * a reflection row (check-ins on by default) and their check-ins are planned, and both get the
   * closing summary, the channel a closing post.
   */
  async endIn(tx: Tx, live: Pair, end: { endedBy: string | null; reason: string | null }, now: Date): Promise<{ pair: Pair; recorded: Recorded }> {
    const pair = await updatePairState(tx, live.id, { status: 'ended', ended_at: now, ended_by: end.endedBy, end_reason: end.reason, resume_on: null }, now);
    await cancelFutureMeetings(tx, pair.id, now);
    await this.reminders.cancelPair(tx, pair.id);
    await insertReflectionRows(tx, pair);
    const zones = await zonesOf(tx, pair.team_id, [pair.mentor_id, pair.mentee_id]);
    const endedOn = localDateIn(now, pair.time_zone);
    const people = [pair.mentor_id, pair.mentee_id].map((userId) => ({ userId, timeZone: zones[userId]! }));
    await this.reminders.planCheckIns(tx, { id: pair.id, teamId: pair.team_id }, people, endedOn, now);
    const summary: ClosingSummary = { startedOn: pair.started_on, endedOn, ...(await closingFacts(tx, pair.id)) };
    const recorded = await this.effects.record(tx, pair.team_id, [
      {
        type: 'pair_ended',
        pairId: pair.id,
        mentorId: pair.mentor_id,
        menteeId: pair.mentee_id,
        endedBy: end.endedBy,
        reason: end.reason,
        coordinatorId: pair.coordinator_id,
        goalsChannelId: pair.goals_channel_id,
        zones,
        summary,
      },
    ]);
    return { pair, recorded };
  }

  /**
   * Either member changes the goals channel, the meeting zone (meetings keep their wall time in the new
   * zone) or the planned end (extend or shorten). Meetings and reminders are re-planned in the same
   * transaction and the other member is told what changed, in their own zone.
   */
  change(actor: Actor, pairId: unknown, change: PairChange): Promise<ChangeResult> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const allowed = await lockForTransition(tx, actor, pairId, 'change');
      if (isStale(allowed)) return allowed;
      const before = allowed.pair;
      const errors = checkPairChange(change, before, now);
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };
      const previousNext = before.status === 'active' ? await upcomingMeeting(tx, before.id, now) : undefined;
      const pair = await updatePairState(
        tx,
        before.id,
        { goals_channel_id: change.goalsChannelId, time_zone: change.timeZone, planned_end_on: change.plannedEndOn },
        now,
      );
      if (change.timeZone !== before.time_zone) await reanchorUpcoming(tx, pair, now);
      // Meetings planned after a shortened end will not happen.
      await deleteMeetings(tx, await futureMeetingsAfterDate(tx, pair, now));
      await this.reminders.cancelPair(tx, pair.id);
      await ensureUpcomingFor(tx, [pair], now);
      if (pair.status === 'active') await this.reminders.replanPair(tx, pair.id, now);
      const next = pair.status === 'active' ? await upcomingMeeting(tx, pair.id, now) : undefined;
      const readerId = actor.userId === pair.mentor_id ? pair.mentee_id : pair.mentor_id;
      const zones = await zonesOf(tx, pair.team_id, [readerId]);
      const changes = describeChanges(before, pair, previousNext?.scheduled_at ?? null, next?.scheduled_at ?? null);
      const effects = await this.effects.record(tx, actor.teamId, [
        { type: 'pair_changed', pairId: pair.id, actorId: actor.userId, readerId, readerZone: zones[readerId]!, changes },
      ]);
      return { changed: true as const, pair, effects };
    });
  }

  /** Records events outside a use case of this class (the pass, Slack events) in the caller's transaction. */
  record(tx: Tx, teamId: string, events: readonly PairEvent[]): Promise<Recorded> {
    return this.effects.record(tx, teamId, events);
  }
}

function describeChanges(before: Pair, after: Pair, nextBefore: Date | null, nextAfter: Date | null): ChangedDetail[] {
  const changes: ChangedDetail[] = [];
  if (before.goals_channel_id !== after.goals_channel_id) changes.push({ field: 'channel', from: before.goals_channel_id, to: after.goals_channel_id });
  if (before.time_zone !== after.time_zone) changes.push({ field: 'timeZone', from: before.time_zone, to: after.time_zone });
  if (before.planned_end_on !== after.planned_end_on) changes.push({ field: 'plannedEnd', from: before.planned_end_on, to: after.planned_end_on });
  if (nextBefore?.getTime() !== nextAfter?.getTime()) changes.push({ field: 'nextMeeting', from: nextBefore, to: nextAfter });
  return changes;
}
