import { z } from 'zod';
import { parseDataKeys } from './domain/personal-data/sealed-text';

const booleanFlag = (fallback: 'true' | 'false') => z.stringbool().default(fallback === 'true');

const ConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-/, 'must be a bot token starting with xoxb-')
      .optional(),
    SLACK_SIGNING_SECRET: z.string().min(1, 'must not be empty').optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, 'must be an app-level token starting with xapp-')
      .optional(),
    SLACK_CLIENT_ID: z.string().min(1).optional(),
    SLACK_CLIENT_SECRET: z.string().min(1).optional(),
    SLACK_STATE_SECRET: z.string().min(16, 'must be at least 16 characters (it signs the "Add to Slack" state)').optional(),
    SLACK_API_URL: z.url('must be a URL such as https://slack.com/api/').default('https://slack.com/api/'),
    PORT: z.coerce.number({ error: 'must be a port number (0-65535)' }).int('must be a port number (0-65535)').min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    REMINDERS_DRY_RUN: booleanFlag('false'),
    SCHEDULER_ENABLED: booleanFlag('true'),
    REMINDERS_DAILY_CAP: z.coerce
      .number({ error: 'must be a whole number of reminders (1-50)' })
      .int('must be a whole number of reminders (1-50)')
      .min(1, 'must be a whole number of reminders (1-50)')
      .max(50, 'must be a whole number of reminders (1-50)')
      .default(6),
    METRICS_PORT: z.coerce.number({ error: 'must be a port number (0-65535)' }).int('must be a port number (0-65535)').min(0).max(65535).optional(),
    UNINSTALL_RETENTION_DAYS: z.coerce
      .number({ error: 'must be a whole number of days (0-3650)' })
      .int('must be a whole number of days (0-3650)')
      .min(0, 'must be a whole number of days (0-3650)')
      .max(3650, 'must be a whole number of days (0-3650)')
      .default(30),
    DATA_ENCRYPTION_KEY: z
      .string()
      .transform((raw, ctx) => {
        const parsed = parseDataKeys(raw);
        if (parsed.ok) return parsed.keys;
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      })
      .optional(),
  })
  .transform((env) => ({
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      clientId: env.SLACK_CLIENT_ID,
      clientSecret: env.SLACK_CLIENT_SECRET,
      stateSecret: env.SLACK_STATE_SECRET,
      apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
    },
    port: env.PORT,
    database: env.DATABASE_URL ? { kind: 'postgres' as const, url: env.DATABASE_URL } : { kind: 'pglite' as const, dataDir: env.DATA_DIR },
    logLevel: env.LOG_LEVEL,
    remindersDryRun: env.REMINDERS_DRY_RUN,
    schedulerEnabled: env.SCHEDULER_ENABLED,
    remindersDailyCap: env.REMINDERS_DAILY_CAP,
    metricsPort: env.METRICS_PORT,
    uninstallRetentionDays: env.UNINSTALL_RETENTION_DAYS,
    /** Journal entries and closing reflections are sealed with the first and opened with any (empty: stored as typed). */
    dataKeys: env.DATA_ENCRYPTION_KEY ?? [],
  }));

export type Config = z.output<typeof ConfigSchema>;

/** Every environment variable the bot reads (docs/operations.md and .env.example list each; a test checks). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigSchema.in.shape);
export type DatabaseConfig = Config['database'];

/** A configuration problem: `message` is the one line shown to the operator. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Empty strings count as unset, as a shell `VAR=` usually means "not configured". */
function withoutEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
}

export function parseConfig(env: Env): Config {
  const result = ConfigSchema.safeParse(withoutEmpty(env));
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid value'}`);
  }
  return result.data;
}

/** The three variables of multi-workspace mode ("Add to Slack"). */
export interface OAuthCredentials {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
}

/**
 * How the bot gets its tokens: one `SLACK_BOT_TOKEN` for its own workspace, or the installations
 * stored in the database ("Add to Slack", any number of workspaces).
 */
export type InstallMode = { kind: 'single'; botToken: string } | ({ kind: 'oauth' } & OAuthCredentials);

/** `npm start` needs Slack credentials; the CLI tools (migrate, tick) need only the database. */
export type SlackCredentials = Pick<Config['slack'], 'signingSecret' | 'appToken' | 'apiUrl'> & { install: InstallMode };

const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * The install mode the variables ask for: SLACK_BOT_TOKEN, or all three SLACK_CLIENT_ID,
 * SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (never both, never a part of the three); undefined when
 * none is set. A half-configured mode stops the process with one line naming what is missing.
 */
export function installModeOf(slack: Config['slack']): InstallMode | undefined {
  const given = { SLACK_CLIENT_ID: slack.clientId, SLACK_CLIENT_SECRET: slack.clientSecret, SLACK_STATE_SECRET: slack.stateSecret };
  const set = OAUTH_VARIABLES.filter((name) => given[name] !== undefined);
  if (slack.botToken && set.length > 0) {
    throw new ConfigError(
      `${set[0]}: set either SLACK_BOT_TOKEN (one workspace) or the three SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET (any number), not both`,
    );
  }
  if (slack.botToken) return { kind: 'single', botToken: slack.botToken };
  if (set.length === 0) return undefined;
  const missing = OAUTH_VARIABLES.find((name) => given[name] === undefined);
  if (missing) throw new ConfigError(`${missing}: required with ${set.join(' and ')} (multi-workspace mode needs all three)`);
  return { kind: 'oauth', clientId: slack.clientId!, clientSecret: slack.clientSecret!, stateSecret: slack.stateSecret! };
}

export function requireSlackCredentials(config: Config): SlackCredentials {
  const { signingSecret, appToken, apiUrl } = config.slack;
  const install = installModeOf(config.slack);
  if (!install) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN: required to start the bot (a bot token starting with xoxb-), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for "Add to Slack"',
    );
  }
  if (install.kind === 'oauth' && appToken) {
    throw new ConfigError('SLACK_APP_TOKEN: multi-workspace mode serves its install pages over HTTP; unset SLACK_APP_TOKEN (Socket Mode) to use it');
  }
  if (!appToken && !signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return { signingSecret, appToken, apiUrl, install };
}
