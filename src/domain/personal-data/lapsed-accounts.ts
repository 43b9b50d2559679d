import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { erasePersonalData, pairsOfPerson, type Who } from './personal-data.repository';
import { lockNextLapsedAccount, markErased } from './lapsed-accounts.repository';

/**
 * A deactivated or deleted Slack account is handled like an uninstall (issue 17): once it has been
 * deactivated for the retention period, the scheduler erases the person's data exactly as their own
 * `/mentorship mydata` delete would (private data deleted, their text in shared history "(removed)",
 * their name "a former member"). One person per transaction, so each is short and a pass can stop
 * between two. Nothing is sent: the person is gone and the other person was told at the deactivation.
 * (Home tabs are not refreshed from a scheduler pass; each shows the change the next time it is opened.)
 *
 * Returns the person erased, or undefined when nobody is due.
 */
export async function eraseNextLapsedAccount(db: Kysely<Database>, deactivatedBefore: Date, now: Date): Promise<Who | undefined> {
  return db.transaction().execute(async (tx) => {
    const who = await lockNextLapsedAccount(tx, deactivatedBefore);
    if (!who) return undefined;
    await erasePersonalData(tx, who, await pairsOfPerson(tx, who), now);
    await markErased(tx, who, now);
    return who;
  });
}
