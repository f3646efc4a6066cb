#include "results/reports/html_assets.hpp"

namespace ds::results::html {

const char* const kStyle = R"CSS(
body{font-family:system-ui,sans-serif;margin:0 2em 4em;color:#222;line-height:1.4}
header{border-bottom:1px solid #ddd;margin-bottom:.5em}
header h1{font-size:1.6em;margin:.5em 0 .2em}
header p{margin:.2em 0}
nav{margin:.4em 0}
nav a{margin-right:1em}
h2{margin:1.2em 0 .5em;border-bottom:1px solid #eee}
h3{margin:.8em 0 .3em}
table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.unscored,.muted{color:#777}
.sim{color:#a05a00}
.scroll{overflow:auto;max-width:100%}
span.verdict{font-weight:600}
span.distilled{color:#c0392b}span.not-detected{color:#555}span.insufficient{color:#b8860b}
mark{background:#ffe08a;padding:0}
.quote{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.5em 0 1.5em}
.quote pre,.answer pre,.prompt pre,pre.code{white-space:pre-wrap;word-break:break-word;font:13px/1.4 ui-monospace,monospace;background:#fafafa;border:1px solid #e5e5e5;padding:.5em;margin:.3em 0;max-height:28em;overflow:auto}
.evidence li{margin:.3em 0}
.evidence summary{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;cursor:pointer}
.evidence details[open]>summary{white-space:normal}
#summary .lead{font-size:1.1em}
#summary code{white-space:nowrap}
.summary-list{margin:.2em 0 .8em}
ul.summary-list.long{columns:2;column-gap:2em}
.nowrap{white-space:nowrap}
#tip{position:fixed;pointer-events:none;background:#222;color:#fff;font-size:12px;padding:4px 8px;border-radius:3px;max-width:40em;z-index:10}
#viewer{display:grid;grid-template-columns:18em 1fr;gap:1em}
#viewer input[type=search]{width:100%;box-sizing:border-box;padding:4px}
#plist{max-height:70vh;overflow:auto;border:1px solid #ddd}
#plist button{display:block;width:100%;text-align:left;border:0;border-bottom:1px solid #eee;background:#fff;padding:3px 6px;font-size:12px;cursor:pointer}
#plist button.on{background:#e6f0ff}
#chooser label{margin-right:1em;white-space:nowrap;font-size:13px}
#columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(22em,1fr));gap:1em}
.column h4{margin:.5em 0}
.sample{margin-bottom:1em}
.sample .head{font-size:12px;color:#444}
.pass{color:#2e7d32}.fail{color:#c0392b}.err{color:#777}
)CSS";

const char* const kScript = R"JS(
(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  function island(id) { var el = byId(id); return el ? JSON.parse(el.textContent) : null; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  // Marks are flat [begin, end, ...] in UTF-16 units; overlapping ones are merged.
  function marked(text, marks) {
    var pairs = [];
    for (var k = 0; k + 1 < marks.length; k += 2) pairs.push([marks[k], marks[k + 1]]);
    pairs.sort(function (a, b) { return a[0] - b[0]; });
    var out = '', at = 0;
    pairs.forEach(function (p) {
      var b = Math.max(p[0], at), e = p[1];
      if (e <= b) return;
      out += esc(text.slice(at, b)) + '<mark>' + esc(text.slice(b, e)) + '</mark>';
      at = e;
    });
    return out + esc(text.slice(at));
  }

  // Lineage map: a tooltip with the pair's statistic and both verdicts.
  var L = island('lineage-data'), cells = document.querySelector('svg.heatmap g.cells'), tip = byId('tip');
  if (L && cells && tip) {
    var size = parseFloat(cells.getAttribute('data-cell'));
    cells.addEventListener('mousemove', function (e) {
      var t = e.target;
      if (t.tagName !== 'rect' || t.classList.contains('ref')) { tip.hidden = true; return; }
      var r = Math.round(parseFloat(t.getAttribute('y')) / size), c = Math.round(parseFloat(t.getAttribute('x')) / size);
      var a = L.models[r], b = L.models[c];
      if (!a || !b) { tip.hidden = true; return; }
      var v = L.stat[r][c];
      tip.innerHTML = r === c ? esc(a) : esc(a) + ' × ' + esc(b) + ': ' + (v === null ? 'not measured' : v.toFixed(3)) +
        '<br>' + esc(a) + ' tested as a student of ' + esc(b) + ': ' + esc(L.words[L.verdict[r][c]]) +
        '<br>' + esc(b) + ' tested as a student of ' + esc(a) + ': ' + esc(L.words[L.verdict[c][r]]);
      tip.style.left = (e.clientX + 14) + 'px';
      tip.style.top = (e.clientY + 14) + 'px';
      tip.hidden = false;
    });
    cells.addEventListener('mouseleave', function () { tip.hidden = true; });
  }

  // Viewer: one prompt at a time, the pinned model first, chosen candidates beside it.
  var V = island('viewer-data');
  var state = { prompt: 0, chosen: [] };
  function scoreText(s) {
    if (s[2]) return '<span class="err">failed request: ' + esc(s[2]) + '</span>';
    if (s[3] === null) return '<span class="unscored">' + esc(s[4] || 'unscored') + '</span>';
    return '<span class="' + (s[3] >= 1 ? 'pass' : 'fail') + '">score ' + s[3].toFixed(3) + '</span>' + (s[4] ? ' · ' + esc(s[4]) : '');
  }
  function renderList() {
    var q = byId('q').value.trim().toLowerCase(), shown = 0, html = '', matches = 0;
    V.prompts.forEach(function (p, i) {
      if (q && p[0].toLowerCase().indexOf(q) < 0 && p[3].toLowerCase().indexOf(q) < 0) return;
      matches++;
      if (shown >= 200) return;
      shown++;
      html += '<button data-p="' + i + '"' + (i === state.prompt ? ' class="on"' : '') + '>' + esc(p[0]) +
        ' <span class="muted">' + esc(p[3].slice(0, 60)) + '</span></button>';
    });
    byId('plist').innerHTML = html;
    byId('pcount').textContent = matches + ' of ' + V.prompts.length + ' prompts' + (matches > shown ? ' (first ' + shown + ' listed)' : '');
  }
  function renderChooser() {
    var html = '';
    V.models.forEach(function (m, i) {
      if (i === 0) return;
      html += '<label><input type="checkbox" data-m="' + i + '"' + (state.chosen.indexOf(i) >= 0 ? ' checked' : '') + '> ' +
        esc(m) + (V.simulated[i] ? ' <span class="sim">(simulated)</span>' : '') + '</label> ';
    });
    byId('chooser').innerHTML = html || '<span class="muted">no other model in this page</span>';
  }
  function renderPrompt() {
    var p = V.prompts[state.prompt];
    if (!p) { byId('pview').innerHTML = '<p class="muted">no prompt</p>'; return; }
    var html = '<h3 id="pid">' + esc(p[0]) + '</h3><div class="prompt">';
    if (p[2]) html += '<b>System</b><pre>' + esc(p[2]) + '</pre>';
    html += '<b>Prompt</b><pre>' + esc(p[3]) + '</pre>';
    if (p[4]) html += '<details open><summary><b>Expected</b></summary><pre>' + esc(p[4]) + '</pre></details>';
    html += '</div><div id="columns">';
    var cols = [0].concat(state.chosen), refMarks = [];
    state.chosen.forEach(function (m) { (V.answers[m][state.prompt] || []).forEach(function (s) { refMarks = refMarks.concat(s[6]); }); });
    cols.forEach(function (m) {
      var samples = V.answers[m][state.prompt] || [];
      html += '<div class="column" data-model="' + esc(V.models[m]) + '"><h4>' + esc(V.models[m]) +
        (m === 0 ? ' <span class="muted">(' + esc(V.pinnedRole) + ')</span>' : '') +
        (V.simulated[m] ? ' <span class="sim">(simulated)</span>' : '') + '</h4>';
      if (!samples.length) html += '<p class="muted">no answer to this prompt</p>';
      samples.forEach(function (s, k) {
        var marks = m === 0 ? (k === 0 ? refMarks : []) : s[5];
        html += '<div class="sample"><div class="head">sample ' + s[0] + ' · ' + scoreText(s) + '</div><div class="answer"><pre>' +
          marked(s[1], marks) + '</pre></div></div>';
      });
      html += '</div>';
    });
    byId('pview').innerHTML = html + '</div>';
  }
  function route() {
    var h = decodeURIComponent(location.hash.slice(1)), args = {};
    h.split('&').forEach(function (kv) { var i = kv.indexOf('='); if (i > 0) args[kv.slice(0, i)] = kv.slice(i + 1); });
    if (!args.prompt) return;
    V.prompts.forEach(function (p, i) { if (p[0] === args.prompt) state.prompt = i; });
    var m = V.models.indexOf(args['with']);
    if (m > 0 && state.chosen.indexOf(m) < 0) state.chosen.push(m);
    renderChooser(); renderList(); renderPrompt();
    byId('viewer').scrollIntoView();
  }
  if (V && byId('viewer')) {
    state.chosen = V.models.length > 1 ? [1] : [];
    if (V.models.length > 2) state.chosen.push(2);
    byId('q').addEventListener('input', renderList);
    byId('plist').addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b) return;
      state.prompt = +b.getAttribute('data-p');
      renderList(); renderPrompt();
    });
    byId('chooser').addEventListener('change', function (e) {
      var m = +e.target.getAttribute('data-m'), at = state.chosen.indexOf(m);
      if (e.target.checked && at < 0) state.chosen.push(m);
      if (!e.target.checked && at >= 0) state.chosen.splice(at, 1);
      renderPrompt();
    });
    window.addEventListener('hashchange', route);
    renderChooser(); renderList(); renderPrompt();
    if (location.hash) route();
  }
  // A link to folded evidence (#ev-N) opens it.
  function openTarget() {
    var t = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
    if (t && t.tagName === 'DETAILS') t.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  document.body.setAttribute('data-ready-ms', performance.now().toFixed(0));
})();
)JS";

}  // namespace ds::results::html
