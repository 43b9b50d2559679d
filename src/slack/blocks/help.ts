import type { KnownBlock } from '@slack/types';
import { COMMAND } from '../ids';
import { SUBCOMMANDS } from '../subcommands';
import { escapeText, mrkdwn, truncate } from './text';

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

export function helpMessage(unknownWord?: string): Message {
  const lines = SUBCOMMANDS.map((sub) => `\`${COMMAND} ${sub.usage}\` ${sub.summary}`);
  const blocks: KnownBlock[] = [];
  if (unknownWord !== undefined) {
    const shown = escapeText(truncate(unknownWord, 40));
    blocks.push({ type: 'section', text: mrkdwn(`I don't know \`${shown}\`. Did you mean one of these?`) });
  }
  blocks.push(
    { type: 'section', text: mrkdwn(`*Mentorship bot*: small habits that make mentoring pay off.\n${lines.join('\n')}`) },
    { type: 'context', elements: [mrkdwn("Tip: open the bot's *Home* tab for your checklist and next steps.")] },
  );
  const text =
    unknownWord !== undefined ? `Unknown subcommand. ${COMMAND} help lists them all.` : `${COMMAND} subcommands: ${SUBCOMMANDS.map((s) => s.name).join(', ')}`;
  return { text, blocks };
}

export function noPairMessage(): Message {
  const text = `You're not in a mentorship pair yet. Anyone can start one: type \`${COMMAND} pair\`, pick a mentor, a mentee and a goals channel, and I'll take it from there.`;
  return { text, blocks: [{ type: 'section', text: mrkdwn(text) }] };
}

/** A private confirmation that something was saved or done. */
export function doneMessage(text: string): Message {
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) }] };
}

export function errorMessage(text: string): Message {
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:warning: ${text}`) }] };
}
