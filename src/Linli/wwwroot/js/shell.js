// The page shell (every page, loaded by the layout). The 打印 buttons need a script for window.print(), and the
// Content-Security-Policy allows scripts from files only; without scripts the buttons stay hidden and the browser's
// own print uses the same print styles. At printing, the header's print time is set to the moment of printing.
//
// Typed input survives a new sign-in: every posted form's fields are kept in this tab's sessionStorage when it is
// submitted. If the session had expired, the server sends the browser to the sign-in page and, after it, back to the
// form's page; there the fields are put back and #kept-input says so. Any other page that loads drops what was kept
// (the post was taken, or the server showed the form again with its values). Passwords, hidden fields (antiforgery
// and submission keys), files and fields marked data-personal (a phone, an ID number) are never kept. What is kept
// belongs to the user who typed it: the layout names them on <body data-user> by a hash (never the name or id), and
// the fields go back only when the same user signs in again, into the form of the same id.
(function () {
  'use strict';

  function chinaTime(date) {
    // China Standard Time is UTC+8 all year; shown as yyyy-MM-dd HH:mm:ss like the server (Platform/Ui/Display.cs).
    return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
  }

  function stampPrintTime() {
    document.querySelectorAll('[data-print-time]').forEach(function (stamp) {
      stamp.textContent = chinaTime(new Date());
    });
  }

  var keptKey = 'linli.kept-input';
  var signedInKey = 'linli.kept-input.signed-in';
  var keptForMs = 2 * 3600 * 1000;

  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function currentUser() {
    return (document.body && document.body.getAttribute('data-user')) || '';
  }

  function keptField(field) {
    if (!field.name || field.disabled) return false;
    if (field.closest && field.closest('[data-personal]')) return false;
    var type = (field.type || '').toLowerCase();
    return type !== 'password' && type !== 'hidden' && type !== 'file' && type !== 'submit' && type !== 'button';
  }

  function keep(form) {
    var store = storage();
    if (!store) return;
    // Only a signed-in user's form with an id can be found again and handed back to its own user.
    var user = currentUser();
    if (!user || !form.id) { store.removeItem(keptKey); return; }
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!keptField(field)) return;
      var type = (field.type || '').toLowerCase();
      if (type === 'checkbox' || type === 'radio') fields.push({ name: field.name, value: field.value, checked: field.checked });
      else if (field.multiple && field.options) {
        fields.push({ name: field.name, values: Array.prototype.filter.call(field.options, function (o) { return o.selected; }).map(function (o) { return o.value; }) });
      } else fields.push({ name: field.name, value: field.value });
    });
    // A form with nothing typed (sign-out, the contrast switch) leaves nothing to put back.
    if (fields.length === 0) { store.removeItem(keptKey); return; }
    var hadFiles = Array.prototype.some.call(form.elements, function (f) { return f.type === 'file' && f.files && f.files.length > 0; });
    store.setItem(keptKey, JSON.stringify({ path: location.pathname, form: form.id, user: user, at: Date.now(), hadFiles: hadFiles, fields: fields }));
  }

  function restore(kept) {
    var form = kept.form ? document.getElementById(kept.form) : null;
    if (!(form instanceof HTMLFormElement) || (form.method || '').toLowerCase() !== 'post') return false;
    kept.fields.forEach(function (saved) {
      var targets = Array.prototype.filter.call(form.elements, function (f) { return f.name === saved.name && keptField(f); });
      targets.forEach(function (field) {
        var type = (field.type || '').toLowerCase();
        if (type === 'checkbox' || type === 'radio') { if (field.value === saved.value) field.checked = saved.checked; }
        else if (saved.values && field.options) Array.prototype.forEach.call(field.options, function (o) { o.selected = saved.values.indexOf(o.value) >= 0; });
        else if (targets.length === 1 || field.value === '') field.value = saved.value;
      });
    });
    // Let counters and pickers that listen for input see the restored values.
    Array.prototype.forEach.call(form.elements, function (f) { if (keptField(f)) f.dispatchEvent(new Event('input', { bubbles: true })); });
    return true;
  }

  function keepTypedInput() {
    var store = storage();
    if (!store) return;
    var onSignIn = location.pathname === '/account/login';
    var kept = null;
    try { kept = JSON.parse(store.getItem(keptKey) || 'null'); } catch (e) { kept = null; }
    if (!onSignIn && kept) {
      var signedIn = store.getItem(signedInKey) === '1';
      store.removeItem(keptKey);
      store.removeItem(signedInKey);
      var sameUser = !!kept.user && kept.user === currentUser();
      if (signedIn && sameUser && kept.path === location.pathname && Date.now() - kept.at < keptForMs && restore(kept)) {
        var notice = document.getElementById('kept-input');
        if (notice) {
          notice.hidden = false;
          var files = document.getElementById('kept-input-files');
          if (files) files.hidden = !kept.hadFiles;
        }
      }
    }
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || (form.method || '').toLowerCase() !== 'post') return;
      if (onSignIn) { if (kept) store.setItem(signedInKey, '1'); return; }
      if (form.hasAttribute('data-keep-nothing')) return;
      keep(form);
    }, true);
  }

  function start() {
    keepTypedInput();
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        stampPrintTime();
        window.print();
      });
    });
    window.addEventListener('beforeprint', stampPrintTime);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
