// The browser replay: the server sends the recorded run and its stops (the terminal replay's own
// stop finder); this plays it at a speed, stops at each stop, reveals what happened next on demand.
'use strict';
(function () {
  const run = document.body.dataset.run;
  const $ = id => document.getElementById(id);
  let script = null, at = 0, speed = 5, playing = false, nextStop = 0, timer = null, last = 0, atLeast = 0;
  const token = $('you-token');
  if (token) { token.value = sessionStorage.getItem('room-token') || ''; token.addEventListener('change', () => sessionStorage.setItem('room-token', token.value)); }

  function render() {
    $('clock').textContent = RoomCharts.fmtOffset(at);
    const ol = $('events');
    const byTime = script.events.filter(e => e.atMs <= at).length;
    const shown = script.events.slice(0, Math.max(byTime, atLeast));
    if (ol.childElementCount !== shown.length) {
      ol.replaceChildren();
      shown.forEach(e => {
        const li = document.createElement('li');
        const t = document.createElement('span'); t.className = 'at'; t.textContent = RoomCharts.fmtOffset(e.atMs);
        li.append(t, e.text);
        ol.append(li);
      });
      ol.scrollTop = ol.scrollHeight;
    }
    const probes = $('probes');
    Object.keys(script.samples).forEach(name => {
      const pts = script.samples[name].filter(p => p.atMs <= at).map(p => [p.atMs, p.ms, p.ok]);
      RoomCharts.draw(RoomCharts.box(probes, name), pts, 0, Math.max(script.lengthMs, 1000), pts.length + ' samples so far');
    });
    document.body.dataset.at = String(at);
  }
  function showStop(stop) {
    $('stop').hidden = false;
    $('stop').dataset.number = String(stop.number);
    $('stop-title').textContent = 'Stop ' + stop.number + ' at ' + RoomCharts.fmtOffset(stop.atMs) + ': ' + stop.title;
    const prompts = $('stop-prompts');
    prompts.replaceChildren();
    (stop.prompts.length ? stop.prompts : ['What would you see now? What would you do?']).forEach(p => {
      const li = document.createElement('li'); li.textContent = p; prompts.append(li);
    });
    const happened = $('happened');
    happened.hidden = true;
    happened.replaceChildren();
    stop.happenedNext.forEach(h => { const li = document.createElement('li'); li.textContent = h; happened.append(li); });
    $('reveal').disabled = false;
  }
  function pause() { playing = false; if (timer) { clearInterval(timer); timer = null; } }
  function reachStop() {
    const stop = script.stops[nextStop];
    at = stop.atMs; atLeast = script.shownAtStop[nextStop]; nextStop++;
    pause(); render(); showStop(stop);
  }
  function tick() {
    const now = performance.now();
    const target = at + (now - last) * speed;
    last = now;
    if (nextStop < script.stops.length && target >= script.stops[nextStop].atMs) { reachStop(); return; }
    at = Math.min(target, script.lengthMs);
    render();
    if (at >= script.lengthMs) pause();
  }
  $('play').addEventListener('click', () => {
    if (playing || !script) return;
    $('stop').hidden = true;
    playing = true; last = performance.now(); timer = setInterval(tick, 100);
  });
  $('pause').addEventListener('click', pause);
  $('step').addEventListener('click', () => {
    if (!script) return;
    pause();
    if (nextStop < script.stops.length) reachStop(); else { at = script.lengthMs; render(); $('stop').hidden = true; }
  });
  $('speed').addEventListener('change', e => { speed = Number(e.target.value); });
  $('reveal').addEventListener('click', () => { $('happened').hidden = false; $('reveal').disabled = true; });
  $('large').addEventListener('click', () => {
    const on = document.body.classList.toggle('large');
    $('large').setAttribute('aria-pressed', String(on));
    if (script) render();
  });
  const form = $('replay-note-form');
  if (form) {
    form.addEventListener('submit', e => {
      e.preventDefault();
      const text = $('replay-note');
      if (!text.value.trim()) return;
      fetch('/runs/' + encodeURIComponent(run) + '/replay/notes', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gameday-Token': token.value },
        body: JSON.stringify({ stop: Number($('stop').dataset.number), note: text.value })
      }).then(r => r.json().then(j => {
        $('replay-note-result').textContent = r.ok ? 'saved to notes.jsonl' : (j.error || 'not saved');
        if (r.ok) text.value = '';
      }));
    });
  }
  fetch('/runs/' + encodeURIComponent(run) + '/replay.json').then(r => r.json()).then(s => {
    script = s;
    $('length').textContent = 'of ' + RoomCharts.fmtOffset(s.lengthMs) + ', ' + s.stops.length + ' stops';
    if (s.partialReason) { $('partial').hidden = false; $('partial').textContent = 'Partial journal: ' + s.partialReason; }
    render();
    document.body.dataset.ready = 'true';
  });
})();
