import type { Executor } from '../../db/types';

/** A state handed out by the install page, usable once until `expiresAt`. */
export async function saveOauthState(db: Executor, id: string, expiresAt: Date): Promise<void> {
  await db.insertInto('oauth_states').values({ id, expires_at: expiresAt }).execute();
}

/**
 * Uses the state up: true only for the first use of a state still valid at `now`. The delete is the
 * single use: two callbacks with the same state race on one row and only one gets it back.
 */
export async function consumeOauthState(db: Executor, id: string, now: Date): Promise<boolean> {
  const used = await db.deleteFrom('oauth_states').where('id', '=', id).returning('expires_at').executeTakeFirst();
  return used !== undefined && used.expires_at.getTime() > now.getTime();
}

/** States never used (the installer closed the tab): forgotten once expired, a few at a time. */
export async function purgeExpiredOauthStates(db: Executor, now: Date, limit: number): Promise<number> {
  const result = await db
    .deleteFrom('oauth_states')
    .where('id', 'in', (eb) => eb.selectFrom('oauth_states').select('id').where('expires_at', '<', now).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
