import { sql } from 'kysely';
import type { Db } from '../../../src/db/create-db';
import { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { createTestDb } from '../../support/test-db';
import { RACE_TEAM, RACE_TOKEN } from './replicas';

export interface ClockedWorld {
  db: Db & { url?: string };
  standIn: SlackStandIn;
  /** The test's clock: passes, sendNow and the stand-in's message timestamps all read it. */
  clock: () => Date;
  set(at: Date | number): void;
}

/**
 * One database and one stand-in for a test file, on a clock the test moves (so reconciliation's
 * windows over Slack's timestamps mean what they say). Emptied, and the clock reset to `start`,
 * before each test; a public channel CPUBLIC is there.
 */
export function clockedWorld(start: Date): ClockedWorld {
  let current = start;
  const world = {
    clock: () => current,
    set: (at: Date | number) => {
      current = new Date(at);
    },
  } as ClockedWorld;
  beforeAll(async () => {
    world.db = await createTestDb();
    world.standIn = await SlackStandIn.start({ botToken: RACE_TOKEN, teamId: RACE_TEAM, now: () => current.getTime() });
  });
  afterAll(async () => {
    await world.standIn.stop();
    await world.db.close();
  });
  beforeEach(async () => {
    await sql`truncate workspaces cascade`.execute(world.db.kysely);
    world.standIn.reset();
    world.standIn.addChannel({ id: 'CPUBLIC', name: 'goals' });
    current = start;
  });
  return world;
}
