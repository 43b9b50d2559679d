/**
 * Identifiers the way Slack shapes them: message `ts` ('seconds.micro', unique and increasing even when
 * two messages land in the same microsecond), view ids ('V…'), view hashes, trigger ids, and the
 * block_id/action_id Slack fills in when an app leaves them out.
 */
import { randomBytes } from 'node:crypto';
import type { Json } from './types';

export class Ids {
  private lastMicros = 0;
  private counter = 0;

  constructor(private readonly now: () => number) {}

  ts(): string {
    const micros = Math.max(this.now() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  viewId(): string {
    return `V${(++this.counter).toString(36).toUpperCase().padStart(10, '0')}`;
  }

  hash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  triggerId(): string {
    return `${++this.counter}.${Math.floor(this.now() / 1000)}.${randomBytes(16).toString('hex')}`;
  }

  short(): string {
    return randomBytes(3).toString('base64url');
  }
}

/**
 * Slack stores blocks with a generated block_id (and elements with an action_id) when the app gave none;
 * payloads then carry those. Doing the same keeps clicks and view state keyed like production.
 */
export function withGeneratedIds(blocks: Json[] | undefined, ids: Ids): Json[] | undefined {
  if (!blocks) return blocks;
  return blocks.map((block) => {
    const b: Json = { ...block, block_id: block.block_id ?? ids.short() };
    const fill = (el: Json): Json => (isInteractive(el) && el.action_id === undefined ? { ...el, action_id: ids.short() } : el);
    if (b.accessory) b.accessory = fill(b.accessory);
    if (b.element) b.element = fill(b.element);
    if (b.type === 'actions' && Array.isArray(b.elements)) b.elements = b.elements.map(fill);
    return b;
  });
}

function isInteractive(el: Json): boolean {
  return typeof el?.type === 'string' && el.type !== 'image' && el.type !== 'plain_text' && el.type !== 'mrkdwn';
}
