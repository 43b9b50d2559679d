import { type Harness, startHarness, TEAM_ID } from '../../support/harness';
import { installWorkspace } from '../../support/install';
import { writeNotice } from '../scheduler/notice-fixtures';

/**
 * Workspaces side by side in one process: each row goes out with its own workspace's token, a pass
 * claims only rows of workspaces it holds a working token for, and a workspace whose token Slack
 * refuses is set aside (no row failed for it) until it installs again.
 */
const row = (h: Harness, id: string) =>
  h.db.kysely.selectFrom('outbox').select(['state', 'attempt', 'last_error', 'sends']).where('id', '=', id).executeTakeFirstOrThrow();
const notice = (h: Harness, teamId: string) =>
  writeNotice(h.db.kysely, {
    teamId,
    dueAt: h.clock.now(),
    payload: { target: { type: 'channel', channelId: 'CGOALS' }, message: { text: `for ${teamId}`, blocks: [] } },
  });
const ensureWorkspace = (h: Harness, teamId: string) =>
  h.db.kysely
    .insertInto('workspaces')
    .values({ team_id: teamId })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
const postsFor = (h: Harness, text: string) => h.standIn.callsTo('chat.postMessage').filter((call) => call.args.text === text);

describe('multi-workspace mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ oauth: true });
    await installWorkspace(h, { teamId: 'TAAA' });
    await installWorkspace(h, { teamId: 'TBBB' });
    await ensureWorkspace(h, 'TNONE');
  });
  afterAll(() => h.close());

  it("sends each workspace's rows with its own token, and claims none of a workspace without an installation", async () => {
    const ids = { a: await notice(h, 'TAAA'), b: await notice(h, 'TBBB'), none: await notice(h, 'TNONE') };
    await h.bot.scheduler.runPass(h.clock.now);
    expect(postsFor(h, 'for TAAA').map((call) => call.teamId)).toEqual(['TAAA']);
    expect(postsFor(h, 'for TBBB').map((call) => call.teamId)).toEqual(['TBBB']);
    expect(await row(h, ids.a)).toMatchObject({ state: 'sent' });
    expect(await row(h, ids.b)).toMatchObject({ state: 'sent' });
    expect(await row(h, ids.none)).toMatchObject({ state: 'pending', attempt: 0 });
  });

  it('sets aside a workspace whose token Slack refuses: its row goes back unsent, nothing failed, the other goes on', async () => {
    h.standIn.revokeTokensOf('TAAA');
    const ids = { a: await notice(h, 'TAAA'), b: await notice(h, 'TBBB') };
    const report = await h.bot.scheduler.runPass(h.clock.now);
    expect(report?.dispatch).toMatchObject({ set_aside: 1, failed: 0 });
    expect(await row(h, ids.a)).toMatchObject({ state: 'pending', attempt: 1, sends: 0, last_error: 'token_rejected:token_revoked' });
    expect(await row(h, ids.b)).toMatchObject({ state: 'sent' });
    expect(await h.db.kysely.selectFrom('installations').select('token_error').where('team_id', '=', 'TAAA').executeTakeFirst()).toEqual({
      token_error: 'token_revoked',
    });

    // No further attempt while it is set aside.
    const calls = h.standIn.callsTo('chat.postMessage').length;
    await h.bot.scheduler.runPass(h.clock.now);
    expect(await row(h, ids.a)).toMatchObject({ state: 'pending', attempt: 1 });
    expect(h.standIn.callsTo('chat.postMessage')).toHaveLength(calls);

    // Installed again: a new token, and the row goes out with it.
    await installWorkspace(h, { teamId: 'TAAA' });
    await h.bot.scheduler.runPass(h.clock.now);
    expect(await row(h, ids.a)).toMatchObject({ state: 'sent', attempt: 2 });
    expect(postsFor(h, 'for TAAA').at(-1)).toMatchObject({ teamId: 'TAAA', ok: true });
  });
});

describe('single-token mode (SLACK_BOT_TOKEN)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await ensureWorkspace(h, 'TOTHERDEPLOY');
    await ensureWorkspace(h, TEAM_ID);
  });
  afterAll(() => h.close());

  it("claims only the token's own workspace (auth.test): another deployment's rows in the same database stay untouched", async () => {
    const own = await notice(h, TEAM_ID);
    const theirs = await notice(h, 'TOTHERDEPLOY');
    await h.bot.scheduler.runPass(h.clock.now);
    expect(await row(h, own)).toMatchObject({ state: 'sent' });
    expect(await row(h, theirs)).toMatchObject({ state: 'pending', attempt: 0 });
    expect(postsFor(h, 'for TOTHERDEPLOY')).toEqual([]);
  });

  it('sets the workspace aside when Slack refuses the token, and marks no row failed', async () => {
    h.standIn.revokeTokensOf(TEAM_ID);
    const id = await notice(h, TEAM_ID);
    const report = await h.bot.scheduler.runPass(h.clock.now);
    expect(report?.dispatch).toMatchObject({ set_aside: 1, failed: 0 });
    expect(await row(h, id)).toMatchObject({ state: 'pending', last_error: 'token_rejected:token_revoked' });
    const again = await h.bot.scheduler.runPass(h.clock.now);
    expect(again?.dispatch.claimed).toBe(0);
    expect(await h.db.kysely.selectFrom('outbox').select('id').where('state', '=', 'failed').execute()).toEqual([]);
  });
});
