import { noPairMessage } from '../../blocks/help';
import { actorOf } from '../../actor';
import type { AppDeps } from '../../context';
import { pairChoicesFor } from '../../pair-resolver';
import { replyPrivately } from '../../replies';
import type { CommandArgs } from './types';

/**
 * For subcommands that need a pair: acks at once (the database is not Slack's 3 s problem, nor the
 * trigger_id's), then returns the person's pairs and everyone's names, or, for someone in none,
 * answers privately how to start one and returns null.
 */
export async function requirePairs(args: CommandArgs, deps: AppDeps) {
  await args.ack();
  const actor = actorOf(args.context);
  const found = await pairChoicesFor(deps, actor.teamId, actor.userId);
  if (found.choices.length === 0) {
    await replyPrivately(args.client, deps.services.people, { ...actor, respond: args.respond }, noPairMessage(), actor.log);
    return null;
  }
  return found;
}
