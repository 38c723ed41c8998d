// The Quire hosted web experience. Every piece of data goes into the page through textContent,
// never innerHTML. All URLs are relative to the web experience's path.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let csrf = null;
  let conversationId = null;
  let parentMessageId = null;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  async function api(path, options) {
    const opts = Object.assign({ headers: {} }, options || {});
    opts.credentials = 'same-origin';
    if (opts.method && opts.method !== 'GET') opts.headers['X-Quire-CSRF'] = csrf;
    if (opts.body && typeof opts.body !== 'string') {
      opts.body = JSON.stringify(opts.body);
      opts.headers['Content-Type'] = 'application/json';
    }
    const r = await fetch('api/' + path, opts);
    if (r.status === 401) { window.location.assign('login'); throw new Error('signed out'); }
    if (!r.ok) {
      let message = 'The request failed (' + r.status + ').';
      try { message = (await r.json()).message || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return r;
  }

  function status(text) { $('status').textContent = text || ''; }

  async function loadConfig() {
    const c = await (await api('config')).json();
    csrf = c.csrfToken;
    $('title').textContent = c.title;
    document.title = c.title;
    $('subtitle').textContent = c.subtitle;
    $('welcome').textContent = c.welcomeMessage;
    $('user-email').textContent = c.email;
    const samples = $('sample-prompts');
    samples.replaceChildren();
    c.samplePrompts.forEach((p) => {
      const li = el('li');
      const b = el('button', p);
      b.type = 'button';
      b.addEventListener('click', () => { $('message').value = p; ask(); });
      li.appendChild(b);
      samples.appendChild(li);
    });
  }

  async function loadConversations() {
    const list = $('conversation-list');
    const data = await (await api('conversations')).json();
    list.replaceChildren();
    data.conversations.forEach((c) => {
      const li = el('li');
      const open = el('button', c.title, 'open');
      open.type = 'button';
      if (c.conversationId === conversationId) open.setAttribute('aria-current', 'true');
      open.addEventListener('click', () => openConversation(c.conversationId));
      const del = el('button', 'Delete', 'delete');
      del.type = 'button';
      del.setAttribute('aria-label', 'Delete conversation ' + c.title);
      del.addEventListener('click', () => deleteConversation(c.conversationId));
      li.append(open, del);
      list.appendChild(li);
    });
  }

  function newChat() {
    conversationId = null;
    parentMessageId = null;
    $('messages').replaceChildren();
    showSources([], null);
    status('');
    loadConversations().catch((e) => status(e.message));
    $('message').focus();
  }

  async function openConversation(id) {
    const data = await (await api('conversations/' + encodeURIComponent(id) + '/messages')).json();
    conversationId = id;
    $('messages').replaceChildren();
    let last = null;
    data.messages.forEach((m) => {
      if (m.type === 'USER') { addUserMessage(m.body); return; }
      const li = addSystemMessage();
      renderAnswer(li.querySelector('.body'), m.body, m.sourceAttributions);
      finishAnswer(li, m.messageId, m.sourceAttributions);
      last = m;
    });
    parentMessageId = last ? last.messageId : null;
    if (last) showSources(last.sourceAttributions, last.messageId);
    loadConversations().catch((e) => status(e.message));
  }

  async function deleteConversation(id) {
    if (!window.confirm('Delete this conversation?')) return;
    await api('conversations/' + encodeURIComponent(id), { method: 'DELETE' });
    if (id === conversationId) newChat(); else await loadConversations();
    status('Conversation deleted.');
  }

  function addUserMessage(text) {
    const li = el('li', text, 'user');
    li.setAttribute('aria-label', 'You said');
    $('messages').appendChild(li);
  }

  function addSystemMessage() {
    const li = el('li', null, 'system');
    li.appendChild(el('div', null, 'body'));
    $('messages').appendChild(li);
    return li;
  }

  // Text with [n] markers becomes text nodes and links to source n in the sources panel.
  function renderAnswer(container, text, sources) {
    container.replaceChildren();
    const numbers = new Set((sources || []).map((s) => s.citationNumber));
    const parts = text.split(/(\[\d+\])/);
    parts.forEach((part) => {
      const m = /^\[(\d+)\]$/.exec(part);
      if (m && numbers.has(Number(m[1]))) {
        const a = el('a', '[' + m[1] + ']', 'citation');
        a.href = '#source-' + m[1];
        a.setAttribute('aria-label', 'Source ' + m[1]);
        a.addEventListener('click', (ev) => { ev.preventDefault(); focusSource(m[1]); });
        container.appendChild(a);
      } else {
        container.appendChild(document.createTextNode(part));
      }
    });
  }

  function focusSource(n) {
    const item = $('source-' + n);
    if (!item) return;
    document.querySelectorAll('.sources li.highlight').forEach((x) => x.classList.remove('highlight'));
    item.classList.add('highlight');
    item.focus();
  }

  function finishAnswer(li, messageId, sources) {
    if (!sources || sources.length === 0) {
      li.appendChild(el('p', 'No document you can read answers this question.', 'notice'));
    }
    const fb = el('div', null, 'feedback');
    ['USEFUL', 'NOT_USEFUL'].forEach((u) => {
      const b = el('button', u === 'USEFUL' ? 'Helpful' : 'Not helpful');
      b.type = 'button';
      b.setAttribute('aria-pressed', 'false');
      b.dataset.usefulness = u;
      b.addEventListener('click', () => feedback(fb, messageId, u));
      fb.appendChild(b);
    });
    li.appendChild(fb);
  }

  async function feedback(container, messageId, usefulness) {
    await api('feedback', { method: 'POST', body: { conversationId, messageId, usefulness } });
    container.querySelectorAll('button').forEach((b) =>
      b.setAttribute('aria-pressed', String(b.dataset.usefulness === usefulness)));
    status('Thanks for the feedback.');
  }

  function showSources(sources, messageId) {
    const list = $('source-list');
    list.replaceChildren();
    $('access').hidden = true;
    $('no-sources').hidden = sources.length > 0;
    sources.forEach((s) => {
      const li = el('li');
      li.id = 'source-' + s.citationNumber;
      li.tabIndex = -1;
      li.appendChild(el('strong', '[' + s.citationNumber + '] ' + (s.title || 'Untitled')));
      li.appendChild(el('p', s.snippet || '', 'snippet'));
      if (s.url && /^https?:\/\//i.test(s.url)) {
        const a = el('a', 'Open source');
        a.href = s.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        li.appendChild(a);
      }
      if (s.documentId && messageId) {
        const why = el('button', 'Why can I see this?', 'why');
        why.type = 'button';
        why.addEventListener('click', () => explain(messageId, s.citationNumber).catch((e) => status(e.message)));
        li.appendChild(why);
      }
      list.appendChild(li);
    });
  }

  async function explain(messageId, citationNumber) {
    const data = await (await api('conversations/' + encodeURIComponent(conversationId) + '/messages/'
      + encodeURIComponent(messageId) + '/access')).json();
    const body = $('access-body');
    body.replaceChildren();
    data.documents.filter((d) => d.citationNumber === citationNumber).forEach((d) => {
      body.appendChild(el('p', (d.title || d.documentId) + ': ' + d.reason));
      (d.matchedAllows || []).forEach((m) => body.appendChild(
        el('p', m.type + ' ' + m.name + (m.path ? ' — ' + m.path : ''), 'muted')));
    });
    $('access').hidden = false;
    $('access-heading').tabIndex = -1;
    $('access-heading').focus();
  }

  // POST chat answers with Server-Sent Events, written while the answer is generated: `text`
  // increments, `blocked` (replace everything shown by the blocked message; no text follows),
  // then `done` with the stored message and its sources, or `error`.
  async function ask() {
    const input = $('message');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    $('send').disabled = true;
    $('sample-prompts').replaceChildren();
    addUserMessage(text);
    const li = addSystemMessage();
    const body = li.querySelector('.body');
    li.setAttribute('aria-busy', 'true');
    status('Answering…');
    let answer = '';
    let blocked = false;
    try {
      const r = await api('chat', { method: 'POST', body: { message: text, conversationId, parentMessageId } });
      const reader = r.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let finished = false;
      while (!finished) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const name = (/^event: (.*)$/m.exec(block) || [])[1];
          const data = JSON.parse((/^data: (.*)$/m.exec(block) || [])[1] || '{}');
          if (name === 'text' && !blocked) {
            answer += data.text;
            body.textContent = answer;
          } else if (name === 'blocked') {
            blocked = true;
            answer = data.message;
            body.textContent = answer;
          } else if (name === 'done') {
            finished = true;
            conversationId = data.conversationId;
            parentMessageId = data.systemMessageId;
            if (typeof data.systemMessage === 'string') answer = data.systemMessage;
            renderAnswer(body, answer, data.sourceAttributions);
            $('live').textContent = answer;
            finishAnswer(li, data.systemMessageId, data.sourceAttributions);
            showSources(data.sourceAttributions, data.systemMessageId);
          } else if (name === 'error') {
            throw new Error(data.message || 'The answer failed.');
          }
        }
      }
      if (!finished) throw new Error('The answer stopped before it was complete.');
      status('');
      loadConversations().catch((e) => status(e.message));
    } catch (e) {
      body.textContent = 'Something went wrong: ' + e.message;
      status(e.message);
    } finally {
      li.removeAttribute('aria-busy');
      $('send').disabled = false;
      input.focus();
    }
  }

  async function logout() {
    const r = await api('logout', { method: 'POST' });
    window.location.assign((await r.json()).redirect);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('ask').addEventListener('submit', (ev) => { ev.preventDefault(); ask(); });
    $('message').addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); ask(); }
    });
    $('new-chat').addEventListener('click', newChat);
    $('logout').addEventListener('click', () => logout().catch((e) => status(e.message)));
    loadConfig().then(loadConversations).catch((e) => status(e.message));
  });
})();
