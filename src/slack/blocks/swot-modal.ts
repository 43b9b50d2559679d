import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import type { SwotFields } from '../../domain/goals/swot-fields';
import type { SwotScreen } from '../../domain/goals/swot.service';
import { formatInZone } from '../../domain/time/zoned';
import { SwotModal } from '../ids';
import { encodeMetadata } from '../inputs/metadata';
import { typed } from './goal-format';
import { mention, mrkdwn, plain } from './text';

export const SWOT_TEXT_MAX = 1000;

const PARTS = [
  { key: 'strengths', label: 'Strengths', question: 'What do you do well? What do others ask you for?' },
  { key: 'weaknesses', label: 'Weaknesses', question: 'What would you like to get better at? Where do you get stuck?' },
  { key: 'opportunities', label: 'Opportunities', question: 'Projects, people or trends around you that you could use.' },
  { key: 'threats', label: 'Threats', question: 'What could get in the way: workload, changes, habits?' },
] as const;

/** The mentee's form. Every part is optional: a rough first pass already helps to pick goals. */
export function swotModal(pairId: string, swot: SwotFields | null): ModalView {
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn('A quick self-assessment to help pick goals. Your mentor can read it; nobody else sees it.') },
    ...PARTS.map((part): InputBlock => ({
      type: 'input',
      block_id: SwotModal.blocks[part.key],
      optional: true,
      label: plain(part.label),
      hint: plain(part.question),
      element: {
        type: 'plain_text_input',
        action_id: SwotModal.actions[part.key],
        multiline: true,
        max_length: SWOT_TEXT_MAX,
        ...(swot?.[part.key] ? { initial_value: swot[part.key]!.slice(0, SWOT_TEXT_MAX) } : {}),
      },
    })),
  ];
  return {
    type: 'modal',
    callback_id: SwotModal.callbackId,
    private_metadata: encodeMetadata({ pairId }),
    title: plain('Your SWOT', 24),
    submit: plain('Save SWOT', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** What the mentor sees: the same four parts, read-only, with who updated them and when in their zone. */
export function swotReadOnlyModal(screen: SwotScreen): ModalView {
  const { swot, menteeId } = screen;
  const blocks: KnownBlock[] = swot
    ? [
        ...PARTS.map((part): KnownBlock => ({
          type: 'section',
          text: mrkdwn(`*${part.label}*\n${swot[part.key] ? typed(swot[part.key], SWOT_TEXT_MAX) : '_(empty)_'}`),
        })),
        { type: 'context', elements: [mrkdwn(`Last updated by ${mention(swot.updatedBy)}, ${formatInZone(swot.updatedAt, screen.viewerZone)}`)] },
      ]
    : [{ type: 'section', text: mrkdwn(`${mention(menteeId)} has not filled in the SWOT yet. It is theirs to write; you can read it here once they have.`) }];
  return {
    type: 'modal',
    title: plain(`SWOT: ${screen.menteeName}`, 24),
    close: plain('Close', 24),
    blocks,
  };
}
