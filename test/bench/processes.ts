/** Child processes of the bench: started with an IPC channel, asked things, sampled for memory, stopped. */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FromChild, ToChild } from './protocol';
import type { SpreadWorld } from './spread';

export interface Child {
  name: string;
  process: ChildProcess;
  url: string;
  ask<T extends FromChild['type']>(message: ToChild, reply: T): Promise<Extract<FromChild, { type: T }>>;
  stop(): Promise<void>;
}

/** Starts `dist/test/bench/<script>.js` and waits for its `ready` message. */
export function startChild(name: string, script: string, args: string[] = [], execArgv: string[] = []): Promise<Child> {
  const child = fork(join(__dirname, `${script}.js`), args, {
    execArgv,
    // stdout (the app's JSON logs) goes to /dev/null, as cheap as a log shipper reading a pipe; stderr stays visible.
    // BENCH_APP_LOGS=1 shows them (with LOG_LEVEL=warn: why requests were turned away, and failures).
    stdio: ['ignore', process.env.BENCH_APP_LOGS ? 'inherit' : 'ignore', 'inherit', 'ipc'],
    env: { ...process.env },
  });
  const ask = <T extends FromChild['type']>(message: ToChild, reply: T) =>
    new Promise<Extract<FromChild, { type: T }>>((resolve) => {
      const listener = (m: FromChild) => {
        if (m.type !== reply) return;
        child.off('message', listener);
        resolve(m as Extract<FromChild, { type: T }>);
      };
      child.on('message', listener);
      child.send(message);
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.on('message', (m: FromChild) => {
      if (m.type === 'error') reject(new Error(`${name}: ${m.message}`));
      if (m.type !== 'ready') return;
      child.removeAllListeners('exit');
      resolve({
        name,
        process: child,
        url: m.url,
        ask,
        stop: () =>
          new Promise<void>((done) => {
            // Writing a CPU profile (BENCH_PROFILE) at exit can take longer than a plain stop.
            const timer = setTimeout(() => child.kill('SIGKILL'), process.env.BENCH_PROFILE ? 60_000 : 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.send({ type: 'stop' } satisfies ToChild);
          }),
      });
    });
  });
}

/** Runs `dist/test/bench/<script>.js` to the end, resolving with the world it reports as `prepared`. */
export function runPrepare(script: string, args: string[]): Promise<SpreadWorld> {
  const child = fork(join(__dirname, `${script}.js`), args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env } });
  return new Promise((resolve, reject) => {
    let world: SpreadWorld | undefined;
    child.on('message', (m: FromChild) => {
      if (m.type === 'error') reject(new Error(`prepare: ${m.message}`));
      if (m.type === 'prepared') world = m.world;
    });
    child.once('exit', (code) => (world ? resolve(world) : reject(new Error(`prepare exited with ${code} without a world`))));
  });
}

/** Resident set size in MB, read from /proc (so sampling costs the measured process nothing). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS every `everyMs` while `work` runs; resolves with the work's result and the peak. */
export async function withRssPeak<T>(pid: number | undefined, work: Promise<T>, everyMs = 100): Promise<{ result: T; peakMb: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now > peak || Number.isNaN(peak)) peak = now;
  }, everyMs);
  try {
    const result = await work;
    peak = Math.max(peak, rssMb(pid));
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Each run starts with no DMs waiting: the outbox sends at most 5 a second per workspace (SCHEDULER.md),
 * so a run of submissions at 100/s leaves nearly all of its DMs behind, and the next runs (the next
 * workload's too) would pay for sending them, at 5 a second for many minutes. What a run leaves is
 * cancelled before the next one starts; within a run the bot sends what its workspace's budget allows.
 * Replicas share one database, so asking one of them cancels what all of them left.
 */
export async function cancelLeftoverSends(app: Child): Promise<void> {
  const { count } = await app.ask({ type: 'cancel-sends' }, 'sends-cancelled');
  if (process.env.BENCH_DEBUG && count > 0) process.stdout.write(` [${count} sends left by the previous run cancelled]`);
}
