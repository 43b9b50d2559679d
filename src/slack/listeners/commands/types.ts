import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../logger';
import type { AppDeps } from '../../context';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** One subcommand of /mentorship. `rest` is the text after the subcommand word. */
export type SubcommandHandler = (args: CommandArgs, deps: AppDeps, input: { rest: string; log: Logger }) => Promise<void>;
