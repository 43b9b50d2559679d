import { createPgliteDb, type Db } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { untilQuiet } from '../demo/wait';
import { createWorld, whileBothAwake, type World } from '../demo/world';
import { SANDBOX_PEOPLE } from './people';

/** A message a person typed into their DM with the bot: Slack shows it, the stand-in never sees it. */
export interface TypedMessage {
  channel: string;
  ts: string;
  user: string;
  text: string;
}

export interface SandboxOptions {
  /** A fresh, migrated database for each world (tests hand in their own); an in-memory PGlite otherwise. */
  openDb?: () => Promise<Db>;
}

/**
 * The sandbox's state: one demo world (the real bot, its database, the Slack stand-in and the clock)
 * plus what only the page needs: the messages people typed, the field errors a modal is showing, and
 * the clock time each message arrived at. Changes run one at a time (two tabs may click at once), each
 * waiting until the bot is quiet, so the page that asked sees their outcome. `version` changes whenever
 * anything a page shows may have changed; pages poll it.
 */
export class Sandbox {
  readonly typed: TypedMessage[] = [];
  private readonly errors = new Map<string, { hash: string; errors: Record<string, string> }>();
  private readonly arrivedAt = new Map<string, Date>();
  private generation = 0;
  private changes = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private lastTs = 0;

  private constructor(
    private current: World,
    private readonly openDb: () => Promise<Db>,
  ) {}

  static async start(options: SandboxOptions = {}): Promise<Sandbox> {
    const openDb = options.openDb ?? inMemoryDatabases();
    return new Sandbox(await sandboxWorld(openDb), openDb);
  }

  get world(): World {
    return this.current;
  }

  get version(): string {
    return `${this.generation}.${this.changes}.${this.current.standIn.calls.length}.${this.current.clock.now().getTime()}`;
  }

  /** Runs a change after the ones before it, then waits for the bot to finish what it caused. */
  change<T>(work: (world: World) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      try {
        return await work(this.current);
      } finally {
        await untilQuiet(this.current);
        this.stampArrivals();
        this.changes += 1;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Starts over: a fresh world (database, stand-in, clock), and nothing the page remembered. */
  reset(): Promise<void> {
    const run = this.queue.then(async () => {
      const old = this.current;
      this.current = await sandboxWorld(this.openDb);
      this.generation += 1;
      this.typed.length = 0;
      this.errors.clear();
      this.arrivedAt.clear();
      await old.close();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.current.close();
  }

  /** Records what a person typed in a conversation, as Slack shows it there. */
  addTyped(channel: string, user: string, text: string): TypedMessage {
    const message = { channel, user, text, ts: this.nextTs() };
    this.typed.push(message);
    this.arrivedAt.set(`${channel}:${message.ts}`, this.current.clock.now());
    return message;
  }

  setErrors(viewId: string, hash: string, errors: Record<string, string> | undefined): void {
    if (errors && Object.keys(errors).length > 0) this.errors.set(viewId, { hash, errors });
    else this.errors.delete(viewId);
  }

  /** The field errors shown on a view, as long as the bot has not redrawn it since. */
  errorsOf(viewId: string, hash: string): Record<string, string> | undefined {
    const entry = this.errors.get(viewId);
    return entry?.hash === hash ? entry.errors : undefined;
  }

  /** The clock's time when a message reached the page (the stand-in stamps messages with real time). */
  arrival(channel: string, ts: string): Date {
    this.stampArrivals();
    return this.arrivedAt.get(`${channel}:${ts}`) ?? this.current.clock.now();
  }

  /** Notes the clock's time as the arrival of every message not seen before (after each change and each scheduler pass). */
  stampArrivals(): void {
    const now = this.current.clock.now();
    for (const message of this.current.standIn.allMessages()) {
      const key = `${message.channel}:${message.ts}`;
      if (!this.arrivedAt.has(key)) this.arrivedAt.set(key, now);
    }
  }

  /** A ts shaped like Slack's ('seconds.micro'), after every earlier one. */
  private nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }
}

/** The demo's world plus the sandbox's second mentee and coordinator, at a time when the pair is awake. */
async function sandboxWorld(openDb: () => Promise<Db>): Promise<World> {
  const world = await createWorld({ db: await openDb(), write: () => undefined });
  for (const person of SANDBOX_PEOPLE) world.standIn.addUser(person);
  whileBothAwake(world);
  return world;
}

/** In-memory embedded databases, each started from one migrated copy: a reset takes a second, not a migration. */
function inMemoryDatabases(): () => Promise<Db> {
  let template: Promise<Blob> | undefined;
  const migrated = async (): Promise<Blob> => {
    const db = await createPgliteDb({});
    try {
      await migrateToLatest(db.kysely);
      return await db.dumpDataDir!();
    } finally {
      await db.close();
    }
  };
  return async () => createPgliteDb({ loadDataDir: await (template ??= migrated()) });
}
