import type { Meeting, Pair } from '../../db/schema';
import type { Executor, Tx } from '../../db/types';
import { DomainError } from '../../errors';
import { isMember, otherMember } from '../pairs/membership';
import { findPeople } from '../people/people.repository';
import { findMeeting, findPairById, lockMeeting, lockPair } from './meetings.repository';

/**
 * Ids in button values and private_metadata come back from the client: they are claims, checked here
 * on every use. Anyone outside the pair gets the same answer whether the thing exists or not.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export const notInPair = (): DomainError => new DomainError('not_in_pair', 'You are not part of that mentorship pair.');

export { isMember, otherMember };

/** Names and time zones of both people of a pair, by user id. */
export interface PairPeople {
  names: Record<string, string>;
  zones: Record<string, string>;
}

export async function pairPeople(db: Executor, pair: Pick<Pair, 'team_id' | 'mentor_id' | 'mentee_id'>): Promise<PairPeople> {
  const ids = [pair.mentor_id, pair.mentee_id];
  const people = await findPeople(db, pair.team_id, ids);
  const names: Record<string, string> = Object.fromEntries(ids.map((id) => [id, id]));
  const zones: Record<string, string> = Object.fromEntries(ids.map((id) => [id, 'UTC']));
  for (const person of people) {
    names[person.user_id] = person.display_name;
    zones[person.user_id] = person.time_zone;
  }
  return { names, zones };
}

export async function pairForMember(db: Executor, teamId: string, pairId: string, userId: string): Promise<Pair> {
  const pair = isUuid(pairId) ? await findPairById(db, teamId, pairId) : undefined;
  if (!pair || !isMember(pair, userId)) throw notInPair();
  return pair;
}

export async function meetingForMember(db: Executor, teamId: string, meetingId: string, userId: string): Promise<{ meeting: Meeting; pair: Pair }> {
  const meeting = isUuid(meetingId) ? await findMeeting(db, teamId, meetingId) : undefined;
  const pair = meeting ? await findPairById(db, teamId, meeting.pair_id) : undefined;
  if (!meeting || !pair || !isMember(pair, userId)) throw notInPair();
  return { meeting, pair };
}

/** Locks the pair, then the meeting: the one lock order every change to a pair's meetings uses. */
export async function lockMeetingForMember(tx: Tx, teamId: string, meetingId: string, userId: string): Promise<{ meeting: Meeting; pair: Pair }> {
  const found = await meetingForMember(tx, teamId, meetingId, userId);
  const pair = await lockPair(tx, teamId, found.pair.id);
  const meeting = await lockMeeting(tx, teamId, meetingId);
  if (!pair || !meeting || !isMember(pair, userId)) throw notInPair();
  return { meeting, pair };
}

export async function lockPairForMember(tx: Tx, teamId: string, pairId: string, userId: string): Promise<Pair> {
  const pair = isUuid(pairId) ? await lockPair(tx, teamId, pairId) : undefined;
  if (!pair || !isMember(pair, userId)) throw notInPair();
  return pair;
}

export function requireActive(pair: Pair): void {
  if (pair.status !== 'active') throw new DomainError('conflict', `This mentorship is ${pair.status}; its meetings cannot be changed.`);
}
