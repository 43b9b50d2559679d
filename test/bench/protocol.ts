import type { SpreadWorld } from './spread';

/** Messages between the bench runner and its child processes (over Node's IPC channel), and shared fixtures. */
export const BENCH_TEAM = 'T0BENCH';
export const BENCH_SECRET = 'bench-signing-secret';
export const BENCH_TOKEN = 'xoxb-bench';
/** The app's credentials when it serves several workspaces ("Add to Slack"), as `real-oauth`. */
export const BENCH_OAUTH = { clientId: 'bench.client', clientSecret: 'bench-client-secret', stateSecret: 'bench-state-secret' } as const;

export const BENCH_USERS = {
  maria: { id: 'UMARIA', name: 'maria', realName: 'Maria Mentor', tz: 'Europe/Berlin' },
  theo: { id: 'UTHEO', name: 'theo', realName: 'Theo Mentee', tz: 'America/New_York' },
} as const;
export const BENCH_CHANNEL = { id: 'CGOALS', name: 'theo-growth' } as const;

export type ToChild =
  | { type: 'issue'; userId: string; channelId: string; count: number }
  | { type: 'reset' }
  | { type: 'cpu' }
  | { type: 'memory' }
  /** Cancel the DMs still waiting in the outbox (see openRun in run.ts); the bare app has none. */
  | { type: 'cancel-sends' }
  | { type: 'stop' };

export type FromChild =
  | { type: 'ready'; url: string }
  /** From `prepare`: the spread pairs and their modals (test/bench/spread.ts). */
  | { type: 'prepared'; world: SpreadWorld }
  | { type: 'issued'; triggers: string[]; responseUrls: string[] }
  | { type: 'reset-done' }
  /** CPU time used so far (of it, in the kernel: systemMs), and statements sent to PostgreSQL (0 on PGlite). */
  | { type: 'cpu'; ms: number; systemMs: number; queries: number }
  | { type: 'memory'; usage: NodeJS.MemoryUsage; wasmMb?: number }
  | { type: 'sends-cancelled'; count: number }
  | { type: 'error'; message: string };
