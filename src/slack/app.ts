import type { Server } from 'node:http';
import { App, HTTPReceiver, type CustomRoute, type Receiver } from '@slack/bolt';
import { ConfigError, type InstallMode } from '../config';
import type { Logger } from '../logger';
import { boltLogger } from '../logger';
import type { AppDeps } from './context';
import { registerListeners } from './listeners';
import { registerMiddleware } from './middleware';
import { guardTimestampWindow, slackTimestampProperty } from './middleware/timestamp-window';
import { turnAwayBeforeBolt } from './middleware/busy-before-bolt';
import { createSocketMode } from './socket-mode';
import { instrumentRequests } from '../metrics/slack-requests';
import type { Metrics } from '../metrics/metrics';
import { INTERACTIVE_CLIENT_OPTIONS } from './client-options';
import { receiverOAuthOptions } from './install/installer';
import { keepConnectionsOpen } from './keep-alive';
import { ACCEPTORS, type Acceptors, addAcceptors, LISTEN_BACKLOG } from './acceptors';

export interface SlackAppOptions {
  /** One SLACK_BOT_TOKEN, or "Add to Slack" with the installations in the database (GET /slack/install, /slack/oauth_redirect). */
  install: InstallMode;
  signingSecret?: string;
  appToken?: string;
  apiUrl: string;
  logger: Logger;
  deps: AppDeps;
  /** Answers GET /healthz: true when the database responds. */
  healthy: () => Promise<boolean>;
  /** Load shedding: requests processed at once, event-loop lag and request age past which new ones are answered "busy" (defaults in middleware/admission.ts). */
  maxInFlight?: number;
  maxEventLoopLagMs?: number;
  maxRequestAgeMs?: number;
  maxDbWaitMs?: number;
  /** Queries waiting for a database connection, and how long the first has waited (the database's `poolStats`), which load shedding also watches. */
  dbWaiting?: () => number;
  dbWaitMs?: () => number;
  /** How long stop() waits for acknowledged work still running (default 6 s, inside the 10 s shutdown budget). */
  drainMs?: number;
  /** Prometheus figures (METRICS_PORT): requests by kind and outcome, ack latency, requests shed. */
  metrics?: Metrics;
  /** Accepts new connections on `ACCEPTORS` descriptors of the listening socket (acceptors.ts). Default true. */
  acceptors?: boolean;
}

export interface SlackApp {
  app: App;
  /** Starts listening; resolves with the HTTP server (in Socket Mode: the health check's) so callers can read the port. */
  start(port: number): Promise<Server | undefined>;
  /** Takes no more requests, waits (up to drainMs) for those already acknowledged to finish. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * GET /healthz is outside Bolt's middleware, so outside load shedding: a probe (or anyone) hitting it
 * in a loop must not cost a query each time. One answer serves every hit for a second, hits during a
 * check share it, and a database that does not answer within two seconds is "unavailable".
 */
export function cachedHealth(check: () => Promise<boolean>, options: { ttlMs?: number; timeoutMs?: number; now?: () => number } = {}): () => Promise<boolean> {
  const ttlMs = options.ttlMs ?? 1_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const now = options.now ?? Date.now;
  let last: { at: number; answer: Promise<boolean> } | undefined;
  return () => {
    const at = now();
    if (last && at - last.at < ttlMs) return last.answer;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
    });
    const answer = Promise.race([check().catch(() => false), timedOut]).finally(() => clearTimeout(timer));
    last = { at, answer };
    return answer;
  };
}

export function createSlackApp(given: SlackAppOptions): SlackApp {
  const { logger } = given;
  // In Socket Mode the bot is healthy only while its socket to Slack is connected.
  const socket = given.appToken ? createSocketMode({ appToken: given.appToken, apiUrl: given.apiUrl, logger }) : undefined;
  const options: SlackAppOptions = socket ? { ...given, healthy: async () => socket.connected() && (await given.healthy()) } : given;
  const healthy = cachedHealth(options.healthy);
  const healthRoute: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      void healthy().then((ok) => {
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
      });
    },
  };
  const oauth =
    options.install.kind === 'oauth'
      ? receiverOAuthOptions({ ...options.install, workspaces: options.deps.services.workspaces, apiUrl: options.apiUrl, logger })
      : undefined;
  const receiver: Receiver = socket ? socket.receiver : httpReceiver(options.signingSecret ?? '', healthRoute, logger, oauth);
  const http = receiver instanceof HTTPReceiver ? receiver : undefined;

  const app = new App({
    // Multi-workspace mode: no token; Bolt authorizes each request with its workspace's installation.
    token: options.install.kind === 'single' ? options.install.botToken : undefined,
    receiver,
    logger: boltLogger(logger),
    // Initialise explicitly in start(): a rejected token then stops start-up with one clear line
    // instead of surfacing later as an unhandled rejection.
    deferInitialization: true,
    clientOptions: { slackApiUrl: options.apiUrl, ...INTERACTIVE_CLIENT_OPTIONS },
    // Bolt's default conversation store keeps state in this process's memory (wrong with replicas) and
    // builds an Error on every request that has no stored conversation; the bot uses neither.
    convoStore: false,
  });

  const measured = options.metrics ? instrumentRequests(app, options.metrics) : undefined;
  const shedder = registerMiddleware(app, options.deps, {
    maxInFlight: options.maxInFlight,
    maxEventLoopLagMs: options.maxEventLoopLagMs,
    maxRequestAgeMs: options.maxRequestAgeMs,
    maxDbWaitMs: options.maxDbWaitMs,
    dbWaiting: options.dbWaiting,
    dbWaitMs: options.dbWaitMs,
    onShed: measured?.onShed,
  });
  if (http) {
    // In front of Bolt, outermost first: Slack's replay window, then load shedding, then Bolt.
    turnAwayBeforeBolt(http, shedder, { signingSecret: options.signingSecret ?? '', logger, onAnswered: measured?.onAnsweredBeforeBolt });
    guardTimestampWindow(http);
  }
  app.error(async (error) => {
    logger.error({ err: { name: error.name, message: error.message, code: (error as { code?: string }).code } }, 'unhandled listener error');
  });

  registerListeners(app, options.deps);

  let stopping: Promise<void> | undefined;
  let healthServer: Server | undefined;
  let acceptors: Acceptors | undefined;
  return {
    app,
    async start(port) {
      await initialise(app, options.apiUrl);
      if (socket) {
        // Health first: it answers 503 until the socket is connected, which app.start() waits for.
        healthServer = await socket.serveHealth(port, healthRoute);
        await socket.connect(app);
        return healthServer;
      }
      const server = (await app.start({ port, backlog: LISTEN_BACKLOG })) as Server;
      keepConnectionsOpen(server);
      // A busy loop accepts one connection per descriptor per turn: the socket gets several (acceptors.ts).
      if (options.acceptors === false) return server;
      acceptors = await addAcceptors(server, { onAcceptError: (error) => logger.warn({ err: error }, 'accepting a connection failed') });
      if (acceptors.listening() < ACCEPTORS) {
        logger.warn(
          { descriptors: acceptors.listening(), wanted: ACCEPTORS },
          'accepting new connections on fewer descriptors: a burst of them will wait longer',
        );
      }
      return server;
    },
    stop() {
      // A button is acknowledged before its work runs: a press during a deploy must not be lost when
      // the database closes behind it. New requests stop first, then the acknowledged ones finish.
      stopping ??= (async () => {
        acceptors?.close();
        await app.stop().catch((error: unknown) => logger.warn({ err: error }, 'stopping the receiver failed'));
        const drainMs = options.drainMs ?? 6_000;
        if (!(await shedder.drain(drainMs))) logger.warn({ drainMs }, 'requests still running at shutdown; going on without them');
        shedder.stop();
        if (healthServer) {
          healthServer.closeAllConnections();
          await new Promise((resolve) => healthServer!.close(resolve));
        }
      })();
      return stopping;
    },
  };
}

/** Bolt's receiver, passing the signed timestamp on to load shedding (its guards are added in createSlackApp). */
function httpReceiver(signingSecret: string, healthRoute: CustomRoute, logger: Logger, oauth?: ReturnType<typeof receiverOAuthOptions>): HTTPReceiver {
  const receiver = new HTTPReceiver({
    ...oauth,
    signingSecret,
    customRoutes: [healthRoute],
    logger: boltLogger(logger),
    customPropertiesExtractor: (req) => slackTimestampProperty(req),
  });
  return receiver;
}

/** auth.test, run once by Bolt's init: a wrong token or an unreachable Slack is a configuration problem. */
async function initialise(app: App, apiUrl: string): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) throw new ConfigError(`SLACK_BOT_TOKEN: Slack rejected the token (${code})`);
    throw new ConfigError(`SLACK_API_URL: could not reach the Slack Web API at ${apiUrl} (${(error as Error).message})`);
  }
}
