/**
 * The Slack stand-in in its own process, so its work (validating every view the app opens) does not
 * share a CPU queue with the app under test or with the load generator. Trigger ids and response URLs
 * are issued in bulk before a run and handed to the runner, as Slack hands them out with each request.
 */
import { SlackStandIn } from '../../src/devtools/slack-stand-in';
import { spreadUsers } from './spread';
import { BENCH_CHANNEL, BENCH_TEAM, BENCH_TOKEN, BENCH_USERS, type FromChild, type ToChild } from './protocol';

const send = (message: FromChild): void => void process.send?.(message);

async function main(): Promise<void> {
  // Triggers are issued seconds before they are used in a long run; Slack's 3 s lifetime is tested elsewhere.
  const standIn = await SlackStandIn.start({ botToken: BENCH_TOKEN, teamId: BENCH_TEAM, triggerTtlMs: 10 * 60_000 });
  const fixtures = () => {
    for (const user of [...Object.values(BENCH_USERS), ...spreadUsers()]) standIn.addUser(user);
    standIn.addChannel(BENCH_CHANNEL);
  };
  fixtures();
  process.on('message', (message: ToChild) => {
    if (message.type === 'issue') {
      const triggers = Array.from({ length: message.count }, () => standIn.issueTriggerId(message.userId));
      const responseUrls = Array.from({ length: message.count }, () => standIn.issueResponseUrl(message.userId, message.channelId));
      send({ type: 'issued', triggers, responseUrls });
    } else if (message.type === 'reset') {
      standIn.reset();
      send({ type: 'reset-done' });
    } else if (message.type === 'stop') {
      void standIn.stop().then(() => process.exit(0));
    }
  });
  send({ type: 'ready', url: standIn.apiUrl });
}

main().catch((error: unknown) => {
  send({ type: 'error', message: String(error) });
  process.exit(1);
});
