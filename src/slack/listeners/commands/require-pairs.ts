import { noPairMessage } from '../../blocks/help';
import type { AppDeps } from '../../context';
import { pairChoicesFor } from '../../pair-resolver';
import type { CommandArgs } from './types';

/**
 * For subcommands that need a pair: the person's pairs and everyone's names, or, for someone in
 * none, an ephemeral explanation of how to start one (answered in the ack) and null.
 * Call it before ack(); it acks only in the no-pair case.
 */
export async function requirePairs(args: CommandArgs, deps: AppDeps) {
  const found = await pairChoicesFor(deps, args.command.team_id, args.command.user_id);
  if (found.choices.length === 0) {
    await args.ack({ response_type: 'ephemeral', ...noPairMessage() });
    return null;
  }
  return found;
}
