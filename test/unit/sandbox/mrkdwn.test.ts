import fc from 'fast-check';
import { mrkdwnToHtml, textToHtml } from '../../../src/sandbox/render';
import { slackDate, slackDay } from '../../../src/slack/blocks/goal-format';
import { escapeText } from '../../../src/slack/blocks/text';
import { markupProblems, renderContext } from './render-context';

const ctx = renderContext();
const md = (text: string): string => mrkdwnToHtml(text, ctx);

describe('mrkdwn formatting', () => {
  it('renders *bold*, _italic_, ~strike~ and `code`', () => {
    expect(md('*bold* _italic_ ~strike~ `code`')).toBe('<b>bold</b> <i>italic</i> <s>strike</s> <code>code</code>');
  });

  it('formats only at word boundaries: inside words and around spaces the markers are text', () => {
    expect(md('snake_case_name')).toBe('snake_case_name');
    expect(md('2*3*4')).toBe('2*3*4');
    expect(md('a~b~c')).toBe('a~b~c');
    expect(md('* not bold *')).toBe('* not bold *');
    expect(md('_ spaced_')).toBe('_ spaced_');
    expect(md('(*bold*), "_quoted_".')).toBe('(<b>bold</b>), &quot;<i>quoted</i>&quot;.');
  });

  it('does not carry formatting across a line break', () => {
    expect(md('*one\ntwo*')).toBe('*one<br>two*');
  });

  it('nests styles and formats mentions inside them', () => {
    expect(md('*_both_*')).toBe('<b><i>both</i></b>');
    expect(md('*<@UMENTOR>*')).toBe('<b><span class="mention">@Maria</span></b>');
  });

  it('keeps code literal: no formatting inside `code` or ```pre```', () => {
    expect(md('`*not bold* _x_`')).toBe('<code>*not bold* _x_</code>');
    expect(md('before ```*a*\n_b_``` after')).toBe('before <pre class="code-block">*a*\n_b_</pre> after');
  });

  it('quotes lines starting with > (and &gt;, as Slack sends typed quotes), and >>> quotes the rest', () => {
    expect(md('> first\n&gt; second\nafter')).toBe('<blockquote>first<br>second</blockquote>after');
    expect(md('intro\n>>> all\nof this')).toBe('intro<blockquote>all<br>of this</blockquote>');
    expect(md('not > a quote')).toBe('not &gt; a quote');
  });

  it('turns line breaks into <br>', () => {
    expect(md('one\ntwo')).toBe('one<br>two');
  });
});

describe('mrkdwn control sequences', () => {
  it('links <url|label> and <url> in a new tab with rel=noopener, and bare URLs too', () => {
    expect(md('<https://example.com/a?x=1&amp;y=2|the *docs*>')).toBe(
      '<a href="https://example.com/a?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">the <b>docs</b></a>',
    );
    expect(md('<https://example.com>')).toBe('<a href="https://example.com" target="_blank" rel="noopener noreferrer">https://example.com</a>');
    expect(md('see https://example.com/a_b.')).toBe(
      'see <a href="https://example.com/a_b" target="_blank" rel="noopener noreferrer">https://example.com/a_b</a>.',
    );
    expect(md('<mailto:maria@example.com|Maria>')).toContain('href="mailto:maria@example.com"');
  });

  it('never links a javascript: or data: URL', () => {
    const html = md('<javascript:alert(1)|click> <data:text/html,x|y>');
    expect(html).not.toContain('<a');
    expect(html).toBe('&lt;javascript:alert(1)|click&gt; &lt;data:text/html,x|y&gt;');
  });

  it("shows user and channel mentions by the directory's names, the label or the id otherwise", () => {
    expect(md('<@UMENTOR> <@UOTHER|Sam> <@UNKNOWN>')).toBe(
      '<span class="mention">@Maria</span> <span class="mention">@Sam</span> <span class="mention">@UNKNOWN</span>',
    );
    expect(md('<#CGOALS> <#COTHER|random>')).toBe('<span class="mention channel">#mentorship-goals</span> <span class="mention channel">#random</span>');
  });

  it('shows <!here>, <!channel> and <!everyone> as broadcasts', () => {
    expect(md('<!here> <!channel> <!everyone>')).toBe(
      '<span class="mention broadcast">@here</span> <span class="mention broadcast">@channel</span> <span class="mention broadcast">@everyone</span>',
    );
  });

  it('decodes only &lt; &gt; &amp;, as Slack does: they show as the characters, other entities as typed', () => {
    expect(md('&lt;!channel&gt; &amp; &quot; &copy;')).toBe('&lt;!channel&gt; &amp; &amp;quot; &amp;copy;');
  });
});

describe('mrkdwn dates', () => {
  // 2026-12-02T15:30:00Z: 16:30 in Berlin, 10:30 in New York.
  const at = Date.UTC(2026, 11, 2, 15, 30) / 1000;
  const date = (format: string, tz = 'Europe/Berlin'): string => mrkdwnToHtml(`<!date^${at}^${format}|fallback>`, renderContext(tz));

  it("fills Slack's tokens in the viewer's zone", () => {
    expect(date('{date_num} {time}')).toBe('<time class="date">2026-12-02 4:30 PM</time>');
    expect(date('{date_num} {time}', 'America/New_York')).toBe('<time class="date">2026-12-02 10:30 AM</time>');
    expect(date('{date_short}')).toBe('<time class="date">Dec 2, 2026</time>');
    expect(date('{date}')).toBe('<time class="date">December 2nd, 2026</time>');
    expect(date('{date_long}')).toBe('<time class="date">Wednesday, December 2nd, 2026</time>');
    expect(date('{date_slash} {time_secs}')).toBe('<time class="date">02/12/2026 4:30:00 PM</time>');
  });

  it("says Today, Yesterday or Tomorrow for the *_pretty tokens, by the viewer's calendar, capitalised as Slack shows a date", () => {
    expect(date('{date_short_pretty} at {time}')).toBe('<time class="date">Today at 4:30 PM</time>');
    // In Tokyo it is already 3 December at 00:30, and "now" (21:00 there) is still the 2nd.
    expect(date('{date_pretty}', 'Asia/Tokyo')).toBe('<time class="date">Tomorrow</time>');
  });

  it('shows the fallback for an unknown token or a bad epoch, and links the date when given a URL', () => {
    expect(md(`<!date^${at}^{bogus}|Dec 2 &lt;UTC&gt;>`)).toBe('<time class="date">Dec 2 &lt;UTC&gt;</time>');
    expect(md('<!date^soon^{date}|later>')).toBe('<time class="date">later</time>');
    expect(md(`<!date^${at}^{date_num}^https://example.com|x>`)).toBe(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer"><time class="date">2026-12-02</time></a>',
    );
  });

  it("renders the bot's own date helpers", () => {
    const instant = new Date('2026-12-01T09:00:00Z');
    expect(md(slackDate(instant))).toBe('<time class="date">Yesterday at 10:00 AM</time>');
    expect(md(slackDay(instant))).toBe('<time class="date">Dec 1, 2026</time>');
  });
});

describe('escaping', () => {
  it('shows typed HTML and attribute-breaking quotes as text', () => {
    const typed = escapeText('<script>alert("x")</script> "><img src=x onerror=alert(1)>');
    const html = md(typed);
    expect(html).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(markupProblems(html)).toEqual([]);
  });

  it('keeps a link label and a mention label from breaking out', () => {
    const html = md('<https://example.com/"onmouseover="x|<b>"label"</b>> <@UX|"><script>>');
    expect(markupProblems(html)).toEqual([]);
    expect(html).not.toContain('<script');
  });

  it('produces only its own markup, whatever the text', () => {
    const pieces = fc.constantFrom(
      '*',
      '_',
      '~',
      '`',
      '```',
      '>',
      '&gt;',
      '&lt;',
      '&amp;',
      '<',
      '|',
      '"',
      "'",
      '\n',
      ' ',
      'a',
      '<@UMENTOR>',
      '<!here>',
      'https://x.io',
      '<https://x.io|l>',
      '<!date^1^{date}|d>',
      'javascript:',
      'onerror=',
      '\uE0000\uE001',
      '<script>',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        expect(markupProblems(md(parts.join('')))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('text objects', () => {
  it('never reads plain_text as mrkdwn, and keeps its line breaks', () => {
    expect(textToHtml({ type: 'plain_text', text: '*not bold* <@UMENTOR> &amp;\nnext' }, ctx)).toBe('*not bold* &lt;@UMENTOR&gt; &amp;amp;<br>next');
  });

  it('reads a mrkdwn object, and a bare string (a message text) as mrkdwn', () => {
    expect(textToHtml({ type: 'mrkdwn', text: '*b*' }, ctx)).toBe('<b>b</b>');
    expect(textToHtml('*b*', ctx)).toBe('<b>b</b>');
    expect(textToHtml(undefined, ctx)).toBe('');
  });
});
