import { cleanMrkdwn, renderBlocks, renderView } from '../../../src/devtools/render-text';

const txt = (text: string, type = 'plain_text') => ({ type, text });

describe('renderBlocks', () => {
  it('prints headers, sections, fields, context, dividers and buttons', () => {
    const out = renderBlocks(
      [
        { type: 'header', text: txt('Check-in') },
        { type: 'section', text: txt('*Goal*: ship it', 'mrkdwn'), fields: [txt('Due: Friday', 'mrkdwn')] },
        { type: 'divider' },
        { type: 'context', elements: [txt('from <@U1>', 'mrkdwn'), txt('today')] },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: txt('Done'), action_id: 'd' },
            { type: 'button', text: txt('Snooze'), action_id: 's' },
          ],
        },
      ],
      'fallback',
      { userName: (id) => (id === 'U1' ? 'ada' : undefined) },
    );
    expect(out).toBe(['Check-in', '========', '*Goal*: ship it', '  Due: Friday', '─'.repeat(40), 'from @ada · today', '[Done] [Snooze]'].join('\n'));
  });

  it('falls back to the text when there are no blocks', () => {
    expect(renderBlocks(undefined, 'Hello <@U2>')).toBe('Hello @U2');
  });
});

describe('renderView', () => {
  it('shows inputs with initial values or blanks, and the modal buttons', () => {
    const out = renderView({
      type: 'modal',
      title: txt('New goal'),
      submit: txt('Save'),
      close: txt('Cancel'),
      blocks: [
        { type: 'input', label: txt('Goal'), element: { type: 'plain_text_input', action_id: 'g', initial_value: 'Learn SQL' } },
        { type: 'input', label: txt('Due'), optional: true, element: { type: 'datepicker', action_id: 'd' } },
      ],
    });
    expect(out).toBe(['┌ New goal ┐', 'Goal: Learn SQL', 'Due (optional): ____', '[Cancel] [Save]'].join('\n'));
  });
});

describe('cleanMrkdwn', () => {
  it('flags real broadcasts and shows escaped ones literally', () => {
    expect(cleanMrkdwn('<!channel> hi')).toBe('[@channel] hi');
    expect(cleanMrkdwn('&lt;!channel&gt; &amp; co')).toBe('<!channel> & co');
  });

  it('turns links and channel mentions into text', () => {
    expect(cleanMrkdwn('see <https://x.test|docs> in <#C1|general>')).toBe('see docs (https://x.test) in #general');
  });
});
