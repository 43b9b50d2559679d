// The sandbox page: it draws what the server rendered (GET /api/state) and posts what the person does
// (POST /api/...). All Slack behaviour lives on the server, which plays it through the real bot; this
// file only knows the HTML hooks of the renderer (data-action-id, data-block-id, data-value,
// data-confirm, form.modal, .input-block, data-modal) and keeps what a person typed in a modal while
// the bot redraws it. It polls /api/version every second, so a second tab follows the same world.
'use strict';

(function sandboxPage() {
  const $ = (selector) => document.querySelector(selector);
  const POLL_MS = 1000;
  const view = { user: '', at: '', version: '', body: '', modal: '', modalId: '', busy: 0 };
  /** What the person typed or picked in each open modal, by view id then block id, until it closes. */
  const drafts = {};

  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    view.user = params.get('user') || '';
    view.at = params.get('at') || '';
  }

  function writeHash() {
    history.replaceState(null, '', `#user=${encodeURIComponent(view.user)}&at=${encodeURIComponent(view.at)}`);
  }

  // ---- talking to the server -------------------------------------------------------------------------
  let latest = 0;
  async function refresh() {
    // A poll's answer can arrive after a newer one (an action's): only the last one asked for is drawn.
    const mine = ++latest;
    const res = await fetch(`/api/state?user=${encodeURIComponent(view.user)}&at=${encodeURIComponent(view.at)}`);
    const state = await res.json();
    if (mine !== latest) return;
    view.user = state.user;
    view.at = state.at;
    view.version = state.version;
    writeHash();
    draw(state);
  }

  async function post(route, body) {
    view.busy += 1;
    document.body.classList.add('busy');
    try {
      const res = await fetch(`/api/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await res.json();
      if (answer.error) toast(answer.error);
      else if (answer.notice) toast(answer.notice);
      await refresh();
      return answer;
    } catch (error) {
      toast(`The sandbox did not answer: ${error.message}`);
      return {};
    } finally {
      view.busy -= 1;
      if (view.busy === 0) document.body.classList.remove('busy');
    }
  }

  async function poll() {
    if (view.busy === 0) {
      try {
        const res = await fetch('/api/version');
        const { version } = await res.json();
        if (version !== view.version && view.busy === 0) await refresh();
      } catch {
        // The server is restarting or gone; the next poll tries again.
      }
    }
    setTimeout(poll, POLL_MS);
  }

  // ---- drawing ---------------------------------------------------------------------------------------
  function draw(state) {
    $('#clock-text').textContent = state.clock.text;
    $('#title').textContent = state.title;
    const person = state.people.find((p) => p.id === state.user);
    $('#people').replaceChildren(
      ...state.people.map((p) => item(`${p.name} (${p.role})`, { person: p.id }, p.id === state.user, p.tz)),
    );
    $('#conversations').replaceChildren(
      ...state.conversations.map((c) => item(c.name, { conversation: c.id }, c.id === state.at, '')),
    );
    if (state.body !== view.body) {
      view.body = state.body;
      const pane = $('#body');
      pane.innerHTML = state.body;
      pane.scrollTop = pane.scrollHeight;
    }
    $('#composer').hidden = !state.composer;
    $('#composer-text').placeholder = state.at.startsWith('D')
      ? 'Message the bot, or type /mentorship help'
      : `Message ${state.title}, or type /mentorship …`;
    document.body.dataset.user = state.user;
    document.body.dataset.actingAs = person ? person.name : '';
    drawModal(state.modal);
    document.body.dataset.clock = state.clock.iso;
    document.body.dataset.version = state.version;
  }

  function item(label, data, selected, hint) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    if (hint) button.title = hint;
    Object.assign(button.dataset, data);
    if (selected) button.setAttribute('aria-current', 'true');
    li.append(button);
    return li;
  }

  function drawModal(modal) {
    const layer = $('#modal-layer');
    if (!modal) {
      layer.hidden = true;
      layer.innerHTML = '';
      view.modal = '';
      view.modalId = '';
      for (const id of Object.keys(drafts)) delete drafts[id];
      return;
    }
    if (modal.html === view.modal && modal.id === view.modalId) return;
    view.modal = modal.html;
    view.modalId = modal.id;
    const stack = modal.depth > 1 ? `<div class="stack-note">View ${modal.depth} of ${modal.depth}: closing it goes back to the one below</div>` : '';
    layer.innerHTML = `<div class="modal-frame" data-depth="${modal.depth}">${stack}${modal.html}</div>`;
    layer.hidden = false;
    restoreDrafts(layer.querySelector('form.modal'));
  }

  function toast(text) {
    const box = $('#toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => {
      box.hidden = true;
    }, 6000);
  }

  // ---- values of controls ----------------------------------------------------------------------------
  /** An input block's value: a string, several strings (multi-selects, checkboxes), or null. */
  function blockValue(block) {
    const controls = [...block.querySelectorAll('[name]')];
    const first = controls[0];
    if (!first) return null;
    if (first.type === 'checkbox') return controls.filter((c) => c.checked).map((c) => c.value);
    if (first.type === 'radio') {
      const picked = controls.find((c) => c.checked);
      return picked ? picked.value : null;
    }
    return controlValue(first);
  }

  function controlValue(control) {
    if (control.tagName === 'SELECT' && control.multiple) return [...control.selectedOptions].map((o) => o.value);
    if (control.type === 'checkbox') {
      // Checkboxes outside input blocks: every box of the element, whichever of them carries the hooks.
      const group = control.closest('[data-action-id]:not(input)') || control.closest('.message, form.modal, .home') || document;
      const { actionId } = control.closest('[data-action-id]').dataset;
      const boxes = [...group.querySelectorAll('input[type=checkbox]')].filter((c) => (c.closest('[data-action-id]') || {}).dataset?.actionId === actionId);
      return boxes.filter((c) => c.checked).map((c) => c.value);
    }
    return control.value === '' ? null : control.value;
  }

  function setBlockValue(block, value) {
    for (const control of block.querySelectorAll('[name]')) {
      if (control.type === 'checkbox') control.checked = Array.isArray(value) && value.includes(control.value);
      else if (control.type === 'radio') control.checked = control.value === value;
      else if (control.tagName === 'SELECT' && control.multiple) {
        for (const option of control.options) option.selected = Array.isArray(value) && value.includes(option.value);
      } else control.value = value === null ? '' : value;
    }
  }

  function rememberDraft(block) {
    const form = block.closest('form.modal');
    if (!form) return;
    const id = form.dataset.viewId;
    drafts[id] = drafts[id] || {};
    drafts[id][block.dataset.blockId] = blockValue(block);
  }

  /** Puts back what the person changed in this view: the bot's redraw (or field errors) must not lose it. */
  function restoreDrafts(form) {
    if (!form) return;
    const draft = drafts[form.dataset.viewId] || {};
    for (const block of form.querySelectorAll('.input-block')) {
      if (block.dataset.blockId in draft) setBlockValue(block, draft[block.dataset.blockId]);
    }
    for (const id of Object.keys(drafts)) if (id !== form.dataset.viewId && !document.querySelector(`[data-view-id="${id}"]`)) delete drafts[id];
  }

  // ---- where an interaction happened -----------------------------------------------------------------
  /** The route and body for an action element, from the message, modal or Home tab it sits in. */
  function target(element) {
    const message = element.closest('.message');
    if (message) return ['message-action', { channel: message.dataset.channel, ts: message.dataset.ts }];
    const surface = element.closest('form.modal, .home');
    if (surface) return ['view-action', { viewId: surface.dataset.viewId }];
    return [undefined, {}];
  }

  async function act(element, value, url) {
    const [route, where] = target(element);
    if (!route) return;
    if (element.dataset.confirm && !(await confirmed(JSON.parse(element.dataset.confirm)))) return;
    if (url) window.open(url, '_blank', 'noopener');
    const form = element.closest('form.modal');
    await post(route, { user: view.user, ...where, actionId: element.dataset.actionId, value, ...(form ? { values: formValues(form) } : {}) });
  }

  /** Slack's confirm dialog; resolves true when the person confirms. */
  function confirmed(confirm) {
    const dialog = $('#confirm');
    $('#confirm-title').textContent = confirm.title || 'Are you sure?';
    $('#confirm-text').innerHTML = confirm.text || '';
    const ok = $('#confirm-ok');
    ok.textContent = confirm.confirm || 'Yes';
    ok.className = `btn ${confirm.style === 'danger' ? 'btn-danger' : 'btn-primary'}`;
    $('#confirm-deny').textContent = confirm.deny || 'Cancel';
    dialog.showModal();
    return new Promise((resolve) => {
      const done = (answer) => {
        ok.onclick = null;
        $('#confirm-deny').onclick = null;
        dialog.close();
        resolve(answer);
      };
      ok.onclick = () => done(true);
      $('#confirm-deny').onclick = () => done(false);
      dialog.oncancel = () => done(false);
    });
  }

  /** What every input of a modal shows now: Slack sends it with a submission and with an action in the modal. */
  function formValues(form) {
    const values = {};
    for (const block of form.querySelectorAll('.input-block')) values[block.dataset.blockId] = blockValue(block);
    return values;
  }

  function submitModal(form) {
    return post('submit', { user: view.user, viewId: form.dataset.viewId, values: formValues(form) });
  }

  // ---- events ----------------------------------------------------------------------------------------
  document.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target : null;
    if (!el) return;
    const person = el.closest('button[data-person]');
    if (person) {
      const kind = view.at === 'home' ? 'home' : view.at.startsWith('D') ? 'dm' : 'channel';
      view.user = person.dataset.person;
      view.at = kind === 'home' ? 'home' : kind === 'dm' ? `D${view.user}` : view.at;
      view.body = '';
      return void (kind === 'home' ? post('home', { user: view.user }) : refresh());
    }
    const conversation = el.closest('button[data-conversation]');
    if (conversation) {
      view.at = conversation.dataset.conversation;
      view.body = '';
      return void (view.at === 'home' ? post('home', { user: view.user }) : refresh());
    }
    const clock = el.closest('button[data-clock]');
    if (clock) return void post('clock', { user: view.user, step: clock.dataset.clock });
    const modalButton = el.closest('[data-modal]');
    if (modalButton) {
      event.preventDefault();
      const form = modalButton.closest('form.modal');
      if (modalButton.dataset.modal === 'submit') return void submitModal(form);
      return void post('close', { user: view.user, viewId: form.dataset.viewId });
    }
    const action = el.closest('button[data-action-id], a[data-action-id]');
    if (action && !action.closest('.input-block')) {
      // A url button opens its link as well (Slack sends the action for it too).
      if (action.tagName === 'BUTTON') event.preventDefault();
      const overflow = action.closest('details.overflow');
      if (overflow) overflow.open = false;
      // An overflow option with a url opens it too, as Slack does (the action is still sent).
      return void act(action, action.dataset.value === undefined ? null : action.dataset.value, action.dataset.url);
    }
  });

  document.addEventListener('change', (event) => {
    const el = event.target;
    const block = el.closest('.input-block');
    if (block) {
      rememberDraft(block);
      if (block.dataset.dispatchAction !== undefined) {
        const form = block.closest('form.modal');
        const values = formValues(form);
        void post('view-action', { user: view.user, viewId: form.dataset.viewId, blockId: block.dataset.blockId, value: values[block.dataset.blockId], values });
      }
      return;
    }
    const action = el.closest('[data-action-id]');
    if (action && el.matches('select, input')) void act(action, controlValue(el));
  });

  document.addEventListener('input', (event) => {
    const block = event.target.closest && event.target.closest('.input-block');
    if (block) rememberDraft(block);
  });

  document.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    if (form.matches('form.modal')) return void submitModal(form);
    if (form.id !== 'composer') return;
    const input = $('#composer-text');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    if (text.startsWith('/')) {
      if (!/^\/mentorship(\s|$)/.test(text)) return toast(`${text.split(/\s/)[0]} is not a command here; the bot's is /mentorship.`);
      return void post('command', { user: view.user, channel: view.at, text });
    }
    void post('message', { user: view.user, channel: view.at, text });
  });

  $('#reset').addEventListener('click', async () => {
    const ok = await confirmed({ title: 'Start over?', text: 'A fresh world: no pairs, no messages, the clock back to now.', confirm: 'Reset', deny: 'Cancel', style: 'danger' });
    if (ok) await post('reset', {});
  });

  readHash();
  void refresh().then(() => setTimeout(poll, POLL_MS));
})();
