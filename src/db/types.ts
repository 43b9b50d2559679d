import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** Either the pool or an open transaction: repositories accept both, so the caller decides. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type Tx = Transaction<Database>;
export type { Database };
