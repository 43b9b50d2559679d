import type { Kysely } from 'kysely';
import type { Database, Person } from '../../db/schema';
import { ensureWorkspace, findPerson, saveDmChannel, upsertPerson, type PersonProfile } from './people.repository';

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

  rememberDmChannel(teamId: string, userId: string, channelId: string): Promise<void> {
    return saveDmChannel(this.db, teamId, userId, channelId);
  }
}
