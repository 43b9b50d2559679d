import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

/**
 * Opens a statement that PostgreSQL should keep prepared on each connection: `sql\`${PREPARED}select …\``.
 *
 * The bot's combined reads (several reads answered by one statement) are cheap to run and dear to
 * plan: measured with pgbench on this project's data, the agenda modal's read costs PostgreSQL 2.7 ms
 * as an unnamed statement (what pg sends by default, parsed and planned every time) and 0.12 ms
 * prepared; the goal list's 4.5 ms and 0.2 ms. Named, pg parses a statement once per connection and
 * PostgreSQL keeps its plan.
 *
 * Only for statements whose columns are all JSON (or of a type no migration changes): PostgreSQL
 * re-plans a prepared statement by itself when a table it reads changes, but refuses to run one whose
 * result columns would change (`cached plan must not change result type`), which `select *` does
 * when a migration adds a column while the bot runs.
 */
const PREPARED_MARK = '/* prepared */ ';
export const PREPARED = sql.raw(PREPARED_MARK);

const names = new Map<string, string>();

/** A statement's name: the same text always gets the same name, so each connection prepares it once. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

type Query = (text: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Makes a pg client send statements that open with PREPARED_MARK as named ones. Kysely hands pg the
 * text and the values, with no way to name a statement, so the client's `query` does it.
 */
export function namePreparedStatements(client: pg.Client): void {
  const query = client.query.bind(client) as Query;
  (client as unknown as { query: Query }).query = (text, values, callback) =>
    typeof text === 'string' && text.startsWith(PREPARED_MARK) ? query({ name: nameOf(text), text, values }, callback) : query(text, values, callback);
}
