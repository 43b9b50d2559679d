import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Database } from './schema';
import { namePreparedStatements } from './prepared';

/** OIDs of the types we read as text: local dates and wall times must not be shifted by a host zone. */
const DATE_OID = 1082;
const TIME_OID = 1083;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export interface Db {
  kysely: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
  /** Embedded only: the data directory as a tarball (tests clone a migrated template from it). */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * The connection pool's counts, for metrics and load shedding: pg's pool, or PGlite's one connection
   * and the queries queued for it.
   */
  poolStats?: () => PoolStats;
  /** PostgreSQL only: opens every connection of the pool now, so the first requests do not wait for one. */
  warm?: () => Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** Queries (or transactions) waiting for a connection now. */
  waiting: number;
  /**
   * How long the one that has waited longest has been waiting, in ms (0 when none waits). The queue is
   * served in order, so this is how far behind it runs: a new request's queries start at least this late.
   */
  oldestWaitMs: number;
}

export async function createDb(config: DatabaseConfig, options: { poolSize?: number } = {}): Promise<Db> {
  if (config.kind === 'postgres') return createPostgresDb(config.url, options.poolSize ?? 10);
  return createPgliteDb({ dataDir: config.dataDir });
}

function createPostgresDb(url: string, poolSize: number): Db {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID || oid === TIME_OID) return (value: string) => value;
      // counts and sums: small enough for a JS number in this domain.
      if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    },
  };
  // A fixed-size pool, as HikariCP advises for spiky load: a connection, once open, stays open (pg's
  // default closes one idle for 10 s). Opening one starts a PostgreSQL backend, and a request
  // that arrives in a burst would wait for it: over 100 ms in the replicas bench, for a process under a
  // CPU limit (docs/benchmarks.md). `warm` opens them all before traffic comes. Idle connections do not
  // keep the process alive (a command-line tool, a test): what runs until stopped has a server that does.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, min: poolSize, allowExitOnIdle: true, types: types });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', namePreparedStatements);
  const waits = timeQueuedConnects(pool, poolSize);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const poolStats = (): PoolStats => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, oldestWaitMs: waits.oldestMs() });
  const warm = async (): Promise<void> => {
    const opened = await Promise.allSettled(Array.from({ length: poolSize }, () => pool.connect()));
    // Every connection that did open goes back to the pool, even when another failed.
    for (const one of opened) if (one.status === 'fulfilled') one.value.release();
    const failed = opened.find((one) => one.status === 'rejected');
    if (failed) throw failed.reason;
  };
  return { kysely, kind: 'postgres', close: once(() => kysely.destroy()), poolStats, warm };
}

/** What `timeQueuedConnects` needs of pg's pool. */
export interface ConnectingPool {
  connect: pg.Pool['connect'];
  readonly totalCount: number;
  readonly idleCount: number;
}

/**
 * Remembers when each connection asked for (each query outside a transaction, each transaction) that
 * the pool queues began waiting, until the pool hands one over. pg's pool serves its queue in order, so
 * the first one still waiting is the oldest. Kysely asks `pool.connect()` for every connection. One the
 * pool opens a new connection for (below its size, none idle) is not behind anyone: the time a backend
 * takes to start is not a queue, and counted as one it made a process shed at 4 requests in flight.
 */
export function timeQueuedConnects(pool: ConnectingPool, size: number): { oldestMs(): number } {
  const started = new Map<number, number>();
  let next = 0;
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient>;
  const timed = async (): Promise<pg.PoolClient> => {
    if (pool.totalCount < size && pool.idleCount === 0) return await connect();
    const id = next++;
    started.set(id, performance.now());
    try {
      return await connect();
    } finally {
      started.delete(id);
    }
  };
  // The callback form (pool.query uses it) is left as it was.
  pool.connect = ((callback?: unknown) => (callback ? connect(callback) : timed())) as typeof pool.connect;
  return {
    oldestMs() {
      const first = started.values().next();
      return first.done ? 0 : performance.now() - first.value;
    },
  };
}

export interface PgliteSource {
  dataDir?: string;
  /** A tarball from `dumpDataDir()`, used by tests to start from a migrated template. */
  loadDataDir?: Blob;
}

/**
 * PostgreSQL inside PGlite would reserve 128 MB of shared buffers in a WebAssembly heap that never
 * shrinks. The bot's data is small and the operating system caches the files anyway: 16 MB takes
 * about 130 MB off the resident size.
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=16MB'];

export async function createPgliteDb(source: PgliteSource): Promise<Db> {
  if (source.dataDir && !existsSync(join(source.dataDir, 'PG_VERSION'))) await initialiseDataDir(source.dataDir);
  // PGlite ships as ESM only; a dynamic import keeps this CommonJS build working.
  const { PGlite } = await import('@electric-sql/pglite');
  const parsers = {
    [DATE_OID]: (value: string) => value,
    [TIME_OID]: (value: string) => value,
    [INT8_OID]: (value: string) => Number(value),
    [NUMERIC_OID]: (value: string) => Number(value),
  };
  const pglite = await PGlite.create({
    dataDir: source.dataDir,
    parsers,
    loadDataDir: source.loadDataDir,
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
  });
  const dialect = new ObservedPGliteDialect(pglite);
  const kysely = new Kysely<Database>({ dialect });
  return {
    kysely,
    kind: 'pglite',
    poolStats: () => dialect.stats(),
    dumpDataDir: async () => await pglite.dumpDataDir('gzip'),
    close: once(async () => {
      // Kysely's PGlite driver closes the instance on destroy; close it ourselves only if it did not.
      await kysely.destroy();
      if (!pglite.closed) await pglite.close();
    }),
  };
}

/** The PGlite driver serialises every query on one connection; its queue is the embedded database's wait queue. */
class ObservedPGliteDialect extends PGliteDialect {
  private driver: { connection?: unknown; queue?: unknown[] } | undefined;

  override createDriver(): ReturnType<PGliteDialect['createDriver']> {
    const driver = super.createDriver();
    this.driver = driver as unknown as { connection?: unknown; queue?: unknown[] };
    return driver;
  }

  /** The queue's entries carry no time: its length is what load shedding watches here. */
  stats(): PoolStats {
    const busy = this.driver?.connection !== undefined;
    return { total: 1, idle: busy ? 0 : 1, waiting: this.driver?.queue?.length ?? 0, oldestWaitMs: 0 };
  }
}

/**
 * A new data directory is created (initdb) in a short-lived child process: initdb leaves several
 * hundred MB resident in the process that ran it, which the bot would otherwise carry until restart.
 */
function initialiseDataDir(dataDir: string): Promise<void> {
  const entry = require.resolve('@electric-sql/pglite');
  const script = `require(${JSON.stringify(entry)}).PGlite.create({ dataDir: ${JSON.stringify(dataDir)} }).then((db) => db.close())`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], (error, _stdout, stderr) =>
      error ? reject(new Error(`could not create the embedded database in ${dataDir}: ${stderr.trim() || error.message}`)) : resolve(),
    );
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
