import type { KnownBlock } from '@slack/types';
import type { ProgramSummary } from '../../domain/program/overview';
import { COMMAND, ProgramActions } from '../ids';
import { healthLine, stateLine } from './program-format';
import { habitBlocks } from './program-habits';
import { mrkdwn, plain } from './text';

/** The coordinator's section at the top of their Home: the program at a glance, and the way to the overview. */
export function programHomeBlocks({ counts, habits }: ProgramSummary): KnownBlock[] {
  return [
    { type: 'header', text: plain('Your program', 150) },
    {
      type: 'section',
      text: mrkdwn(`*${stateLine(counts)}*\nHealth of the pairs that have not ended: ${healthLine(counts)}`),
      accessory: { type: 'button', action_id: ProgramActions.openOverview, text: plain('Open the overview', 75), value: 'overview' },
    },
    ...habitBlocks(habits),
    {
      type: 'context',
      elements: [mrkdwn(`You coordinate the mentorship program (also \`${COMMAND} program\`). You see names, dates and counts, never what a pair wrote.`)],
    },
    { type: 'divider' },
  ];
}
