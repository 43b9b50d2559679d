import type { Kysely } from 'kysely';
import { ConfigError } from '../../config';
import type { Database } from '../../db/schema';
import { sealedKeyIds } from './data-keys.repository';
import { keyIdOf } from './sealed-text';

/**
 * At the bot's start: every sealed text in the database must open with a key of
 * DATA_ENCRYPTION_KEY. A key dropped from the list, a wrong key, or the variable unset while sealed
 * texts exist stops the process with one line naming the missing key ids, before anyone is shown
 * "I can't read your journal". (Reads check again, per text: see TextCipher.open.) `npm run tick`, which
 * cron may run every minute, skips this scan: a check-in it cannot open leaves the goals out, logged.
 */
export async function requireDataKeys(db: Kysely<Database>, keys: readonly Buffer[]): Promise<void> {
  const known = new Set(keys.map(keyIdOf));
  const missing = (await sealedKeyIds(db)).filter((id) => !known.has(id));
  if (missing.length === 0) return;
  throw new ConfigError(
    keys.length === 0
      ? `DATA_ENCRYPTION_KEY: unset, but journal entries or reflections are encrypted with key id ${missing.join(', ')}; set the key(s) they were written with`
      : `DATA_ENCRYPTION_KEY: journal entries or reflections are encrypted with key id ${missing.join(', ')}, which it does not list; add the old key after the new one (see docs/operations.md, "Encryption at rest")`,
  );
}
