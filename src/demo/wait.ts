import type { SlackDriver } from '../devtools/slack-driver';
import type { LocalBot } from '../devtools/local-bot';
import type { SlackStandIn } from '../devtools/slack-stand-in';

/** Polls until the probe gives a value (work after ack() finishes after Slack's HTTP answer); generous, for a busy machine. */
export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('the demo waited in vain for the bot');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A command whose answer comes after its ack, through its response_url (the subcommands that need a
 * pair): sends it and waits for the private answer, so the act prints what the person really saw.
 */
export async function commandAnsweredLater(
  world: { driver: SlackDriver; standIn: SlackStandIn; bot: Pick<LocalBot, 'idle' | 'notices'> },
  userId: string,
  text: string,
): Promise<void> {
  const before = world.standIn.ephemeralsFor(userId).length;
  await world.driver.command(userId, text);
  await waitFor(() => world.standIn.ephemeralsFor(userId).length > before);
  await untilQuiet(world);
}

/**
 * Waits until the bot has finished every request it was sent and every message they caused (sent
 * after the commit, by the process that served the request), and has then made no Slack call for a
 * moment. A quiet moment alone is not enough on a busy machine: the next act would read the chat
 * before the last message reached it.
 */
export async function untilQuiet(world: { standIn: SlackStandIn; bot: Pick<LocalBot, 'idle' | 'notices'> }, quietMs = 80): Promise<void> {
  await world.bot.idle();
  await world.bot.notices.idle();
  await quietFor(world.standIn, quietMs);
  await world.bot.idle();
}

async function quietFor(standIn: SlackStandIn, quietMs: number): Promise<void> {
  let seen = standIn.calls.length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (standIn.calls.length !== seen) {
      seen = standIn.calls.length;
      quietSince = Date.now();
    }
  }
}
