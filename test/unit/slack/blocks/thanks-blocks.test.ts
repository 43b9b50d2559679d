import { validateBlocks, validateView } from '../../../../src/devtools/slack-stand-in';
import { thanksDm, thanksModal, thanksSentMessage } from '../../../../src/slack/blocks/thanks-blocks';
import { ThanksModal } from '../../../../src/slack/ids';
import { choices, hostile, meetingRow } from './practice-builders';

describe('thanks builders', () => {
  it('keep the longest, most hostile note within Slack limits and never let it mention or broadcast', () => {
    const dm = thanksDm({ fromId: 'UMENTEE', message: hostile(2000), meetingAt: meetingRow().scheduled_at, zone: 'Europe/Berlin' });
    expect(validateBlocks(dm.blocks, 'message')).toEqual([]);
    expect(`${dm.text}${JSON.stringify(dm.blocks)}`).not.toMatch(/<!channel>|<@U999>|<#C1>|<https:\/\/evil/);
    expect(JSON.stringify(dm.blocks)).toContain('Tue 1 Dec 2026, 10:00 (Europe/Berlin)');
    expect(validateBlocks(thanksSentMessage('UMENTOR').blocks, 'message')).toEqual([]);
  });

  it("pre-fill the note with the suggestion for the sender's role, or with what they typed", () => {
    const [choice] = choices(1);
    const message = (view: ReturnType<typeof thanksModal>) => view.blocks.find((b) => b.block_id === ThanksModal.blocks.message);
    expect(JSON.stringify(message(thanksModal({ choices: [choice!], names: {}, pairId: choice!.pair.id })))).toContain('well prepared');
    expect(JSON.stringify(message(thanksModal({ choices: [choice!], names: {}, pairId: choice!.pair.id, message: 'You rock' })))).toContain('You rock');
    expect(validateView(thanksModal({ choices: choices(100), names: {}, message: 'x'.repeat(2000) }))).toEqual([]);
  });
});
