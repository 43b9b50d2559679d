import type { Updateable } from 'kysely';
import type { Executor, Tx } from '../../db/types';
import type { PeopleTable, Person } from '../../db/schema';

export interface PersonProfile {
  teamId: string;
  userId: string;
  displayName: string;
  /** Slack's real name; undefined leaves the stored one as it is. */
  realName?: string | null;
  timeZone: string;
}

export async function ensureWorkspace(db: Executor, teamId: string): Promise<void> {
  await db
    .insertInto('workspaces')
    .values({ team_id: teamId })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
}

/**
 * Inserts or refreshes the name and zone Slack reports; settings the person chose are kept (their
 * own zone, when they set one in the reminder settings, wins over Slack's).
 */
export async function upsertPerson(db: Executor, profile: PersonProfile): Promise<void> {
  await db
    .insertInto('people')
    .values({
      team_id: profile.teamId,
      user_id: profile.userId,
      display_name: profile.displayName,
      real_name: profile.realName ?? null,
      time_zone: profile.timeZone,
      slack_time_zone: profile.timeZone,
      dm_channel_id: null,
      reminders_paused_until: null,
    })
    .onConflict((oc) =>
      oc.columns(['team_id', 'user_id']).doUpdateSet((eb) => ({
        display_name: profile.displayName,
        ...(profile.realName === undefined ? {} : { real_name: profile.realName }),
        slack_time_zone: profile.timeZone,
        time_zone: eb.case().when('people.time_zone_overridden', '=', true).then(eb.ref('people.time_zone')).else(profile.timeZone).end(),
        updated_at: new Date(),
      })),
    )
    .execute();
}

export async function findPerson(db: Executor, teamId: string, userId: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).executeTakeFirst();
}

export async function findPeople(db: Executor, teamId: string, userIds: readonly string[]): Promise<Person[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('user_id', 'in', [...userIds])
    .execute();
}

export async function saveDmChannel(db: Executor, teamId: string, userId: string, channelId: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ dm_channel_id: channelId, updated_at: new Date() })
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .execute();
}

/** Each person's zone, for times shown to them: UTC for someone never stored. */
export async function zonesOf(db: Executor, teamId: string, userIds: readonly string[]): Promise<Record<string, string>> {
  const zones: Record<string, string> = Object.fromEntries(userIds.map((id) => [id, 'UTC']));
  for (const person of await findPeople(db, teamId, userIds)) zones[person.user_id] = person.time_zone;
  return zones;
}

export async function lockPerson(tx: Tx, teamId: string, userId: string): Promise<Person | undefined> {
  return tx.selectFrom('people').selectAll().where('team_id', '=', teamId).where('user_id', '=', userId).forUpdate().executeTakeFirst();
}

/** What a Slack account change writes: name, Slack's zone, the zone followed, deactivation. */
export async function updatePersonAccount(
  tx: Tx,
  person: Pick<Person, 'team_id' | 'user_id'>,
  patch: Pick<Updateable<PeopleTable>, 'display_name' | 'real_name' | 'slack_time_zone' | 'time_zone' | 'deactivated_at' | 'updated_at'>,
): Promise<void> {
  await tx.updateTable('people').set(patch).where('team_id', '=', person.team_id).where('user_id', '=', person.user_id).execute();
}
