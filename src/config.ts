import { z } from 'zod';

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
  })
  .transform((env) => ({
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: env.SLACK_API_URL.endsWith('/') ? env.SLACK_API_URL : `${env.SLACK_API_URL}/`,
    },
    port: env.PORT,
    database: env.DATABASE_URL ? { kind: 'postgres' as const, url: env.DATABASE_URL } : { kind: 'pglite' as const, dataDir: env.DATA_DIR },
    logLevel: env.LOG_LEVEL,
    remindersDryRun: env.REMINDERS_DRY_RUN,
    schedulerEnabled: env.SCHEDULER_ENABLED,
    remindersDailyCap: env.REMINDERS_DAILY_CAP,
    metricsPort: env.METRICS_PORT,
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

/** `npm start` needs Slack credentials; the CLI tools (migrate, tick) need only the database. */
export type SlackCredentials = Omit<Config['slack'], 'botToken'> & { botToken: string };

export function requireSlackCredentials(config: Config): SlackCredentials {
  const { botToken, signingSecret, appToken } = config.slack;
  if (!botToken) throw new ConfigError('SLACK_BOT_TOKEN: required to start the bot (a bot token starting with xoxb-)');
  if (!appToken && !signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return { ...config.slack, botToken };
}
