// The room's charts: one canvas per probe, latency of each sample (failed samples in red), drawn
// from the points the server sends. No library: the room works offline.
'use strict';
window.RoomCharts = (function () {
  function fmtOffset(ms) {
    const neg = ms < 0; ms = Math.abs(Math.round(ms / 1000));
    const m = Math.floor(ms / 60), s = ms % 60;
    return (neg ? '-' : '+') + m + ':' + String(s).padStart(2, '0');
  }
  function box(container, name) {
    let div = container.querySelector('[data-probe="' + CSS.escape(name) + '"]');
    if (!div) {
      div = document.createElement('div');
      div.className = 'probe';
      div.dataset.probe = name;
      const h = document.createElement('div');
      const title = document.createElement('strong');
      title.textContent = name;
      const figures = document.createElement('span');
      figures.className = 'figures quiet';
      h.append(title, ' ', figures);
      const canvas = document.createElement('canvas');
      div.append(h, canvas);
      container.append(div);
    }
    return div;
  }
  // points: [[atMs, ms, ok], ...]; from/to: the time range shown, in ms from the run start.
  function draw(div, points, from, to, figures) {
    div.querySelector('.figures').textContent = figures || '';
    const canvas = div.querySelector('canvas');
    const w = canvas.clientWidth, h = canvas.clientHeight, ratio = window.devicePixelRatio || 1;
    canvas.width = w * ratio; canvas.height = h * ratio;
    const g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    g.clearRect(0, 0, w, h);
    const left = 48, bottom = 18, top = 6;
    let max = 10;
    points.forEach(p => { if (p[1] > max) max = p[1]; });
    max = Math.ceil(max * 1.1);
    const x = t => left + (w - left - 4) * (t - from) / Math.max(1, to - from);
    const y = ms => top + (h - top - bottom) * (1 - ms / max);
    g.strokeStyle = '#d5dbe1'; g.fillStyle = '#5c6670'; g.font = '11px system-ui';
    for (let i = 0; i <= 4; i++) {
      const v = max * i / 4, yy = y(v);
      g.beginPath(); g.moveTo(left, yy); g.lineTo(w, yy); g.stroke();
      g.fillText(Math.round(v) + ' ms', 2, yy + 4);
    }
    g.fillText(fmtOffset(from), left, h - 4);
    g.fillText(fmtOffset(to), w - 40, h - 4);
    g.strokeStyle = '#1f6feb'; g.beginPath();
    let started = false;
    points.forEach(p => {
      if (p[0] < from || p[0] > to) return;
      if (!started) { g.moveTo(x(p[0]), y(p[1])); started = true; } else { g.lineTo(x(p[0]), y(p[1])); }
    });
    g.stroke();
    g.fillStyle = '#b3261e';
    points.forEach(p => { if (!p[2] && p[0] >= from && p[0] <= to) g.fillRect(x(p[0]) - 2, y(p[1]) - 2, 5, 5); });
  }
  return { box: box, draw: draw, fmtOffset: fmtOffset };
})();
