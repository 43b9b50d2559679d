import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../src/db/schema';
import type { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { ProgramActions } from '../../../src/slack/ids';
import { seedProgram } from '../../support/program-fixtures';
import { clockedWorld } from './clocked-world';
import { RACE_TEAM, type Replica, replicaScheduler, startReplica } from './replicas';

/**
 * The weekly digest (issue 16, point 5) through the scheduler: each coordinator (added, or seen as an
 * admin) gets one DM on Monday at 09:00 in their own zone, through the outbox, and none at other times.
 */
// Monday 7 December 2026: 09:00 in Tokyo is 00:00 UTC, in New York 14:00 UTC.
const TOKYO_NINE = new Date('2026-12-07T00:00:00Z');
const NEW_YORK_NINE = new Date('2026-12-07T14:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const world = clockedWorld(TOKYO_NINE);

/** A program of two pairs (one new, one stalled), an added coordinator in Tokyo, an admin in New York, a deactivated admin. */
async function seedCoordinators(db: Kysely<Database>, standIn: SlackStandIn): Promise<void> {
  // program_coordinators has no foreign key to workspaces: the world's truncate leaves it.
  await sql`truncate program_coordinators`.execute(db);
  await seedProgram(db, RACE_TEAM, [
    { status: 'active', createdAt: new Date(TOKYO_NINE.getTime() - 2 * DAY), startedOn: '2026-12-05' },
    { status: 'active', createdAt: new Date(TOKYO_NINE.getTime() - 90 * DAY), startedOn: '2026-09-01' },
  ]);
  const people = [
    { user_id: 'UADDED', time_zone: 'Asia/Tokyo', deactivated_at: null },
    { user_id: 'UADMIN', time_zone: 'America/New_York', deactivated_at: null },
    { user_id: 'UGONE', time_zone: 'Asia/Tokyo', deactivated_at: new Date('2026-11-01T00:00:00Z') },
  ];
  await db
    .insertInto('people')
    .values(people.map((p) => ({ team_id: RACE_TEAM, display_name: p.user_id, ...p })))
    .execute();
  for (const p of people) standIn.addUser({ id: p.user_id, name: p.user_id.toLowerCase(), tz: p.time_zone });
  await db.insertInto('program_coordinators').values({ team_id: RACE_TEAM, user_id: 'UADDED', added_by: 'UADMIN' }).execute();
  await db
    .insertInto('workspace_admins')
    .values(['UADMIN', 'UGONE'].map((user_id) => ({ team_id: RACE_TEAM, user_id })))
    .execute();
}

const digestsTo = (userId: string) => world.standIn.dmsTo(userId).filter((m) => m.text.startsWith('Your mentorship program this week'));

describe('the weekly digest', () => {
  const pass = (at: Date) => {
    world.set(at);
    return replicaScheduler(world.db.kysely, world.standIn, 'pass').runPass(world.clock);
  };
  beforeEach(() => seedCoordinators(world.db.kysely, world.standIn));

  it('sends each coordinator one digest at 09:00 on Monday in their own zone, and a deactivated admin none', async () => {
    await pass(new Date(TOKYO_NINE.getTime() - MINUTE));
    expect(digestsTo('UADDED')).toHaveLength(0);
    await pass(TOKYO_NINE);
    expect(digestsTo('UADDED')).toHaveLength(1);
    expect(digestsTo('UADMIN')).toHaveLength(0);
    await pass(new Date(NEW_YORK_NINE.getTime() - MINUTE));
    expect(digestsTo('UADMIN')).toHaveLength(0);
    await pass(NEW_YORK_NINE);
    await pass(new Date(NEW_YORK_NINE.getTime() + 5 * MINUTE));
    expect(digestsTo('UADDED')).toHaveLength(1);
    expect(digestsTo('UADMIN')).toHaveLength(1);
    expect(digestsTo('UGONE')).toHaveLength(0);

    const [digest] = digestsTo('UADDED');
    const text = JSON.stringify(digest!.blocks);
    expect(digest!.text).toBe('Your mentorship program this week: 1 new, 1 stalled, 0 ended.');
    expect(text).toContain('<@UPM0> mentors <@UPE0>');
    expect(text).toContain('<@UPM1> mentors <@UPE1>');
    expect(text).toContain('Habits, last 30 days');
    expect(text).toContain(ProgramActions.digestOpen);
    expect(text).toContain('Sent Mondays at 09:00 (Asia/Tokyo)');
    // A week later, the next one.
    await pass(new Date(TOKYO_NINE.getTime() + 7 * DAY));
    expect(digestsTo('UADDED')).toHaveLength(2);
  });

  it('sends none on other days or hours, and none more than 12 hours late', async () => {
    for (const at of [-DAY, 12 * HOUR, DAY, 2 * DAY + 9 * HOUR, 5 * DAY]) await pass(new Date(TOKYO_NINE.getTime() + at));
    expect(digestsTo('UADDED')).toHaveLength(0);
    // Every replica down at nine: a pass at 20:59 Tokyo still sends it.
    await pass(new Date(TOKYO_NINE.getTime() + 12 * HOUR - MINUTE));
    expect(digestsTo('UADDED')).toHaveLength(1);
  });
});

const describePg = process.env.DATABASE_URL ? describe : describe.skip;

describePg('the weekly digest across replicas (PostgreSQL)', () => {
  const replicas: Replica[] = [];
  afterAll(async () => {
    for (const replica of replicas) await replica.db.close();
  });

  it('is sent once when two replicas run their passes at the same moment', async () => {
    await seedCoordinators(world.db.kysely, world.standIn);
    for (const name of ['r1', 'r2']) replicas.push(await startReplica(world.db.url!, world.standIn, name));
    world.set(TOKYO_NINE);
    await Promise.all(replicas.map((replica) => replica.scheduler.runPass(world.clock)));
    await Promise.all(replicas.map((replica) => replica.scheduler.runPass(world.clock)));
    expect(digestsTo('UADDED')).toHaveLength(1);
    const rows = await world.db.kysely.selectFrom('outbox').select(['state']).where('dedupe_key', 'like', 'program_digest:%').execute();
    expect(rows).toEqual([{ state: 'sent' }]);
  });
});
