(function () {
  'use strict';
  // Progressive enhancement: without this script the page shows everything and no filter bar.
  // Filter values are generated keys (s0, e1, r2, error), never text from a fact file.
  var bar = document.getElementById('filters');
  if (!bar) { return; }
  var buttons = Array.prototype.slice.call(bar.querySelectorAll('button[data-dim]'));
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-filter-item]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-group]'));
  var status = document.getElementById('filter-status');
  var empty = document.getElementById('filter-empty');
  var clear = document.getElementById('filter-clear');

  function selection() {
    var sel = {};
    buttons.forEach(function (b) {
      if (b.getAttribute('aria-pressed') === 'true') {
        var dim = b.getAttribute('data-dim');
        (sel[dim] = sel[dim] || []).push(b.getAttribute('data-key'));
      }
    });
    return sel;
  }

  function matches(el, sel) {
    return Object.keys(sel).every(function (dim) {
      var value = el.getAttribute('data-' + dim);
      if (value === null) { return true; } // this filter does not apply to this kind of item
      var keys = value.split(' ');
      return sel[dim].some(function (k) { return keys.indexOf(k) >= 0; });
    });
  }

  function apply() {
    var sel = selection();
    var shown = 0;
    var total = 0;
    items.forEach(function (el) {
      var visible = matches(el, sel);
      el.hidden = !visible;
      if (el.getAttribute('data-filter-item') === 'finding') {
        total += 1;
        if (visible) { shown += 1; }
      }
    });
    groups.forEach(function (g) {
      var visibleInGroup = g.querySelectorAll('[data-filter-item="finding"]:not([hidden])').length;
      g.hidden = visibleInGroup === 0;
      var count = g.querySelector('.group-count');
      if (count) { count.textContent = '(' + visibleInGroup + ')'; }
    });
    var active = Object.keys(sel).length > 0;
    status.textContent = active ? 'Showing ' + shown + ' of ' + total + ' findings.' : 'Showing all ' + total + ' findings.';
    empty.hidden = !(active && shown === 0 && total > 0);
    clear.disabled = !active;
  }

  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      apply();
    });
  });
  clear.addEventListener('click', function () {
    buttons.forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    apply();
  });
  bar.hidden = false;
  apply();
}());
