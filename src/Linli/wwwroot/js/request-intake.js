// Intake forms: with JavaScript, choosing a district or a street refreshes the picker at once (the "update" button does
// the same without it). The form posts back with Step=place; nothing else changes. The map, the search by name and
// "use my location" are the community picker's (community-picker.js), which also fills the fields without a post-back.
(function () {
  'use strict';
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () {
      // The community picker (community-picker.js) fills the next fields itself while it can.
      if (select.dataset.live) return;
      var form = select.form;
      var step = document.createElement('input');
      step.type = 'hidden';
      step.name = 'Step';
      step.value = select.dataset.autosubmit;
      form.appendChild(step);
      // The photos cannot survive a refresh; do not send them twice.
      form.querySelectorAll('input[type=file]').forEach(function (f) { f.disabled = true; });
      form.submit();
    });
  });
})();
