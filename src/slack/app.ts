import type { Server } from 'node:http';
import { App, HTTPReceiver, type CustomRoute, type Receiver } from '@slack/bolt';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import { boltLogger } from '../logger';
import type { AppDeps } from './context';
import { registerListeners } from './listeners';
import { registerMiddleware } from './middleware';
import { guardTimestampWindow, slackTimestampProperty } from './middleware/timestamp-window';
import { createSocketMode } from './socket-mode';
import { instrumentRequests } from '../metrics/slack-requests';
import type { Metrics } from '../metrics/metrics';

export interface SlackAppOptions {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl: string;
  logger: Logger;
  deps: AppDeps;
  /** Answers GET /healthz: true when the database responds. */
  healthy: () => Promise<boolean>;
  /** Load shedding: requests processed at once, and event-loop lag, past which new ones are answered "busy" (defaults in middleware/shed-load.ts). */
  maxInFlight?: number;
  maxEventLoopLagMs?: number;
  /** Prometheus figures (METRICS_PORT): requests by kind and outcome, ack latency, requests shed. */
  metrics?: Metrics;
}

export interface SlackApp {
  app: App;
  /** Starts listening; resolves with the HTTP server (in Socket Mode: the health check's) so callers can read the port. */
  start(port: number): Promise<Server | undefined>;
  stop(): Promise<void>;
}

/**
 * Interactive requests must be answered within 3 s, so the WebClient fails fast: no automatic
 * retries (a retried chat.postMessage can post twice), a request timeout, and 429s surfaced
 * rather than silently pausing the whole client.
 */
export const INTERACTIVE_CLIENT_OPTIONS = { retryConfig: { retries: 0 }, timeout: 5_000, rejectRateLimitedCalls: true } as const;

export function createSlackApp(given: SlackAppOptions): SlackApp {
  const { logger } = given;
  // In Socket Mode the bot is healthy only while its socket to Slack is connected.
  const socket = given.appToken ? createSocketMode({ appToken: given.appToken, apiUrl: given.apiUrl, logger }) : undefined;
  const options: SlackAppOptions = socket ? { ...given, healthy: async () => socket.connected() && (await given.healthy()) } : given;
  const healthRoute: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      options
        .healthy()
        .catch(() => false)
        .then((ok) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
        });
    },
  };
  const receiver: Receiver = socket ? socket.receiver : httpReceiver(options.signingSecret ?? '', healthRoute, logger);

  const app = new App({
    token: options.botToken,
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
  const stopMiddleware = registerMiddleware(app, options.deps, { maxInFlight: options.maxInFlight, maxEventLoopLagMs: options.maxEventLoopLagMs, onShed: measured?.onShed });
  app.error(async (error) => {
    logger.error({ err: { name: error.name, message: error.message, code: (error as { code?: string }).code } }, 'unhandled listener error');
  });

  registerListeners(app, options.deps);

  let healthServer: Server | undefined;
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
      // A burst of new connections must not overflow Node's default accept queue of 511 (the kernel
      // caps this at net.core.somaxconn): a dropped SYN costs the sender a 1 s retransmit.
      return (await app.start({ port, backlog: 4096 })) as Server;
    },
    async stop() {
      stopMiddleware();
      await app.stop();
      if (healthServer) {
        healthServer.closeAllConnections();
        await new Promise((resolve) => healthServer!.close(resolve));
      }
    },
  };
}

/**
 * Bolt's receiver with Slack's full replay window (future timestamps are refused as well as stale
 * ones), passing the signed timestamp on to load shedding.
 */
function httpReceiver(signingSecret: string, healthRoute: CustomRoute, logger: Logger): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    customRoutes: [healthRoute],
    logger: boltLogger(logger),
    customPropertiesExtractor: (req) => slackTimestampProperty(req),
  });
  guardTimestampWindow(receiver);
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
