import type pg from 'pg';
import { type ConnectingPool, timeQueuedConnects } from '../../../src/db/create-db';

/**
 * Load shedding reads how long the oldest request for a connection has waited. Only a request the pool
 * queues (every connection open and none idle) waits behind others; one it opens a new connection for
 * is not in a queue, however long the backend takes to start.
 */
function fakePool(size: number, open: number) {
  const pending: Array<() => void> = [];
  const pool = {
    totalCount: open,
    idleCount: 0,
    connect: (() =>
      new Promise<pg.PoolClient>((resolve) => {
        pending.push(() => resolve({} as pg.PoolClient));
      })) as pg.Pool['connect'],
  } satisfies ConnectingPool;
  const waits = timeQueuedConnects(pool, size);
  const handOver = async () => {
    pending.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { pool, waits, handOver };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('does not count a connection being opened as a wait', async () => {
  const { pool, waits, handOver } = fakePool(10, 3);
  const opening = pool.connect();
  await pause(30);
  expect(waits.oldestMs()).toBe(0);
  await handOver();
  await opening;
});

it('counts a request the full pool queues from when it asked, until it is handed a connection', async () => {
  const { pool, waits, handOver } = fakePool(10, 10);
  const first = pool.connect();
  await pause(30);
  const second = pool.connect();
  expect(waits.oldestMs()).toBeGreaterThanOrEqual(25);
  await handOver();
  await first;
  expect(waits.oldestMs()).toBeLessThan(25);
  await handOver();
  await second;
  expect(waits.oldestMs()).toBe(0);
});

it('counts a request that waits for an idle connection to be handed over', async () => {
  const { pool, waits, handOver } = fakePool(10, 4);
  pool.idleCount = 1;
  const asked = pool.connect();
  await pause(10);
  expect(waits.oldestMs()).toBeGreaterThan(0);
  await handOver();
  await asked;
  expect(waits.oldestMs()).toBe(0);
});
