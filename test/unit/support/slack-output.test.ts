import { renderedTexts, specialTokens, unsafeOutput } from '../../support/slack-output';

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('the mention-injection checker used by the attack suite', () => {
  it('reads message text and mrkdwn objects but not plain_text', () => {
    const payload = { text: 'top', blocks: [section('body'), { type: 'header', text: { type: 'plain_text', text: 'title' } }] };
    expect(renderedTexts(payload)).toEqual(['top', 'body']);
  });

  it('finds the tokens a person typed', () => {
    expect(specialTokens(['hi <!channel> and <@U123|boss>, see <https://evil.example|this> & <b>'])).toEqual([
      '<!channel>',
      '<@U123|boss>',
      '<https://evil.example|this>',
    ]);
  });

  it('flags a typed mention that reached a message unescaped, and a broadcast anywhere', () => {
    const outputs = [
      { where: 'chat.postMessage', payload: { text: 'x', blocks: [section('Goal: ping <@U123> now')] } },
      { where: 'views.open', payload: { blocks: [section('<!here>')] } },
    ];
    const problems = unsafeOutput(outputs, ['ping <@U123> now']);
    expect(problems.map((p) => p.token)).toEqual(['<@U123>', '<!here>']);
  });

  it('accepts the same text once escaped, and typed tokens shown as plain text', () => {
    const outputs = [
      { where: 'chat.postMessage', payload: { text: 'x', blocks: [section('Goal: ping &lt;@U123&gt; &lt;!channel&gt;')] } },
      {
        where: 'views.open',
        payload: {
          blocks: [
            { type: 'input', element: { type: 'plain_text_input', initial_value: '<!channel> <@U123>' }, label: { type: 'plain_text', text: '<@U123>' } },
          ],
        },
      },
    ];
    expect(unsafeOutput(outputs, ['<!channel> <@U123>'])).toEqual([]);
  });
});
