import { errorMessage, helpMessage } from '../../blocks/help';
import { type AppDeps, requestLog } from '../../context';
import { isDomainError } from '../../../errors';
import { parseSubcommand, type SubcommandName } from '../../subcommands';
import { goals } from './goals';
import { agenda } from './agenda';
import { help } from './help';
import { meeting } from './meeting';
import { notes } from './notes';
import { pair } from './pair';
import { status } from './status';
import type { CommandArgs, SubcommandHandler } from './types';

/** Subcommands that are not built yet answer honestly instead of pretending. */
const notYetAvailable: SubcommandHandler = async ({ ack }) => {
  await ack({ response_type: 'ephemeral', ...errorMessage('That part of the bot is not available yet. `/mentorship help` lists what is.') });
};

const HANDLERS: Record<SubcommandName, SubcommandHandler> = {
  help,
  pair,
  goals,
  agenda,
  meeting,
  notes,
  feedback: notYetAvailable,
  resources: notYetAvailable,
  journal: notYetAvailable,
  thanks: notYetAvailable,
  status,
};

/** `/mentorship <subcommand> …`: routes to one handler; an unknown word gets the help with a hint. */
export function mentorshipCommand(deps: AppDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { name, word, rest } = parseSubcommand(args.command.text);
    const log = requestLog(args.context, deps.logger).child({ subcommand: name ?? 'unknown' });
    if (name === null) {
      await args.ack({ response_type: 'ephemeral', ...helpMessage(word) });
      return;
    }
    let acked = false;
    const ack: CommandArgs['ack'] = async (response) => {
      acked = true;
      await args.ack(response);
    };
    try {
      await HANDLERS[name]({ ...args, ack }, deps, { rest, log });
    } catch (error) {
      const message = isDomainError(error) ? error.message : 'Something went wrong on my side; nothing was saved. Please try again.';
      if (!isDomainError(error)) log.error({ err: error }, 'subcommand failed');
      if (!acked) await args.ack({ response_type: 'ephemeral', ...errorMessage(message) });
      else await args.respond({ response_type: 'ephemeral', ...errorMessage(message) }).catch(() => undefined);
    }
  };
}
