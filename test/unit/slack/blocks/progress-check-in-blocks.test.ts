import { validateBlocks, validateView } from '../../../../src/devtools/slack-stand-in';
import { checkInSavedText, progressCheckInMessage, progressCheckInModal } from '../../../../src/slack/blocks/progress-check-in';
import { ProgressCheckInActions, ProgressCheckInModal } from '../../../../src/slack/ids';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

const PAIR = '00000000-0000-4000-8000-000000000001';

describe('the check-in during a mentorship', () => {
  it('asks privately, with one button per answer carrying the pair and checkpoint, within Slack’s limits', () => {
    const message = progressCheckInMessage({ pairId: PAIR, otherId: 'UMENTOR', checkpoint: 2, zone: 'America/Argentina/ComodRivadavia' });
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('two thirds of the way through');
    expect(JSON.stringify(message.blocks)).toContain('Your answer is private');
    const buttons = (message.blocks[1] as { elements: Array<{ action_id: string; value: string }> }).elements;
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual(Object.values(ProgressCheckInActions).map((id) => [id, `${PAIR}:2`]));
  });

  it('names each answer for a screen reader, which reads "Okay" out of context', () => {
    const message = progressCheckInMessage({ pairId: PAIR, otherId: 'UMENTOR', checkpoint: 1, zone: 'Europe/Berlin' });
    expect(ambiguousButtons(message.blocks)).toEqual([]);
    expect(spokenButtons(message.blocks).map((b) => b.spoken)).toEqual([
      'Check-in: the mentorship is going great',
      'Check-in: the mentorship is going okay',
      'Check-in: the mentorship is not working',
    ]);
  });

  it('opens with the pressed answer picked and, when answered before, the note and choice kept', () => {
    const view = progressCheckInModal({ pairId: PAIR, checkpoint: 1, answer: 'okay', note: 'N'.repeat(1000), shared: true });
    expect(validateView(view)).toEqual([]);
    expect(JSON.parse(view.private_metadata!)).toEqual({ pairId: PAIR, checkpoint: 1 });
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('"initial_option":{"text":{"type":"plain_text","text":"Okay"');
    expect(json).toContain(
      `"initial_options":[{"text":{"type":"plain_text","text":"Let the program coordinator know","emoji":true},"value":"${ProgressCheckInModal.shareValue}"}]`,
    );
    const fresh = JSON.stringify(progressCheckInModal({ pairId: PAIR, checkpoint: 1, answer: 'great', note: null, shared: false }).blocks);
    expect(fresh).not.toContain('initial_options');
    expect(fresh).not.toContain('initial_value');
  });

  it('tells the person who can see the answer', () => {
    expect(checkInSavedText(false, 'UMENTOR')).toMatch(/private to you: neither <@UMENTOR> nor the program coordinator/);
    expect(checkInSavedText(true, 'UMENTOR')).toMatch(/program coordinator can see your answer, not your note; <@UMENTOR> cannot/);
  });
});
