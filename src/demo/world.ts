import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openDatabase } from '../db/open';
import type { Db } from '../db/create-db';
import { startLocalBot, type LocalBot } from '../devtools/local-bot';
import { SlackDriver } from '../devtools/slack-driver';
import { SlackStandIn } from '../devtools/slack-stand-in';
import { afterQuietHours, inQuietHours } from '../domain/reminders/quiet-hours';
import { Transcript } from './transcript';

export const DEMO_TEAM = 'T0DEMO';
const SIGNING_SECRET = 'demo-signing-secret';
const BOT_TOKEN = 'xoxb-demo';

/** `realName` labels each person in the transcript; `displayName` is what Slack (and so the bot) shows. */
export const PEOPLE = {
  maria: { id: 'UMARIA', name: 'maria', realName: 'Maria (mentor)', displayName: 'Maria', tz: 'Europe/Berlin' },
  theo: { id: 'UTHEO', name: 'theo', realName: 'Theo (mentee)', displayName: 'Theo', tz: 'America/New_York' },
  sam: { id: 'USAM', name: 'sam', realName: 'Sam (not in the pair)', displayName: 'Sam', tz: 'Asia/Tokyo' },
} as const;
export const GOALS_CHANNEL = { id: 'CGROWTH', name: 'theo-growth' } as const;

/**
 * A clock the demo moves forward to play weeks of a mentorship in seconds. It never runs backwards:
 * a transcript where a reminder arrives before what it reminds of would be a lie, so an act that
 * asks for an earlier time fails the demo.
 */
export class DemoClock {
  constructor(private current: Date) {}
  readonly now = (): Date => new Date(this.current);
  set(instant: Date): void {
    if (instant.getTime() < this.current.getTime())
      throw new Error(`the demo's clock would run backwards, from ${this.current.toISOString()} to ${instant.toISOString()}`);
    this.current = new Date(instant);
  }
}

export interface World {
  db: Db;
  standIn: SlackStandIn;
  driver: SlackDriver;
  bot: LocalBot;
  clock: DemoClock;
  transcript: Transcript;
  close(): Promise<void>;
}

/**
 * The real bot on the embedded database (in a throw-away data directory, unless a migrated database
 * is given), talking to a local Slack stand-in instead of Slack: nothing to sign up for, nothing left behind.
 */
export async function createWorld(options: { db?: Db; write?: (text: string) => void } = {}): Promise<World> {
  const dataDir = options.db ? undefined : mkdtempSync(join(tmpdir(), 'mentorship-demo-'));
  const db = options.db ?? (await openDatabase({ kind: 'pglite', dataDir: dataDir! }));
  const standIn = await SlackStandIn.start({ botToken: BOT_TOKEN, teamId: DEMO_TEAM });
  for (const person of Object.values(PEOPLE)) standIn.addUser(person);
  standIn.addChannel(GOALS_CHANNEL);
  const clock = new DemoClock(new Date());
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const bot = await startLocalBot({
    db,
    apiUrl: standIn.apiUrl,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    logger,
    clock: clock.now,
    // The demo drives the bot from its own process, so its own work shows as event-loop lag and as
    // requests waiting before the app reads them: turning them away as "busy" would only cut the story
    // short on a busy machine.
    maxEventLoopLagMs: Number.POSITIVE_INFINITY,
    maxRequestAgeMs: Number.POSITIVE_INFINITY,
    maxDbWaitMs: Number.POSITIVE_INFINITY,
  });
  const driver = new SlackDriver({ appUrl: bot.eventsUrl, signingSecret: SIGNING_SECRET, standIn, teamId: DEMO_TEAM });
  const transcript = new Transcript(standIn, Object.values(PEOPLE), [GOALS_CHANNEL], options.write);
  return {
    db,
    standIn,
    driver,
    bot,
    clock,
    transcript,
    async close() {
      await bot.stop();
      await standIn.stop();
      await db.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Moves the demo clock on to a time when Maria and Theo are both awake: a message to the other person
 * waits for the end of their night (21:00-08:00 in their zone), and the acts show it arriving at once.
 */
export function whileBothAwake(world: World): void {
  const { maria, theo } = PEOPLE;
  let at = world.clock.now();
  while (inQuietHours(at, maria.tz) || inQuietHours(at, theo.tz)) at = afterQuietHours(afterQuietHours(at, maria.tz), theo.tz);
  world.clock.set(at);
}
