// The live run page: the server sends the run's state (from its journal, judged by the run's own
// judge) as server-sent events; this only shows it. Abort and notes go back as JSON with the token.
'use strict';
(function () {
  const run = document.body.dataset.run;
  const $ = id => document.getElementById(id);
  const you = { name: $('you-name'), role: $('you-role'), token: $('you-token') };
  ['name', 'role'].forEach(k => { if (you[k]) { you[k].value = localStorage.getItem('room-' + k) || ''; you[k].addEventListener('change', () => localStorage.setItem('room-' + k, you[k].value)); } });
  if (you.token) { you.token.value = sessionStorage.getItem('room-token') || ''; you.token.addEventListener('change', () => sessionStorage.setItem('room-token', you.token.value)); }

  function row(tbody, cells, cls) {
    const tr = document.createElement('tr');
    if (cls) tr.className = cls;
    cells.forEach(c => { const td = document.createElement('td'); td.textContent = c; tr.append(td); });
    tbody.append(tr);
    return tr;
  }
  function fill(id, rows, empty) {
    const tbody = $(id).querySelector('tbody');
    tbody.replaceChildren();
    if (rows.length === 0) row(tbody, [empty]).firstChild.colSpan = 5;
    rows.forEach(r => row(tbody, r.cells, r.cls));
  }
  function list(id, items, text) {
    const ol = $(id);
    ol.replaceChildren();
    items.forEach(i => {
      const li = document.createElement('li');
      const at = document.createElement('span'); at.className = 'at'; at.textContent = RoomCharts.fmtOffset(i.atMs);
      li.append(at, text(i));
      ol.append(li);
    });
    ol.scrollTop = ol.scrollHeight;
  }
  function show(s) {
    if (s.error) { $('summary').textContent = 'The room cannot read this run: ' + s.error; return; }
    $('phase').textContent = s.phase || '…';
    $('step').textContent = s.steps.length ? s.steps.join(', ') : '–';
    $('left').textContent = s.leftMs === undefined ? '–' : Math.ceil(s.leftMs / 1000) + ' s';
    $('verdict').textContent = s.verdict || (s.live ? 'running' : (s.ended ? '–' : 'not running'));
    $('verdict').className = 'big ' + (s.verdict ? 'badge v-' + s.verdict : '');
    $('summary').textContent = s.summary || '';
    const probes = $('probes');
    s.probes.forEach(p => {
      const figures = p.count ? 'window: success ' + (p.successRatio * 100).toFixed(1) + '%, p95 ' + Math.round(p.p95Ms) + ' ms (' + p.count + ' samples)' : 'no sample yet';
      RoomCharts.draw(RoomCharts.box(probes, p.name), p.points, Math.max(0, s.nowMs - 120000), Math.max(s.nowMs, 1000), figures);
    });
    fill('aborts', (s.aborts || []).map(a => ({ cells: [a.name, a.probe, a.value, a.trips + ' for ' + a.forMs / 1000 + ' s', a.tripped ? 'TRIPPED' : (a.watching ? (a.inRange ? 'in range: tripping' : 'armed') : 'idle')], cls: a.tripped ? 'tripped' : (a.inRange ? 'in-range' : '') })), 'No abort condition.');
    fill('faults', (s.faults || []).map(f => ({ cells: [f.proxy, f.name, f.type, f.stream || '', JSON.stringify(f.attributes || {})] })), s.live ? 'No fault in place.' : 'The run is not in progress.');
    fill('traffic', (s.traffic || []).map(t => ({ cells: [t.proxy, t.connections === null ? '–' : String(t.connections), String(t.upstreamBytes), String(t.downstreamBytes)] })), '–');
    $('proxy-problem').textContent = s.proxyProblem || '';
    $('people').textContent = (s.people || []).map(p => p.name + (p.role ? ' (' + p.role + ')' : '')).join(', ') || '–';
    list('events', s.events, e => e.text);
    list('notes', s.notes, n => n.author + (n.role ? ' (' + n.role + ')' : '') + ': ' + n.note);
    const abort = $('abort');
    if (abort) abort.disabled = !s.live;
    document.body.dataset.phase = s.phase || '';
  }
  const feed = new EventSource('/runs/' + encodeURIComponent(run) + '/events');
  feed.onmessage = m => show(JSON.parse(m.data));

  function post(path, body) {
    return fetch('/runs/' + encodeURIComponent(run) + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gameday-Token': you.token ? you.token.value : '' },
      body: JSON.stringify(body)
    }).then(r => r.json().then(j => ({ ok: r.ok, body: j })));
  }
  const abort = $('abort');
  if (abort) {
    abort.addEventListener('click', () => { $('abort-confirm').hidden = false; });
    $('abort-no').addEventListener('click', () => { $('abort-confirm').hidden = true; });
    $('abort-yes').addEventListener('click', () => {
      $('abort-confirm').hidden = true;
      $('abort-result').textContent = 'Aborting…';
      post('/abort', { by: you.name.value || 'someone in the room' }).then(r => {
        $('abort-result').textContent = r.ok ? 'Aborted: every fault was removed; the run is ending.' : 'Not aborted: ' + (r.body.error || JSON.stringify(r.body));
      });
    });
  }
  const form = $('note-form');
  if (form) {
    const text = $('note-text');
    text.addEventListener('keydown', e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); } });
    form.addEventListener('submit', e => {
      e.preventDefault();
      if (!text.value.trim()) return;
      post('/notes', { by: you.name.value, role: you.role.value, note: text.value }).then(r => {
        $('note-result').textContent = r.ok ? 'noted' : (r.body.error || 'not noted');
        if (r.ok) text.value = '';
      });
    });
  }
})();
