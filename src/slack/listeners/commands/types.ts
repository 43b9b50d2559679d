import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../logger';
import type { RequestActor } from '../../actor';
import type { AppDeps } from '../../context';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** One subcommand of /mentorship. `rest` is the text after the subcommand word; `log` names the subcommand. */
export type SubcommandHandler = (args: CommandArgs, deps: AppDeps, input: { rest: string; log: Logger; actor: RequestActor }) => Promise<void>;
