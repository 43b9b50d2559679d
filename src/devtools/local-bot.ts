import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import type { Db } from '../db/create-db';
import type { Logger } from '../logger';
import { createServices, type Services } from '../services';
import { noHomeRefresh } from '../slack/home-refresher';
import { createSlackApp, type SlackApp } from '../slack/app';

export interface LocalBotOptions {
  db: Db;
  apiUrl: string;
  botToken: string;
  signingSecret: string;
  logger: Logger;
  clock: () => Date;
  /** Load-shedding bounds (tests of shedding use tiny ones); the app's defaults otherwise. */
  maxInFlight?: number;
  maxEventLoopLagMs?: number;
}

export interface LocalBot {
  slackApp: SlackApp;
  services: Services;
  /** http://127.0.0.1:PORT (HTTP mode on a free port). */
  baseUrl: string;
  eventsUrl: string;
  stop(): Promise<void>;
}

/**
 * The real Bolt app, wired exactly as `npm start` wires it, on a free local port: what the
 * integration tests and `npm run demo` talk to, with Slack replaced by the stand-in.
 */
export async function startLocalBot(options: LocalBotOptions): Promise<LocalBot> {
  const services = createServices(options.db.kysely, options.clock);
  const slackApp = createSlackApp({
    botToken: options.botToken,
    signingSecret: options.signingSecret,
    apiUrl: options.apiUrl,
    logger: options.logger,
    deps: { services, logger: options.logger, clock: options.clock, home: noHomeRefresh },
    healthy: async () => {
      await sql`select 1`.execute(options.db.kysely);
      return true;
    },
    maxInFlight: options.maxInFlight,
    maxEventLoopLagMs: options.maxEventLoopLagMs,
  });
  const server = (await slackApp.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return { slackApp, services, baseUrl, eventsUrl: `${baseUrl}/slack/events`, stop: () => slackApp.stop() };
}
