import { createServer, type Server } from 'node:http';
import { type App, SocketModeReceiver, type CustomRoute } from '@slack/bolt';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import { boltLogger } from '../logger';

/**
 * Socket Mode: Slack's requests arrive over a WebSocket, so the only HTTP the bot serves is its
 * health check. Bolt's receiver would serve custom routes on a port of its own (3000, whatever PORT
 * says); the bot serves /healthz itself on PORT instead, and counts itself healthy only while the
 * socket is connected (Slack's "hello" received, not closed or reconnecting since).
 */
export interface SocketMode {
  receiver: SocketModeReceiver;
  /** True between Slack's hello and the next close, disconnect or reconnect. */
  connected(): boolean;
  /** Serves the health route on `port`; resolves once listening. */
  serveHealth(port: number, route: CustomRoute): Promise<Server>;
  /** Starts the app over the socket; a token Slack refuses is a configuration problem (one clear line). */
  connect(app: App): Promise<void>;
}

const DOWN = ['connecting', 'reconnecting', 'disconnecting', 'disconnected', 'close'] as const;

export function createSocketMode(options: { appToken: string; apiUrl: string; logger: Logger }): SocketMode {
  const { logger } = options;
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger: boltLogger(logger),
    // apps.connections.open goes where every other Web API call goes (a local stand-in in tests).
    installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } },
  });
  let connected = false;
  receiver.client.on('connected', () => {
    if (!connected) logger.info('socket mode connected');
    connected = true;
  });
  for (const state of DOWN) {
    receiver.client.on(state, () => {
      if (connected) logger.warn({ state }, 'socket mode connection lost');
      connected = false;
    });
  }
  return {
    receiver,
    connected: () => connected,
    async serveHealth(port, route) {
      const server = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        if (path === route.path && methods.includes(req.method ?? '')) {
          route.handler(Object.assign(req, { params: {} }), res);
          return;
        }
        res.writeHead(404).end();
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => resolve());
      });
      return server;
    },
    async connect(app) {
      try {
        await app.start();
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error;
        if (code) throw new ConfigError(`SLACK_APP_TOKEN: Slack refused to open a socket (${code})`);
        throw error;
      }
    },
  };
}
