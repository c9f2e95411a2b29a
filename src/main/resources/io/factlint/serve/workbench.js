// factlint workbench: keeps the page in step with the files. The server sends the number of each new check as a
// server-sent event; the page then fetches itself again and swaps in the new content. No text from a fact file is
// ever put into the page by this script other than as the server's own escaped HTML (parsed, not evaluated: the
// page's Content-Security-Policy allows no inline script, so markup cannot run).
(function () {
  'use strict';
  var live = document.getElementById('live');
  var current = Number(document.body.getAttribute('data-version')) || 0;
  var busy = false;
  var again = false;

  function swap(doc) {
    ['frame', 'main'].forEach(function (id) {
      var fresh = doc.getElementById(id);
      var old = document.getElementById(id);
      if (fresh && old) old.replaceWith(document.importNode(fresh, true));
    });
    var undo = doc.querySelector('.undo-form');
    var oldUndo = document.querySelector('.undo-form');
    if (undo && oldUndo) oldUndo.replaceWith(document.importNode(undo, true));
    document.title = doc.title;
  }

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.pathname + window.location.search, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var v = Number(doc.body.getAttribute('data-version')) || 0;
        if (v >= current) {
          current = v;
          var active = document.activeElement;
          var editing = active && active.form && (active.tagName === 'INPUT' || active.tagName === 'SELECT');
          if (!editing) swap(doc);
          document.body.setAttribute('data-version', String(v));
        }
      })
      .catch(function () { /* the next event tries again */ })
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }

  if (!window.EventSource) return;
  var events = new EventSource('/events');
  events.addEventListener('open', function () {
    if (live) live.className = 'live live-on';
    document.body.setAttribute('data-live', 'on');
  });
  events.addEventListener('error', function () {
    if (live) live.className = 'live live-off';
  });
  events.addEventListener('checked', function (e) {
    var v = Number(e.data) || 0;
    if (v > current) refresh();
  });
})();
