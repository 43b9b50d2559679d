import type { ActionItem, Meeting, Pair, Person } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import { DomainError } from '../../errors';
import type { Actor } from '../actor';
import { isUuid } from '../ids';
import { type AccessOptions, ALL_STATES, checkMembership, type Membership, NOT_IN_PAIR } from '../pairs/access';
import { findPeople } from '../people/people.repository';
import { findActionItem } from './action-items.repository';
import { findMeeting, findPairById, lockPairAndMeeting } from './meetings.repository';

/**
 * The meetings feature's view of the one access check (src/domain/pairs/access.ts): a meeting or an
 * action item is reached through the pair that owns it, and the same rules apply. Ids in button
 * values and private_metadata are claims: anyone outside the pair gets the same answer whether the
 * thing exists or not, and an id that is not a uuid never reaches SQL.
 */

/** Changing a pair's meetings (agenda, moves, skips, rhythm) needs an active pair: a paused or ended one plans none. */
export const CHANGEABLE: Omit<AccessOptions, 'lock'> = {
  states: ['active'],
  refusals: { state: (status) => `This mentorship is ${status}; its meetings cannot be changed.` },
};

/** Reading a meeting, recording its notes or ticking an action item: any state; the use case refuses what it must. */
export const ANY_STATE: Omit<AccessOptions, 'lock'> = { states: ALL_STATES };

export interface MeetingMembership extends Membership {
  meeting: Meeting;
}

export interface LockedMeetingMembership extends MeetingMembership {
  /** Both people's names and zones, read with the locks. */
  people: PairPeople;
}

const notInPair = (): DomainError => new DomainError('not_in_pair', NOT_IN_PAIR);

export async function meetingOfMember(db: Executor, actor: Actor, meetingId: unknown, options: AccessOptions = ANY_STATE): Promise<MeetingMembership> {
  const meeting = isUuid(meetingId) ? await findMeeting(db, actor.teamId, meetingId) : undefined;
  const pair = meeting ? await findPairById(db, actor.teamId, meeting.pair_id) : undefined;
  const membership = checkMembership(pair, actor, options);
  if (!meeting) throw notInPair();
  return { ...membership, meeting };
}

/**
 * Locks the pair, then the meeting: the one lock order every change to a pair's meetings uses (the
 * planner locks pairs too), so two changes queue up instead of deadlocking. Both are locked, and both
 * people read, in one statement (lockPairAndMeeting).
 */
export async function lockMeetingOfMember(tx: Tx, actor: Actor, meetingId: unknown, options: AccessOptions = ANY_STATE): Promise<LockedMeetingMembership> {
  const locked = isUuid(meetingId) ? await lockPairAndMeeting(tx, actor.teamId, meetingId) : undefined;
  // A meeting that is not there is refused like a pair that is not theirs (the same answer either way).
  const membership = checkMembership(locked?.pair, actor, options);
  // Removed meanwhile by a rhythm change that committed first.
  if (!locked?.meeting) throw notInPair();
  return { ...membership, meeting: locked.meeting, people: pairPeopleFrom(membership.pair, locked.people) };
}

export async function actionItemOfMember(db: Executor, actor: Actor, itemId: unknown): Promise<Membership & { item: ActionItem }> {
  const item = isUuid(itemId) ? await findActionItem(db, actor.teamId, itemId) : undefined;
  const pair = item ? await findPairById(db, actor.teamId, item.pair_id) : undefined;
  const membership = checkMembership(pair, actor, ANY_STATE);
  if (!item) throw notInPair();
  return { ...membership, item };
}

/** Names and time zones of both people of a pair, by user id. */
export interface PairPeople {
  names: Record<string, string>;
  /** Slack's real names, where known: action item owners may be named by them too. */
  realNames: Record<string, string>;
  zones: Record<string, string>;
}

export async function pairPeople(db: Executor, pair: Pick<Pair, 'team_id' | 'mentor_id' | 'mentee_id'>): Promise<PairPeople> {
  return pairPeopleFrom(pair, await findPeople(db, pair.team_id, [pair.mentor_id, pair.mentee_id]));
}

/** The same from people rows already read (unknown people are named by their id, in UTC). */
export function pairPeopleFrom(pair: Pick<Pair, 'mentor_id' | 'mentee_id'>, people: readonly Person[]): PairPeople {
  const ids = [pair.mentor_id, pair.mentee_id];
  const names: Record<string, string> = Object.fromEntries(ids.map((id) => [id, id]));
  const zones: Record<string, string> = Object.fromEntries(ids.map((id) => [id, 'UTC']));
  const realNames: Record<string, string> = {};
  for (const person of people) {
    names[person.user_id] = person.display_name;
    zones[person.user_id] = person.time_zone;
    if (person.real_name) realNames[person.user_id] = person.real_name;
  }
  return { names, realNames, zones };
}

export const zoneOf = (people: PairPeople, userId: string): string => people.zones[userId] ?? 'UTC';

export const MEETING_OVER = 'That meeting is over, so it can no longer be skipped or moved: it can only get its notes now.';

/**
 * A meeting that can still be moved or skipped: scheduled, and not over. A meeting that has ended
 * (status still 'scheduled' until someone records its notes) can only get its notes; the
 * `meeting_over` code lets the button that asked refresh the message it was in.
 */
export function requireScheduled(meeting: Meeting, now: Date): void {
  if (meeting.status === 'held') throw new DomainError('meeting_over', 'That meeting has already been held; its notes are recorded.');
  if (meeting.status !== 'scheduled') throw new DomainError('conflict', `That meeting was ${meeting.status}; there is nothing to change.`);
  if (meeting.scheduled_at.getTime() + meeting.duration_minutes * 60_000 <= now.getTime()) throw new DomainError('meeting_over', MEETING_OVER);
}
