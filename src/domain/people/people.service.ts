import type { Kysely } from 'kysely';
import type { Database, Person } from '../../db/schema';
import { ensureWorkspace, findPeople, findPerson, saveDmChannel, upsertPerson, type PersonProfile } from './people.repository';

export class PeopleService {
  constructor(private readonly db: Kysely<Database>) {}

  find(teamId: string, userId: string): Promise<Person | undefined> {
    return findPerson(this.db, teamId, userId);
  }

  async remember(profile: PersonProfile): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await ensureWorkspace(tx, profile.teamId);
      await upsertPerson(tx, profile);
    });
  }

  /** DM channels are opened once per person and kept (conversations.open is only Tier 3). */
  async dmChannel(teamId: string, userId: string): Promise<string | null> {
    return (await findPerson(this.db, teamId, userId))?.dm_channel_id ?? null;
  }

  /** Display names by user id; an id we never stored falls back to itself. */
  async displayNames(teamId: string, userIds: readonly string[]): Promise<Record<string, string>> {
    const people = await findPeople(this.db, teamId, [...new Set(userIds)]);
    const names: Record<string, string> = Object.fromEntries(userIds.map((id) => [id, id]));
    for (const person of people) names[person.user_id] = person.display_name;
    return names;
  }

  rememberDmChannel(teamId: string, userId: string, channelId: string): Promise<void> {
    return saveDmChannel(this.db, teamId, userId, channelId);
  }
}
