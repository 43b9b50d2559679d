import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** The repository's manifest.yml: two folders up from this module in src/, three from the build in dist/. */
const MANIFEST = [join(__dirname, '..', '..', 'manifest.yml'), join(__dirname, '..', '..', '..', 'manifest.yml')].find((path) => existsSync(path));

let events: Set<string> | undefined;

/** The bot events the app subscribes to (manifest.yml's settings.event_subscriptions.bot_events): Slack sends only these. */
export function subscribedBotEvents(): Set<string> {
  if (events) return events;
  if (!MANIFEST) throw new Error('manifest.yml not found beside src/ or dist/');
  const manifest = parse(readFileSync(MANIFEST, 'utf8')) as { settings?: { event_subscriptions?: { bot_events?: string[] } } };
  events = new Set(manifest.settings?.event_subscriptions?.bot_events ?? []);
  return events;
}
