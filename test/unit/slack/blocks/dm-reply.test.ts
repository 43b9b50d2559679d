import { validateBlocks } from '../../../../src/devtools/slack-stand-in';
import { directMessageReply } from '../../../../src/slack/blocks/dm-reply';
import { HomeActions, OpenActions } from '../../../../src/slack/ids';
import { homeSnapshot, MENTOR, pairSnapshot } from '../../../support/home-snapshots';
import { ambiguousButtons, spokenButtons } from '../../../support/spoken-buttons';

describe('the answer to a message typed in the bot DM', () => {
  it('offers someone in no pair the button that starts one', () => {
    const message = directMessageReply(homeSnapshot([]));
    expect(spokenButtons(message.blocks).map((b) => b.actionId)).toEqual([HomeActions.startPair]);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
  });

  it('gives each pair its row of buttons, each naming the other person for a screen reader', () => {
    const first = pairSnapshot({}, 'mentor', { mentorId: MENTOR, menteeId: 'UANA' });
    const second = pairSnapshot({}, 'mentor', { mentorId: MENTOR, menteeId: 'UBEN' });
    const message = directMessageReply(homeSnapshot([first, second], { names: { UANA: 'Ana', UBEN: 'Ben', [MENTOR]: 'Maria' } }));
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(ambiguousButtons(message.blocks)).toEqual([]);
    const thanks = spokenButtons(message.blocks).filter((b) => b.actionId === OpenActions.sayThanks);
    expect(thanks.map((b) => b.spoken)).toEqual(['Say thanks to Ana', 'Say thanks to Ben']);
  });

  it('leaves out ended pairs and points to the Home tab past five pairs', () => {
    const ended = pairSnapshot({}, 'mentor', { menteeId: 'UEND' });
    ended.pair.status = 'ended';
    expect(directMessageReply(homeSnapshot([ended])).text).toMatch(/not in a mentorship pair yet/);
    const many = Array.from({ length: 7 }, (_, i) => pairSnapshot({}, 'mentor', { menteeId: `UM${i}` }));
    const message = directMessageReply(homeSnapshot(many));
    expect(spokenButtons(message.blocks).filter((b) => b.actionId === OpenActions.addGoal)).toHaveLength(5);
    expect(JSON.stringify(message.blocks)).toContain('The others are on your *Home* tab');
  });
});
