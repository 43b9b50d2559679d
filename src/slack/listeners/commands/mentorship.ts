import { errorMessage, helpMessage, type Message } from '../../blocks/help';
import { actorOf } from '../../actor';
import type { AppDeps } from '../../context';
import { isDomainError } from '../../../errors';
import { COMMAND } from '../../ids';
import { slackFailure, slackFailureText } from '../../slack-failure';
import { replyPrivately } from '../../replies';
import { parseSubcommand, type SubcommandName } from '../../subcommands';
import { goals } from './goals';
import { agenda } from './agenda';
import { help } from './help';
import { meeting } from './meeting';
import { notes } from './notes';
import { pair } from './pair';
import { status } from './status';
import { feedback } from './feedback';
import { journal } from './journal';
import { resources } from './resources';
import { thanks } from './thanks';
import { update } from './update';
import { mydata } from './mydata';
import { program } from './program';
import type { CommandArgs, SubcommandHandler } from './types';

const HANDLERS: Record<SubcommandName, SubcommandHandler> = {
  help,
  pair,
  goals,
  agenda,
  meeting,
  notes,
  feedback,
  resources,
  journal,
  thanks,
  update,
  status,
  program,
  mydata,
};

/** `/mentorship <subcommand> …`: routes to one handler; an unknown word gets the help with a hint. */
export function mentorshipCommand(deps: AppDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { name, word, rest } = parseSubcommand(args.command.text);
    const actor = actorOf(args.context);
    const log = actor.log.child({ subcommand: name ?? 'unknown' });
    if (name === null) {
      await args.ack({ response_type: 'ephemeral', ...helpMessage(word) });
      return;
    }
    let acked = false;
    const ack: CommandArgs['ack'] = async (response) => {
      acked = true;
      await args.ack(response);
    };
    const reply = (message: Message) => replyPrivately(args.client, deps.services.people, { ...actor, respond: args.respond }, message, log);
    try {
      await HANDLERS[name]({ ...args, ack }, deps, { rest, log, actor: { ...actor, log }, reply });
    } catch (error) {
      const failure = slackFailure(error);
      const message = isDomainError(error)
        ? error.message
        : failure
          ? slackFailureText(failure, `${COMMAND} ${name}`)
          : 'Something went wrong on my side; nothing was saved. Please try again.';
      if (failure) log.warn({ err: error, failure }, 'slack call failed during subcommand');
      else if (!isDomainError(error)) log.error({ err: error }, 'subcommand failed');
      if (!acked) await args.ack({ response_type: 'ephemeral', ...errorMessage(message) });
      else await reply(errorMessage(message));
    }
  };
}
