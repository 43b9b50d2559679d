import { renderBlocks, renderView } from '../devtools/render-text';
import type { SlackStandIn, StoredView } from '../devtools/slack-stand-in';

interface Person {
  id: string;
  realName: string;
}
interface Channel {
  id: string;
  name: string;
}

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/**
 * Prints what each person saw since the last checkpoint: DMs from the bot, ephemeral replies,
 * modals and the Home tab, then channel posts. It reads the stand-in, which records exactly what
 * Slack would have shown.
 */
export class Transcript {
  private seenMessages = new Set<string>();
  private seenViews = new Map<string, string>();

  /** What each act printed, in order: a test reads it to check that no act is empty. */
  readonly printed: { title: string; text: string }[] = [];

  constructor(
    private readonly standIn: SlackStandIn,
    private readonly people: readonly Person[],
    private readonly channels: readonly Channel[],
    private readonly sink: (text: string) => void = (text) => process.stdout.write(text),
  ) {}

  /** Everything goes out here, in order, and is kept with the act it belongs to. */
  private write(text: string): void {
    const current = this.printed.at(-1);
    if (current) current.text += text;
    this.sink(text);
  }

  private readonly userName = (id: string): string | undefined => this.people.find((p) => p.id === id)?.realName;

  private acts = 0;

  /** Starts a numbered act; acts are numbered here so each feature's act file need not know its place. */
  act(title: string): void {
    this.acts += 1;
    const bare = title.replace(/^\d+\.\s*/, '');
    this.printed.push({ title: `${this.acts}. ${bare}`, text: '' });
    this.sink(`\n━━━ ${this.acts}. ${bare} ━━━\n`);
  }

  say(line: string): void {
    this.write(`  » ${line}\n`);
  }

  /** A reply Slack shows from the command's own HTTP answer (it never passes through the Web API). */
  ephemeral(userId: string, reply: { text?: string; blocks?: unknown[] } | undefined): void {
    const name = this.userName(userId) ?? userId;
    const body = renderBlocks((reply?.blocks ?? []) as never[], reply?.text ?? '', { userName: this.userName });
    // An empty reply would print a person seeing nothing: a broken act, not a transcript.
    if (body.trim() === '') throw new Error(`the demo got an empty reply for ${name}`);
    this.write(`\n${name} sees:\n  [only you can see this]\n${indent(body)}\n`);
  }

  /**
   * Prints everything new, grouped by person, then by channel. The bot republishes Home tabs after
   * every change, but a person only sees one when they open it: pass `home: <their user id>` then.
   */
  checkpoint(options: { home?: string } = {}): void {
    for (const person of this.people) {
      const lines: string[] = [];
      for (const message of [...this.standIn.dmsTo(person.id), ...this.standIn.ephemeralsFor(person.id)]) {
        const key = `${message.channel}:${message.ts}:${message.edited?.ts ?? ''}`;
        if (this.seenMessages.has(key)) continue;
        this.seenMessages.add(key);
        const label = message.ephemeralFor ? 'only you can see this' : 'DM from the bot';
        lines.push(`  [${label}]\n${indent(renderBlocks(message.blocks ?? [], message.text, { userName: this.userName }))}`);
      }
      const home = options.home === person.id ? [this.standIn.homeView(person.id)] : [];
      for (const view of [...this.standIn.openViews(person.id), ...home]) {
        if (view) this.pushView(lines, view);
      }
      if (lines.length) this.write(`\n${person.realName} sees:\n${lines.join('\n')}\n`);
    }
    for (const channel of this.channels) {
      const fresh = this.standIn.messagesIn(channel.id).filter((m) => !this.seenMessages.has(`${m.channel}:${m.ts}:${m.edited?.ts ?? ''}`));
      if (!fresh.length) continue;
      this.write(`\n#${channel.name} shows:\n`);
      for (const message of fresh) {
        this.seenMessages.add(`${message.channel}:${message.ts}:${message.edited?.ts ?? ''}`);
        this.write(`${indent(renderBlocks(message.blocks ?? [], message.text, { userName: this.userName }))}\n`);
      }
    }
  }

  private pushView(lines: string[], view: StoredView): void {
    const key = `${view.id}`;
    if (this.seenViews.get(key) === view.hash) return;
    this.seenViews.set(key, view.hash);
    // renderView labels a Home tab itself; a modal gets its label here.
    const label = view.type === 'home' ? '' : '  [modal]\n';
    lines.push(`${label}${indent(renderView(view, { userName: this.userName }))}`);
  }
}
