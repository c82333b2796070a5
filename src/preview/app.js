// jianbao preview: the pages beside the editor, kept up to date by the
// server's update stream (/events). Plain script, no libraries.
'use strict';
(function () {
  const token = document.querySelector('meta[name="jianbao-token"]').content;
  const strings = JSON.parse(document.getElementById('strings').textContent);
  const role = (name) => document.querySelector('[data-role="' + name + '"]');
  const editor = role('editor');
  const lines = role('lines');
  const mark = role('mark');
  const pages = role('pages');
  const diagnostics = role('diagnostics');
  const status = role('status');
  const notice = role('notice');
  const saveButton = role('save');
  const drop = role('drop');
  const LINE = 20; // px, as in app.css
  const PAD = 8;

  let base = null; // the revision the editor's text was loaded from
  let dirty = false;
  let saving = false;
  let latest = null; // the revision of the file on disk, as last reported
  let markedLine = null;

  const fill = (template, ...values) => { let i = 0; return template.replace(/\{\}/g, () => values[i++]); };
  const say = (text) => { status.textContent = text; };

  function post(path, body, headers) {
    return fetch(path, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: Object.assign({ 'X-Jianbao-Token': token }, headers),
    });
  }

  // The editor: text, line numbers, the marked line.
  function numberLines() {
    const count = editor.value.split('\n').length;
    let text = '';
    for (let i = 1; i <= count; i++) text += i + '\n';
    lines.textContent = text;
    placeMark();
  }

  function placeMark() {
    lines.scrollTop = editor.scrollTop;
    if (markedLine === null) { mark.hidden = true; return; }
    mark.hidden = false;
    mark.style.top = (PAD + (markedLine - 1) * LINE - editor.scrollTop) + 'px';
  }

  function setDirty(value) {
    dirty = value;
    saveButton.disabled = !dirty;
  }

  function showNotice(text) {
    role('notice-text').textContent = text;
    notice.hidden = false;
  }

  async function loadSource() {
    const response = await fetch('/source', { credentials: 'same-origin' });
    if (!response.ok) { say(fill(strings.failed, await response.text())); return; }
    const text = await response.text();
    const top = editor.scrollTop;
    editor.value = text;
    editor.scrollTop = top;
    base = response.headers.get('X-Revision');
    editor.dataset.revision = base;
    setDirty(false);
    notice.hidden = true;
    numberLines();
  }

  function cursorLine() {
    return editor.value.slice(0, editor.selectionStart).split('\n').length;
  }

  // Moves the editor to `line` (1-based) and marks it.
  function goTo(line, column) {
    const all = editor.value.split('\n');
    line = Math.max(1, Math.min(line, all.length));
    let start = 0;
    for (let i = 0; i < line - 1; i++) start += all[i].length + 1;
    const at = start + Math.max(0, Math.min((column || 1) - 1, all[line - 1].length));
    editor.focus({ preventScroll: true });
    editor.setSelectionRange(at, at);
    editor.scrollTop = Math.max(0, (line - 1) * LINE - editor.clientHeight / 3);
    editor.dataset.cursorLine = String(line);
    markedLine = line;
    placeMark();
  }

  editor.addEventListener('input', () => { setDirty(true); numberLines(); });
  editor.addEventListener('scroll', placeMark);
  for (const event of ['keyup', 'mouseup']) {
    editor.addEventListener(event, () => { editor.dataset.cursorLine = String(cursorLine()); });
  }

  // The file on disk changed: load it, unless the editor holds edits.
  function compare() {
    if (saving || latest === null || latest === base) return;
    if (!dirty || base === null) loadSource();
    else if (notice.hidden) showNotice(strings.changed);
  }

  async function save() {
    if (base === null || saving) return;
    saving = true;
    say(strings.saving);
    const text = editor.value;
    try {
      const response = await post('/save', text, {
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Revision': base,
      });
      const answer = await response.json();
      if (response.ok) {
        base = answer.revision;
        editor.dataset.revision = base;
        setDirty(editor.value !== text);
        notice.hidden = true;
        say(strings.saved);
      } else if (response.status === 409) {
        showNotice(answer.message);
        say(answer.message);
      } else {
        say(fill(strings.failed, answer.message));
      }
    } catch (err) {
      say(fill(strings.failed, String(err)));
    }
    saving = false;
    compare();
  }

  saveButton.addEventListener('click', save);
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
      event.preventDefault();
      save();
    }
  });
  role('reload').addEventListener('click', loadSource);

  // The pages: one element per page, its SVG swapped in once loaded, so
  // nothing moves and the scroll position stays.
  function showPages(list, version) {
    const waits = [];
    list.forEach((page, i) => {
      let box = pages.children[i];
      if (!box) {
        box = document.createElement('div');
        box.className = 'page';
        box.dataset.page = String(i + 1);
        box.appendChild(document.createElement('img'));
        pages.appendChild(box);
      }
      box.style.aspectRatio = page.width + ' / ' + page.height;
      box.dataset.width = page.width;
      box.dataset.height = page.height;
      if (box.dataset.hash === page.hash) return;
      box.dataset.want = page.hash;
      const image = new Image();
      image.alt = String(i + 1);
      waits.push(new Promise((done) => {
        image.onload = () => {
          // A later update may have asked for another picture meanwhile.
          if (box.dataset.want === page.hash) {
            box.replaceChild(image, box.firstChild);
            box.dataset.hash = page.hash;
          }
          done();
        };
        image.onerror = done;
      }));
      image.src = '/page/' + page.hash + '.svg';
    });
    while (pages.children.length > list.length) pages.lastChild.remove();
    Promise.all(waits).then(() => {
      if (Number(pages.dataset.version || 0) < version) pages.dataset.version = String(version);
    });
  }

  function showDiagnostics(list, stale) {
    diagnostics.textContent = '';
    if (stale) {
      const note = document.createElement('li');
      note.className = 'note';
      note.textContent = strings.stale;
      diagnostics.appendChild(note);
    }
    for (const d of list) {
      const item = document.createElement('li');
      item.dataset.severity = d.severity;
      if (d.line) {
        item.dataset.line = d.line;
        item.dataset.column = d.column;
      }
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = (d.file || '') + (d.line ? ':' + d.line + ':' + d.column : '') + ' ';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = d.label + ' ';
      const message = document.createElement('span');
      message.className = 'message';
      message.textContent = d.message;
      item.append(where, label, message);
      for (const hint of d.hints) {
        const h = document.createElement('div');
        h.className = 'hint';
        h.textContent = '= ' + hint;
        item.appendChild(h);
      }
      if (d.line && d.in_issue) item.addEventListener('click', () => goTo(d.line, d.column));
      diagnostics.appendChild(item);
    }
  }

  function update(state) {
    pages.classList.toggle('stale', state.stale);
    showPages(state.pages, state.version);
    showDiagnostics(state.diagnostics, state.stale);
    document.body.dataset.diagnostics = String(state.diagnostics.length);
    latest = state.revision;
    compare();
  }

  // A click on a page: the source line of the text there.
  pages.addEventListener('click', async (event) => {
    const box = event.target.closest('.page');
    if (!box) return;
    const rect = box.getBoundingClientRect();
    const x = (event.clientX - rect.left) * Number(box.dataset.width) / rect.width;
    const y = (event.clientY - rect.top) * Number(box.dataset.height) / rect.height;
    const query = '/locate?page=' + box.dataset.page + '&x=' + x.toFixed(2) + '&y=' + y.toFixed(2);
    const response = await fetch(query, { credentials: 'same-origin' });
    if (!response.ok) return;
    const found = await response.json();
    if (found.line === null) { say(strings.nowhere); return; }
    if (found.in_issue) { goTo(found.line, found.column); say(''); }
    else say(fill(strings.series, found.file, found.line));
  });

  // An article dropped on the page is added to the issue.
  let dragging = 0;
  document.addEventListener('dragenter', (event) => { event.preventDefault(); dragging++; drop.hidden = false; });
  document.addEventListener('dragleave', () => { if (--dragging <= 0) { dragging = 0; drop.hidden = true; } });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', async (event) => {
    event.preventDefault();
    dragging = 0;
    drop.hidden = true;
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (!file) return;
    say(strings.adding);
    try {
      const response = await post('/add', file, { 'X-File-Name': encodeURIComponent(file.name) });
      const answer = await response.json();
      say(response.ok ? answer.message : fill(strings.failed, answer.message));
      status.dataset.added = response.ok ? 'yes' : 'no';
    } catch (err) {
      say(fill(strings.failed, String(err)));
    }
  });

  const events = new EventSource('/events');
  events.addEventListener('update', (event) => update(JSON.parse(event.data)));
  loadSource();
}());
