import { renderHome, renderMessage, renderModal, type Json } from '../../../src/sandbox/render';
import { markupProblems, renderContext } from './render-context';

const ctx = renderContext();
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const message = (...blocks: Json[]): string => renderMessage({ text: 'fallback', blocks }, ctx);
const modal = (blocks: Json[], errors?: Record<string, string>, extra: Json = {}): string =>
  renderModal(
    { id: 'V1', type: 'modal', callback_id: 'cb', title: plain('Title'), submit: plain('Save'), close: plain('Cancel'), blocks, ...extra },
    ctx,
    errors,
  );
const input = (blockId: string, element: Json, extra: Json = {}): Json => ({ type: 'input', block_id: blockId, label: plain('Label'), element, ...extra });

describe('messages', () => {
  it('shows the blocks when there are any (the text is only the notification), else the text as mrkdwn', () => {
    expect(message({ type: 'divider' })).toBe('<div class="message-body"><hr class="block divider"></div>');
    expect(renderMessage({ text: 'Hi *there*' }, ctx)).toBe('<div class="message-body"><div class="message-text">Hi <b>there</b></div></div>');
  });
});

describe('layout blocks', () => {
  it('renders a section with text, fields and an accessory carrying the block id', () => {
    const html = message({
      type: 'section',
      block_id: 'B1',
      text: mrkdwn('*Title*'),
      fields: [mrkdwn('*When*\nMonday'), plain('*plain*')],
      accessory: { type: 'button', action_id: 'go', text: plain('Go'), value: 'v1' },
    });
    expect(html).toContain('<div class="block section" data-block-id="B1">');
    expect(html).toContain('<div class="section-text"><b>Title</b></div>');
    expect(html).toContain('<div class="fields"><div class="field"><b>When</b><br>Monday</div><div class="field">*plain*</div></div>');
    expect(html).toContain(
      '<div class="accessory"><button type="button" class="btn btn-default" data-action-id="go" data-block-id="B1" data-element-type="button" data-value="v1">Go</button></div>',
    );
  });

  it('renders context (text and images), header, divider and image blocks', () => {
    expect(message({ type: 'context', elements: [mrkdwn('_note_'), { type: 'image', image_url: 'https://x.io/a.png', alt_text: 'pic' }] })).toContain(
      '<div class="block context"><span class="context-text"><i>note</i></span><img class="context-image" src="https://x.io/a.png" alt="pic"></div>',
    );
    expect(message({ type: 'header', text: plain('Big *news*') })).toContain('<h3 class="block header">Big *news*</h3>');
    expect(message({ type: 'image', image_url: 'https://x.io/b.png', alt_text: 'chart', title: plain('Chart') })).toContain(
      '<figure class="block image"><figcaption>Chart</figcaption><img class="image-block" src="https://x.io/b.png" alt="chart"></figure>',
    );
  });

  it('never loads an image from a javascript: or data: URL', () => {
    const html = message({ type: 'image', image_url: 'javascript:alert(1)', alt_text: '"><script>' });
    expect(html).toContain('[image: &quot;&gt;&lt;script&gt;]');
    expect(markupProblems(html)).toEqual([]);
  });

  it('renders basic rich text: styled text, links, mentions, lists, code and quotes', () => {
    const html = message({
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [
            { type: 'text', text: 'Hi ', style: { bold: true } },
            { type: 'user', user_id: 'UMENTEE' },
            { type: 'text', text: ' see ' },
            { type: 'link', url: 'https://x.io', text: 'this' },
            { type: 'emoji', name: 'tada' },
            { type: 'broadcast', range: 'here' },
          ],
        },
        { type: 'rich_text_list', style: 'ordered', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] }] },
        { type: 'rich_text_preformatted', elements: [{ type: 'text', text: '*raw*' }] },
        { type: 'rich_text_quote', elements: [{ type: 'text', text: '<quoted>' }] },
      ],
    });
    expect(html).toContain(
      '<div class="rt-section"><b>Hi </b><span class="mention">@Theo</span> see <a href="https://x.io" target="_blank" rel="noopener noreferrer">this</a>🎉<span class="mention broadcast">@here</span></div>',
    );
    expect(html).toContain('<ol class="rt-list indent-0"><li>one</li></ol>');
    expect(html).toContain('<pre class="code-block">*raw*</pre>');
    expect(html).toContain('<blockquote>&lt;quoted&gt;</blockquote>');
  });

  it('shows a block type it does not know as a visible placeholder', () => {
    expect(message({ type: 'video', block_id: 'V' })).toContain('<div class="block unsupported" data-block-id="V">[unsupported block: video]</div>');
    expect(message({ type: '<b>x</b>' })).toContain('[unsupported block: &lt;b&gt;x&lt;/b&gt;]');
  });
});

describe('action elements', () => {
  const actions = (...elements: Json[]): string => message({ type: 'actions', block_id: 'A', elements });

  it('styles buttons and carries the action hooks', () => {
    const html = actions(
      { type: 'button', action_id: 'p', text: plain('Yes'), style: 'primary', value: '1' },
      { type: 'button', action_id: 'd', text: plain('No'), style: 'danger', accessibility_label: 'Say no' },
    );
    expect(html).toContain('class="btn btn-primary" data-action-id="p" data-block-id="A" data-element-type="button" data-value="1">Yes</button>');
    expect(html).toContain('class="btn btn-danger" data-action-id="d" data-block-id="A" data-element-type="button" aria-label="Say no">No</button>');
  });

  it('puts a confirm dialog on the button as JSON, its text already rendered', () => {
    const html = actions({
      type: 'button',
      action_id: 'drop',
      text: plain('Drop'),
      confirm: { title: plain('Sure?'), text: mrkdwn('This *cannot* be undone'), confirm: plain('Drop it'), deny: plain('Keep'), style: 'danger' },
    });
    const raw = /data-confirm="([^"]*)"/
      .exec(html)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(JSON.parse(raw)).toEqual({ title: 'Sure?', text: 'This <b>cannot</b> be undone', confirm: 'Drop it', deny: 'Keep', style: 'danger' });
  });

  it('renders a URL button as a link that also carries the hooks, and refuses an unsafe URL', () => {
    expect(actions({ type: 'button', action_id: 'open', text: plain('Open'), url: 'https://x.io' })).toContain(
      '<a href="https://x.io" target="_blank" rel="noopener noreferrer" class="btn btn-default" data-action-id="open" data-block-id="A" data-element-type="button">Open</a>',
    );
    expect(actions({ type: 'button', action_id: 'bad', text: plain('Bad'), url: 'javascript:alert(1)' })).not.toContain('href');
  });

  it('renders an overflow menu as <details> whose items are buttons with the hooks', () => {
    const html = actions({
      type: 'overflow',
      action_id: 'more',
      options: [
        { text: plain('Edit'), value: 'edit' },
        { text: plain('Delete'), value: 'delete' },
      ],
    });
    expect(html).toContain('<details class="overflow"><summary aria-label="More actions">⋯</summary><div class="overflow-menu">');
    expect(html).toContain(
      '<button type="button" class="overflow-item" data-action-id="more" data-block-id="A" data-element-type="overflow" data-value="delete">Delete</button>',
    );
  });

  it('renders selects and pickers outside inputs with the hooks, pre-selecting initial values', () => {
    const options = [
      { text: plain('One'), value: '1' },
      { text: plain('Two'), value: '2' },
    ];
    const html = actions(
      { type: 'static_select', action_id: 's', options, initial_option: options[1], placeholder: plain('Pick') },
      { type: 'users_select', action_id: 'u', initial_user: 'UMENTEE' },
      { type: 'channels_select', action_id: 'c' },
      { type: 'datepicker', action_id: 'd', initial_date: '2026-12-24' },
    );
    expect(html).toContain(
      '<select name="A.s" data-action-id="s" data-block-id="A" data-element-type="static_select"><option value="">Pick</option><option value="1">One</option><option value="2" selected>Two</option></select>',
    );
    expect(html).toContain('<option value="UMENTEE" selected>Theo</option>');
    expect(html).toContain('<option value="CGOALS">mentorship-goals</option>');
    expect(html).toContain('<input type="date" name="A.d" data-action-id="d" data-block-id="A" data-element-type="datepicker" value="2026-12-24">');
  });

  it('groups checkboxes outside inputs under one element carrying the hooks', () => {
    const html = actions({ type: 'checkboxes', action_id: 'tick', options: [{ text: mrkdwn('*Done*'), value: 'x' }] });
    expect(html).toContain('<div class="checkboxes" role="group" data-action-id="tick" data-block-id="A" data-element-type="checkboxes">');
    expect(html).toContain('<input type="checkbox" name="A.tick" value="x"><span class="choice-text"><b>Done</b></span>');
  });
});

describe('input blocks', () => {
  it('names each control after its block, marks optional ones and shows the hint', () => {
    const html = modal([
      input('title', { type: 'plain_text_input', action_id: 't', initial_value: 'Hi', placeholder: plain('Say it') }, { optional: true, hint: plain('Short') }),
    ]);
    expect(html).toContain('<div class="input-block" data-block-id="title" data-element-type="plain_text_input">');
    expect(html).toContain('<label class="input-label" id="label-title" for="input-title">Label <span class="optional">(optional)</span></label>');
    expect(html).toContain('<input type="text" name="title" id="input-title" value="Hi" placeholder="Say it">');
    expect(html).toContain('<div class="hint">Short</div>');
  });

  it('renders every input element the way the page collects it', () => {
    const options = [
      { text: plain('A'), value: 'a' },
      { text: plain('B'), value: 'b', description: plain('the second') },
    ];
    const html = modal([
      input('multi', { type: 'plain_text_input', action_id: 'm', multiline: true, initial_value: '<x>\nline' }),
      input('num', { type: 'number_input', action_id: 'n', is_decimal_allowed: false, min_value: '1', max_value: '10', initial_value: '3' }),
      input('dec', { type: 'number_input', action_id: 'n', is_decimal_allowed: true }),
      input('mail', { type: 'email_text_input', action_id: 'e' }),
      input('link', { type: 'url_text_input', action_id: 'u' }),
      input('rich', {
        type: 'rich_text_input',
        action_id: 'r',
        initial_value: { type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'hello' }] }] },
      }),
      input('day', { type: 'datepicker', action_id: 'd', initial_date: '2026-12-24' }),
      input('time', { type: 'timepicker', action_id: 't', initial_time: '09:30' }),
      input('when', { type: 'datetimepicker', action_id: 'w', initial_date_time: Date.UTC(2026, 11, 24, 8, 30) / 1000 }),
      input('many', { type: 'multi_static_select', action_id: 'ms', options, initial_options: [options[0]] }),
      input('people', { type: 'multi_users_select', action_id: 'mu', initial_users: ['UMENTOR'] }),
      input('where', { type: 'conversations_select', action_id: 'c', initial_conversation: 'CGOALS' }),
      input('ticks', { type: 'checkboxes', action_id: 'x', options, initial_options: [options[1]] }),
      input('pick', { type: 'radio_buttons', action_id: 'r', options }),
    ]);
    expect(html).toContain('<textarea rows="4" name="multi" id="input-multi">&lt;x&gt;\nline</textarea>');
    expect(html).toContain('<input type="number" name="num" id="input-num" value="3" step="1" min="1" max="10">');
    expect(html).toContain('<input type="number" name="dec" id="input-dec" step="any">');
    expect(html).toContain('<input type="email" name="mail" id="input-mail">');
    expect(html).toContain('<input type="url" name="link" id="input-link">');
    expect(html).toContain('<textarea rows="4" name="rich" id="input-rich">hello</textarea>');
    expect(html).toContain('<input type="date" name="day" id="input-day" value="2026-12-24">');
    expect(html).toContain('<input type="time" name="time" id="input-time" value="09:30">');
    // 08:30 UTC is 09:30 in the viewer's zone (Berlin); the page converts back in the zone it is told.
    expect(html).toContain('<input type="datetime-local" name="when" id="input-when" value="2026-12-24T09:30" data-tz="Europe/Berlin">');
    expect(html).toContain(
      '<select multiple name="many" id="input-many" data-placeholder="Select options"><option value="a" selected>A</option><option value="b">B</option></select>',
    );
    expect(html).toContain(
      '<select multiple name="people" id="input-people" data-placeholder="Select options"><option value="UMENTOR" selected>Maria</option><option value="UMENTEE">Theo</option></select>',
    );
    expect(html).toContain('<option value="CGOALS" selected>mentorship-goals</option>');
    expect(html).toContain(
      '<label class="choice"><input type="checkbox" name="ticks" value="b" checked><span class="choice-text">B</span><span class="choice-description">the second</span></label>',
    );
    expect(html).toContain('<input type="radio" name="pick" value="a"><span class="choice-text">A</span>');
    expect(html).toContain('<div class="radio-buttons" role="group" id="input-pick" aria-labelledby="label-pick">');
  });

  it('shows an unknown element type as a placeholder inside its input block', () => {
    expect(modal([input('f', { type: 'file_input', action_id: 'f' })])).toContain('<span class="unsupported">[unsupported element: file_input]</span>');
  });

  it('marks a dispatch_action input with the action it sends', () => {
    expect(modal([input('who', { type: 'users_select', action_id: 'who_select' }, { dispatch_action: true })])).toContain(
      '<div class="input-block" data-block-id="who" data-element-type="users_select" data-dispatch-action="who_select">',
    );
  });
});

describe('modals', () => {
  it('wraps the view in a form with its ids, title and Cancel/Submit', () => {
    const html = modal([]);
    expect(html).toBe(
      '<form class="modal" novalidate data-view-id="V1" data-callback-id="cb"><header class="modal-header"><h2 class="modal-title">Title</h2></header>' +
        '<div class="modal-body"></div><footer class="modal-footer"><button type="button" class="btn btn-default" data-modal="close">Cancel</button>' +
        '<button type="submit" class="btn btn-primary" data-modal="submit">Save</button></footer></form>',
    );
  });

  it('has no submit button when the view has none, and says Cancel when it names no close', () => {
    const html = renderModal({ type: 'modal', title: plain('Done'), blocks: [] }, ctx);
    expect(html).not.toContain('data-modal="submit"');
    expect(html).toContain('data-modal="close">Cancel</button>');
  });

  it('puts each field error under its own input, escaped, and shows an error for an unknown block at the top', () => {
    const html = modal(
      [input('a', { type: 'plain_text_input', action_id: 'a' }, { hint: plain('hint') }), input('b', { type: 'plain_text_input', action_id: 'b' })],
      { b: 'Too <long>', zzz: 'Nowhere' },
    );
    expect(html).toContain(
      '<div class="input-block has-error" data-block-id="b" data-element-type="plain_text_input"><label class="input-label" id="label-b" for="input-b">Label</label><input type="text" name="b" id="input-b"><div class="field-error" data-error-for="b">Too &lt;long&gt;</div></div>',
    );
    expect(html).not.toMatch(/data-block-id="a"[^]*data-error-for="a"/);
    expect(html).toContain('<div class="modal-body"><div class="field-error modal-error" data-error-for="zzz">Nowhere</div>');
  });

  it('shows the error right under its control, before the hint', () => {
    const html = modal([input('a', { type: 'plain_text_input', action_id: 'a' }, { hint: plain('hint') })], { a: 'Required' });
    expect(html.indexOf('data-error-for="a"')).toBeLessThan(html.indexOf('class="hint"'));
  });
});

describe('home', () => {
  it('renders the published blocks inside the home container', () => {
    expect(renderHome({ type: 'home', id: 'VH', blocks: [{ type: 'divider' }] }, ctx)).toBe(
      '<div class="home" data-view-id="VH"><hr class="block divider"></div>',
    );
  });
});

describe('escaping in blocks and elements', () => {
  const evil = '"><script>alert(1)</script><b onmouseover="x';
  it('escapes every string a view carries: texts, values, ids, labels, options, placeholders and initial values', () => {
    const option = { text: plain(evil), value: evil, description: plain(evil) };
    const html = modal(
      [
        { type: 'header', text: plain(evil) },
        {
          type: 'section',
          block_id: evil,
          text: plain(evil),
          fields: [mrkdwn(evil)],
          accessory: { type: 'button', action_id: evil, value: evil, text: plain(evil), url: evil },
        },
        { type: 'context', elements: [plain(evil), { type: 'image', image_url: `https://x.io/${evil}`, alt_text: evil }] },
        {
          type: 'actions',
          block_id: evil,
          elements: [{ type: 'overflow', action_id: evil, options: [option], confirm: { title: plain(evil), text: plain(evil) } }],
        },
        input(
          evil,
          { type: 'static_select', action_id: evil, options: [option], initial_option: option, placeholder: plain(evil) },
          { label: plain(evil), hint: plain(evil) },
        ),
        input('x', { type: 'checkboxes', action_id: 'x', options: [option], initial_options: [option] }),
        input('y', { type: 'plain_text_input', action_id: 'y', initial_value: evil, multiline: true }),
        input('z', { type: 'users_select', action_id: 'z', initial_user: evil }),
      ],
      { [evil]: evil },
      { id: evil, callback_id: evil, title: plain(evil), submit: plain(evil), close: plain(evil) },
    );
    expect(markupProblems(html)).toEqual([]);
    expect(html).not.toContain('<script');
  });
});
