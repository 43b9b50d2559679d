import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Names shared by the global set-up (which builds one migrated template per run) and the test
 * files (which each clone it). The run id keeps parallel runs on one server apart.
 */
export const TEMPLATE_DUMP_ENV = 'MENTORSHIP_TEST_PGLITE_TEMPLATE';
export const TEMPLATE_DB_ENV = 'MENTORSHIP_TEST_PG_TEMPLATE';
export const RUN_ID_ENV = 'MENTORSHIP_TEST_RUN_ID';

export const pgliteTemplatePath = (runId: string): string => join(tmpdir(), `mentorship-template-${runId}.tar.gz`);

/** A database URL on the same server with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
