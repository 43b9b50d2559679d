import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { sql } from 'kysely';
import { createDb, type Db } from '../../../src/db/create-db';
import { migrateToLatest } from '../../../src/db/migrate';
import { withDatabase } from '../../support/db-env';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** One table of a bench report; the runner prints it (see printSection) or merges it into its own report. */
export interface BenchSection {
  title: string;
  rows: Array<Record<string, string | number>>;
  notes?: string[];
}

export interface ScratchDb extends Db {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database on the server at DATABASE_URL, dropped by `drop()`. */
export async function scratchDatabase(label: string, poolSize = 8): Promise<ScratchDb> {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const name = `mentorship_bench_${label}_${randomBytes(3).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const dbUrl = withDatabase(url, name);
  const db = await createDb({ kind: 'postgres', url: dbUrl }, { poolSize });
  await migrateToLatest(db.kysely);
  return {
    ...db,
    url: dbUrl,
    name,
    drop: async () => {
      await db.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const admin = await createDb({ kind: 'postgres', url }, { poolSize: 1 });
  try {
    await sql.raw(statement).execute(admin.kysely);
  } finally {
    await admin.close();
  }
}

/** Percentile of a sample (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Times `fn` `iterations` times (after `warmup` untimed runs); milliseconds per run. */
export async function timeIt(iterations: number, fn: (i: number) => Promise<unknown>, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

export const ms = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A plain-text table: the same text goes to the terminal and, pasted, into the README. */
export function formatSection(section: BenchSection): string {
  const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => String(value ?? '');
  const lines = [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`];
  for (const row of section.rows) lines.push(`| ${columns.map((column) => cell(row[column])).join(' | ')} |`);
  return [`### ${section.title}`, '', ...lines, ...(section.notes?.length ? ['', ...section.notes] : []), ''].join('\n');
}

export function printSection(section: BenchSection): void {
  process.stdout.write(`${formatSection(section)}\n`);
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`;
}
