import type { Kysely } from 'kysely';
import type { Database, Person } from '../../db/schema';
import type { Recorded } from '../effects/effects';
import type { LifecycleService } from '../pairs/lifecycle.service';
import { lockLivePairsOf } from '../pairs/lifecycle.repository';
import type { PairReminders } from '../pairs/pair-reminders';
import { isValidTimeZone } from '../time/zoned';
import { lockPerson, updatePersonAccount } from './people.repository';

/** What Slack says about a person when their profile or account changes (`user_change`). */
export interface SlackAccount {
  teamId: string;
  userId: string;
  displayName: string | null;
  realName?: string | null;
  timeZone: string | null;
  deactivated: boolean;
}

/**
 * People change. A new Slack zone becomes the person's zone and re-plans their reminders, unless they
 * chose their own zone in the reminder settings. A deactivated or deleted account pauses each of the
 * person's running pairs and tells the other person; its `deactivated_at` stays recorded (for the
 * data-retention rule: after UNINSTALL_RETENTION_DAYS a scheduler pass erases the person's data, see
 * src/domain/personal-data/lapsed-accounts.ts). A reactivated account clears it, so nothing is erased;
 * the pairs stay paused until one of the two resumes them.
 */
export class AccountChangesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly lifecycle: LifecycleService,
    private readonly reminders: PairReminders,
  ) {}

  /** Only people the bot knows (someone in a pair) are followed; anyone else is ignored. */
  async changed(account: SlackAccount): Promise<Recorded | null> {
    const now = this.clock();
    return this.db.transaction().execute(async (tx) => {
      const person = await lockPerson(tx, account.teamId, account.userId);
      if (!person) return null;
      const slackZone = account.timeZone && isValidTimeZone(account.timeZone) ? account.timeZone : person.slack_time_zone;
      const zone = person.time_zone_overridden ? person.time_zone : (slackZone ?? person.time_zone);
      const newlyDeactivated = account.deactivated && !person.deactivated_at;
      // Erased after this deactivation: the name stays "a former member" while the account stays away.
      const erased = account.deactivated && isErased(person);
      await updatePersonAccount(tx, person, {
        display_name: erased ? person.display_name : (account.displayName ?? person.display_name),
        real_name: erased ? person.real_name : (account.realName ?? person.real_name),
        slack_time_zone: slackZone,
        time_zone: zone,
        deactivated_at: account.deactivated ? (person.deactivated_at ?? now) : null,
        updated_at: now,
      });
      if (zone !== person.time_zone) await this.reminders.replanPerson(tx, account.teamId, account.userId, now);
      const recorded: Recorded = { teamId: account.teamId, outboxIds: [], homeUsers: [] };
      if (!newlyDeactivated) return recorded;
      for (const pair of await lockLivePairsOf(tx, account.teamId, account.userId)) {
        if (pair.status !== 'active') continue;
        const paused = await this.lifecycle.pauseIn(tx, pair, { actorId: account.userId, cause: 'deactivated', resumeOn: null }, now);
        recorded.outboxIds.push(...paused.recorded.outboxIds);
        recorded.homeUsers.push(...paused.recorded.homeUsers.filter((userId) => userId !== account.userId));
      }
      return recorded;
    });
  }
}

const isErased = (person: Person): boolean =>
  person.erased_at !== null && person.deactivated_at !== null && person.erased_at.getTime() >= person.deactivated_at.getTime();
