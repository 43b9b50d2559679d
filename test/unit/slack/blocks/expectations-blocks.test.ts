import { validateBlocks } from '../../../../src/devtools/slack-stand-in/blocks';
import { validateView } from '../../../../src/devtools/slack-stand-in/views';
import { EXPECTATION_MAX, type ExpectationsView } from '../../../../src/domain/expectations/expectation-rules';
import { dashboardExpectationsBlocks, expectationsMessage, expectationsModal } from '../../../../src/slack/blocks/expectations';

const longest = (mark: string) => `${mark} <!channel> `.padEnd(EXPECTATION_MAX, 'x');
const view: ExpectationsView = {
  pairId: '7a1c9a52-4a4e-4c1e-9d55-0f3a2b1c0d9e',
  mentorId: 'UMENTOR',
  menteeId: 'UMENTEE',
  betweenMeetings: longest('between'),
  feedbackStyle: longest('feedback'),
  boundaries: longest('boundaries'),
  mentorHope: longest('mentor'),
  menteeHope: longest('mentee'),
  version: 2,
  state: { kind: 'proposed', by: 'UMENTOR', waitingFor: 'UMENTEE' },
};
const mentee = { userId: 'UMENTEE', zone: 'America/New_York' };

/** Every mrkdwn text in some blocks: what Slack renders as markup. */
function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (!node || typeof node !== 'object') return [];
  const own = (node as { type?: string; text?: unknown }).type === 'mrkdwn' ? [String((node as { text: unknown }).text)] : [];
  return [...own, ...Object.values(node).flatMap(mrkdwnTexts)];
}

describe('expectations blocks', () => {
  it('stay within Slack limits with every answer at its longest, and escape what was typed', () => {
    const message = expectationsMessage(view, mentee, '*Proposed.*', true);
    const modal = expectationsModal(view, mentee, true);
    expect(validateBlocks(message.blocks, 'message')).toEqual([]);
    expect(validateView(modal)).toEqual([]);
    expect(validateView(expectationsModal(view, mentee, false))).toEqual([]);
    // Shown text is escaped; an input's initial value is the typed text itself (Slack shows it as typed, never as mrkdwn).
    for (const shown of [message.blocks, modal.blocks, dashboardExpectationsBlocks(view, { ...mentee, otherName: 'Maria' }, true)]) {
      const texts = mrkdwnTexts(shown);
      expect(texts.join('\n')).toContain('&lt;!channel&gt;');
      expect(texts.join('\n')).not.toContain('<!channel>');
    }
  });

  it('offers Confirm only to the person it waits for, and nothing that changes an ended pair', () => {
    const ids = (blocks: unknown) => JSON.stringify(blocks).match(/expectations_(confirm|open)/g) ?? [];
    expect(ids(expectationsMessage(view, mentee, 'x', true).blocks)).toEqual(['expectations_confirm', 'expectations_open']);
    expect(ids(expectationsMessage(view, { userId: 'UMENTOR', zone: 'UTC' }, 'x', true).blocks)).toEqual(['expectations_open']);
    expect(ids(expectationsMessage(view, mentee, 'x', false).blocks)).toEqual([]);
    // On a dashboard listing several pairs, a screen reader hears whose expectations the button opens.
    const agreed: ExpectationsView = { ...view, state: { kind: 'agreed', on: new Date('2026-11-24T10:00:00Z'), by: 'UMENTOR' } };
    expect(JSON.stringify(dashboardExpectationsBlocks(agreed, { ...mentee, otherName: 'Maria' }, true))).toContain(
      '"accessibility_label":"Expectations: your mentorship with Maria"',
    );
    // The form keeps each person's own hope theirs: Theo's is prefilled for Theo, Maria's only shown.
    expect(JSON.stringify(expectationsModal(view, mentee, true).blocks)).toContain('"initial_value":"mentee');
  });
});
