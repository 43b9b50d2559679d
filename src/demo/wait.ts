import type { SlackDriver } from '../devtools/slack-driver';
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
export async function commandAnsweredLater(world: { driver: SlackDriver; standIn: SlackStandIn }, userId: string, text: string): Promise<void> {
  const before = world.standIn.ephemeralsFor(userId).length;
  await world.driver.command(userId, text);
  await waitFor(() => world.standIn.ephemeralsFor(userId).length > before);
  await untilQuiet(world.standIn);
}

/** Waits until the bot has made no Slack call for a moment. */
export async function untilQuiet(standIn: SlackStandIn, quietMs = 80): Promise<void> {
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
