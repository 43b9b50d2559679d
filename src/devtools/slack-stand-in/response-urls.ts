/**
 * response_urls handed out with commands and message actions. Slack allows 5 uses within 30 minutes;
 * each remembers who it belongs to and which message (if any) `replace_original` refers to.
 */
export interface ResponseUrlEntry {
  userId: string;
  channelId: string;
  source?: { ts: string };
  issuedAt: number;
  uses: number;
}

const MAX_USES = 5;
const LIFETIME_MS = 30 * 60 * 1000;

export class ResponseUrls {
  private readonly entries = new Map<string, ResponseUrlEntry>();
  private counter = 0;

  constructor(private readonly now: () => number) {}

  issue(userId: string, channelId: string, source?: { ts: string }): string {
    const id = `${++this.counter}${Math.random().toString(36).slice(2, 10)}`;
    this.entries.set(id, { userId, channelId, source, issuedAt: this.now(), uses: 0 });
    return id;
  }

  use(id: string): ResponseUrlEntry | { error: string } {
    const e = this.entries.get(id);
    if (!e) return { error: 'invalid_url' };
    if (this.now() - e.issuedAt > LIFETIME_MS) return { error: 'expired_url' };
    if (e.uses >= MAX_USES) return { error: 'used_url' };
    e.uses += 1;
    return e;
  }

  clear(): void {
    this.entries.clear();
  }
}
