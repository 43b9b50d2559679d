import { parseConfig, requireSlackCredentials } from './config';
import { exitOnStartupError } from './cli/fatal';
import { openDatabase } from './db/open';
import { createLogger } from './logger';
import { createServices } from './services';
import { createHomeRefresher } from './slack/home-publisher';
import { createSlackApp } from './slack/app';
import { installShutdown } from './shutdown';
import { sql } from 'kysely';

/** Composition root: config -> logger -> db -> migrate -> services -> Slack app -> scheduler -> signals. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const slack = requireSlackCredentials(config);
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config.database);
  const clock = () => new Date();
  const services = createServices(db.kysely, clock);
  const slackApp = createSlackApp({
    ...slack,
    logger,
    deps: { services, logger, clock, home: createHomeRefresher(services.home, logger) },
    healthy: async () => {
      await sql`select 1`.execute(db.kysely);
      return true;
    },
  });
  await slackApp.start(config.port);
  logger.info({ mode: slack.appToken ? 'socket' : 'http', port: config.port, database: db.kind }, 'mentorship bot started');

  installShutdown(logger, [
    { name: 'slack', stop: () => slackApp.stop() },
    { name: 'database', stop: () => db.close() },
  ]);
}

main().catch(exitOnStartupError);
