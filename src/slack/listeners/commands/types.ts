import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../logger';
import type { RequestActor } from '../../actor';
import type { Message } from '../../blocks/help';
import type { AppDeps } from '../../context';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export interface SubcommandInput {
  /** The text after the subcommand word. */
  rest: string;
  /** Names the subcommand. */
  log: Logger;
  actor: RequestActor;
  /** A private answer after the ack (through the command's response_url: src/slack/replies.ts). */
  reply: (message: Message) => Promise<void>;
}

/** One subcommand of /mentorship. */
export type SubcommandHandler = (args: CommandArgs, deps: AppDeps, input: SubcommandInput) => Promise<void>;
