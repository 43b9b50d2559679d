import { createHmac } from 'node:crypto';
import { BOT_SCOPES } from '../../../src/slack/install/scopes';
import { type Harness, OAUTH, startHarness, USERS } from '../../support/harness';
import { driverFor, installWorkspace, oauthRedirect, openInstallPage } from '../../support/install';
import { eventually } from '../../support/wait';
import { writeNotice } from '../scheduler/notice-fixtures';

/**
 * "Add to Slack" end to end over real HTTP: the install page, Slack's consent (the stand-in issues the
 * code), the callback exchanging it through oauth.v2.access, the installation in the database, and
 * every request and send of that workspace made with its own token.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ oauth: true });
});
afterAll(() => h.close());

const installation = (teamId: string) => h.db.kysely.selectFrom('installations').selectAll().where('team_id', '=', teamId).executeTakeFirst();
const installationCount = async () => (await h.db.kysely.selectFrom('installations').select('team_id').execute()).length;

describe('the install page', () => {
  it('serves an "Add to Slack" link with the manifest\'s scopes, the client id and a signed state, and sets the state cookie', async () => {
    const page = await openInstallPage(h);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Add to Slack');
    expect(page.authorizeUrl?.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(page.authorizeUrl?.searchParams.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    expect(page.state).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(page.cookie).toBe(`slack-app-oauth-state=${page.state}`);
  });
});

describe('the OAuth callback', () => {
  it('stores the installation (bot token, bot user, scopes, team) and serves its workspace with its own token', async () => {
    const done = await installWorkspace(h, { teamId: 'TALPHA', teamName: 'Alpha' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Mentorship is installed');
    const stored = await installation('TALPHA');
    expect(stored).toMatchObject({ bot_token: h.standIn.tokensOf('TALPHA')[0], bot_user_id: 'UBOT', installer_user_id: USERS.mentor.id, revoked_at: null });
    expect(stored!.bot_scopes.split(',').sort()).toEqual([...BOT_SCOPES].sort());
    expect(stored!.bot_refresh_token).toBeNull();
    expect(await h.db.kysely.selectFrom('workspaces').select(['team_id', 'name']).where('team_id', '=', 'TALPHA').executeTakeFirst()).toEqual({
      team_id: 'TALPHA',
      name: 'Alpha',
    });

    // A request of that workspace: Bolt authorizes it with the stored installation; the Home tab is
    // published with TALPHA's token.
    const before = h.standIn.callsTo('views.publish').length;
    await driverFor(h, 'TALPHA').appHomeOpened(USERS.stranger.id);
    await h.settle();
    const publish = h.standIn.callsTo('views.publish').slice(before);
    expect(publish.map((call) => [call.teamId, call.ok])).toEqual([['TALPHA', true]]);
  });

  it('refuses a request of a workspace that never installed the app: nothing runs for it', async () => {
    const before = h.standIn.calls.length;
    const response = await driverFor(h, 'TNEVER').command(USERS.stranger.id, 'help');
    await h.settle();
    expect(response.text).not.toContain('/mentorship');
    expect(h.standIn.calls.slice(before).filter((call) => call.method !== 'response_url')).toEqual([]);
  });

  it.each([
    ['missing', async () => ({ query: { code: h.standIn.issueOAuthCode({ teamId: 'TBAD', installerUserId: 'U1', scopes: BOT_SCOPES }) }, cookie: null })],
    [
      'forged (signed with another secret)',
      async () => {
        const payload = Buffer.from(JSON.stringify({ id: 'forged', installOptions: { scopes: [] } })).toString('base64url');
        const state = `${payload}.${createHmac('sha256', 'not-the-secret').update(payload).digest('base64url')}`;
        return { query: { code: 'code-x', state }, cookie: `slack-app-oauth-state=${state}` };
      },
    ],
    [
      'reused',
      async () => {
        const page = await openInstallPage(h);
        const first = await oauthRedirect(
          h,
          { code: h.standIn.issueOAuthCode({ teamId: 'TONCE', installerUserId: 'U1', scopes: BOT_SCOPES }), state: page.state! },
          page.cookie,
        );
        expect(first.status).toBe(200);
        return {
          query: { code: h.standIn.issueOAuthCode({ teamId: 'TBAD', installerUserId: 'U1', scopes: BOT_SCOPES }), state: page.state! },
          cookie: page.cookie,
        };
      },
    ],
    [
      'expired (over ten minutes old)',
      async () => {
        const page = await openInstallPage(h);
        h.clock.advance(11 * 60 * 1000);
        return {
          query: { code: h.standIn.issueOAuthCode({ teamId: 'TBAD', installerUserId: 'U1', scopes: BOT_SCOPES }), state: page.state! },
          cookie: page.cookie,
        };
      },
    ],
  ])('refuses a %s state with a clear page and stores nothing', async (_what, attempt) => {
    const { query, cookie } = await attempt();
    const count = await installationCount();
    const result = await oauthRedirect(h, query, cookie);
    expect(result.status).toBe(400);
    expect(result.html).toMatch(/This install link cannot be used|did not send an authorization code/);
    expect(result.html).toContain('/slack/install');
    expect(await installation('TBAD')).toBeUndefined();
    expect(await installationCount()).toBe(count);
  });

  it('shows what to do when Slack refuses the code exchange, and stores nothing', async () => {
    const page = await openInstallPage(h);
    const count = await installationCount();
    const result = await oauthRedirect(h, { code: 'code-never-issued', state: page.state! }, page.cookie);
    expect(result.status).toBe(502);
    expect(result.html).toContain('Slack did not accept the installation');
    expect(result.html).toContain('invalid_code');
    expect(result.html).toContain('SLACK_CLIENT_ID');
    expect(await installationCount()).toBe(count);
  });
});

describe('token rotation', () => {
  it('keeps the refresh token and the expiry, and refreshes a token within two hours of expiry before using it', async () => {
    await installWorkspace(h, { teamId: 'TROTATE', expiresInSeconds: 3_600 });
    const first = (await installation('TROTATE'))!;
    expect(first.bot_refresh_token).toMatch(/^xoxe-1-/);
    expect(first.bot_token_expires_at!.getTime()).toBeGreaterThan(Date.now() + 3_500_000);

    // The next request finds the token within Bolt's two-hour window: refreshed, the new pair stored.
    await driverFor(h, 'TROTATE').appHomeOpened(USERS.stranger.id);
    await h.settle();
    const second = (await installation('TROTATE'))!;
    expect(second.bot_token).not.toBe(first.bot_token);
    expect(second.bot_refresh_token).not.toBe(first.bot_refresh_token);
    expect(h.standIn.tokensOf('TROTATE').at(-1)).toBe(second.bot_token);
    expect(h.standIn.callsTo('views.publish').at(-1)).toMatchObject({ teamId: 'TROTATE', ok: true });

    // A pass sending for the workspace refreshes the same way (the spent refresh token is never reused).
    const sent = h.standIn.callsTo('chat.postMessage').length;
    await writeNotice(h.db.kysely, { teamId: 'TROTATE', dueAt: h.clock.now(), payload: { target: { type: 'channel', channelId: 'CGOALS' } } });
    await h.bot.scheduler.runPass(h.clock.now);
    await eventually(() => h.standIn.callsTo('chat.postMessage').length > sent);
    const third = (await installation('TROTATE'))!;
    expect(third.bot_refresh_token).not.toBe(second.bot_refresh_token);
    expect(h.standIn.callsTo('chat.postMessage').at(-1)).toMatchObject({ teamId: 'TROTATE', ok: true });
    expect(
      h.standIn
        .callsTo('oauth.v2.access')
        .filter((call) => call.args.grant_type === 'refresh_token')
        .every((call) => call.ok),
    ).toBe(true);
  });

  it('leaves a token far from expiry as it is', async () => {
    await installWorkspace(h, { teamId: 'TLONG', expiresInSeconds: 43_200 });
    const first = (await installation('TLONG'))!;
    await driverFor(h, 'TLONG').appHomeOpened(USERS.stranger.id);
    await h.settle();
    expect((await installation('TLONG'))!.bot_token).toBe(first.bot_token);
  });
});
