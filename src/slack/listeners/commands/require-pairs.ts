import { noPairMessage } from '../../blocks/help';
import type { AppDeps } from '../../context';
import { pairChoicesFor } from '../../pair-resolver';
import type { CommandArgs } from './types';

/**
 * For subcommands that need a pair: acks at once (the database is not Slack's 3 s problem, nor the
 * trigger_id's), then returns the person's pairs and everyone's names, or, for someone in none,
 * answers with an ephemeral explanation of how to start one and returns null.
 */
export async function requirePairs(args: CommandArgs, deps: AppDeps) {
  await args.ack();
  const found = await pairChoicesFor(deps, args.command.team_id, args.command.user_id);
  if (found.choices.length === 0) {
    await args.respond({ response_type: 'ephemeral', ...noPairMessage() });
    return null;
  }
  return found;
}
