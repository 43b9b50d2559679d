import { ConfigError, parseConfig, requireSlackCredentials } from '../../src/config';

describe('parseConfig', () => {
  it('applies the contract defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './.data' });
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
    expect(config.logLevel).toBe('info');
    expect(config.remindersDryRun).toBe(false);
    expect(config.schedulerEnabled).toBe(true);
    expect(config.metricsPort).toBeUndefined();
  });

  it('serves metrics only when METRICS_PORT is set', () => {
    expect(parseConfig({ METRICS_PORT: '9464' }).metricsPort).toBe(9464);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
    });
  });

  it('reads "false" as false for boolean switches', () => {
    expect(parseConfig({ SCHEDULER_ENABLED: 'false', REMINDERS_DRY_RUN: 'true' })).toMatchObject({ schedulerEnabled: false, remindersDryRun: true });
  });

  it('adds the trailing slash the WebClient expects to SLACK_API_URL', () => {
    expect(parseConfig({ SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-user-token' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['SCHEDULER_ENABLED', { SCHEDULER_ENABLED: 'maybe' }],
    ['SLACK_API_URL', { SLACK_API_URL: 'not a url' }],
    ['METRICS_PORT', { METRICS_PORT: '70000' }],
  ])('names %s in one line when it is malformed', (variable, env) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as Error).message.startsWith(`${variable}:`)).toBe(true);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('requires a bot token and, in HTTP mode, a signing secret to start', () => {
    expect(() => requireSlackCredentials(parseConfig({}))).toThrow(/^SLACK_BOT_TOKEN:/);
    expect(() => requireSlackCredentials(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toThrow(/^SLACK_SIGNING_SECRET:/);
    expect(requireSlackCredentials(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).appToken).toBe('xapp-1');
  });

  const OAUTH_ENV = { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'secret', SLACK_STATE_SECRET: 'a-state-secret-16+', SLACK_SIGNING_SECRET: 's' };

  it('starts multi-workspace mode with the three client variables and no bot token', () => {
    expect(requireSlackCredentials(parseConfig(OAUTH_ENV)).install).toEqual({
      kind: 'oauth',
      clientId: '1.2',
      clientSecret: 'secret',
      stateSecret: 'a-state-secret-16+',
    });
    expect(requireSlackCredentials(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).install).toEqual({
      kind: 'single',
      botToken: 'xoxb-1',
    });
  });

  it.each([
    ['SLACK_CLIENT_ID', { ...OAUTH_ENV, SLACK_BOT_TOKEN: 'xoxb-1' }, /not both/],
    ['SLACK_STATE_SECRET', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'secret', SLACK_SIGNING_SECRET: 's' }, /needs all three/],
    ['SLACK_APP_TOKEN', { ...OAUTH_ENV, SLACK_APP_TOKEN: 'xapp-1' }, /install pages over HTTP/],
  ])('names %s when the install mode is half set or mixed', (variable, env, reason) => {
    expect(() => requireSlackCredentials(parseConfig(env))).toThrow(new RegExp(`^${variable}: .*${reason.source}`));
  });

  it('keeps an uninstalled workspace 30 days by default, 0 meaning the next pass', () => {
    expect(parseConfig({}).uninstallRetentionDays).toBe(30);
    expect(parseConfig({ UNINSTALL_RETENTION_DAYS: '0' }).uninstallRetentionDays).toBe(0);
    expect(() => parseConfig({ UNINSTALL_RETENTION_DAYS: '-1' })).toThrow(/^UNINSTALL_RETENTION_DAYS:/);
    expect(() => parseConfig({ SLACK_STATE_SECRET: 'short' })).toThrow(/^SLACK_STATE_SECRET:/);
  });
});
