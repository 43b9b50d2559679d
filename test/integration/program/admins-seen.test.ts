import type { Db } from '../../../src/db/create-db';
import type { Standing } from '../../../src/domain/pairs/coordinators';
import { ProgramService } from '../../../src/domain/program/program.service';
import { createTestDb } from '../../support/test-db';

/**
 * Who the weekly digest knows as an admin (issue 16, point 5): every time the bot reads a person's
 * role from Slack it records it, since the scheduler has no request to ask Slack with.
 */
const TEAM = 'TADMINS';
let db: Db;
let service: ProgramService;
const slackSays = (standing: Partial<Standing>) => ({ standingOf: async () => ({ admin: false, deleted: false, bot: false, ...standing }) });
const admins = async () => (await db.kysely.selectFrom('workspace_admins').select('user_id').where('team_id', '=', TEAM).execute()).map((row) => row.user_id);

beforeAll(async () => {
  db = await createTestDb();
  await db.kysely.insertInto('workspaces').values({ team_id: TEAM }).execute();
  service = new ProgramService(db.kysely, () => new Date('2026-12-07T00:00:00Z'));
});
afterAll(() => db.close());

it('records an admin or owner when Slack says so, and forgets them once Slack says otherwise or the account is deactivated', async () => {
  expect(await service.isCoordinator(TEAM, 'UBOSS', slackSays({ admin: true }))).toBe(true);
  expect(await service.isCoordinator(TEAM, 'UPLAIN', slackSays({}))).toBe(false);
  expect(await admins()).toEqual(['UBOSS']);
  // Asked again: still one row.
  await service.isCoordinator(TEAM, 'UBOSS', slackSays({ admin: true }));
  expect(await admins()).toEqual(['UBOSS']);
  await service.isCoordinator(TEAM, 'UBOSS', slackSays({ admin: true, deleted: true }));
  expect(await admins()).toEqual([]);
  await service.isCoordinator(TEAM, 'UBOSS', slackSays({ admin: true }));
  await service.isCoordinator(TEAM, 'UBOSS', slackSays({ admin: false }));
  expect(await admins()).toEqual([]);
});
