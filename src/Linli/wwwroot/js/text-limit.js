// Text limits: a textarea with data-limit shows, in the element its aria-describedby names, how many characters it holds
// and, over the limit, by how much — the text is never cut (no maxlength), the server refuses it with the same message.
// The wording comes from the page (data-count, data-over with {0}/{1}), so it follows the page's language.
(function () {
  'use strict';
  function format(template, a, b) { return template.replace('{0}', a).replace('{1}', b); }
  document.querySelectorAll('textarea[data-limit]').forEach(function (area) {
    var limit = parseInt(area.dataset.limit, 10);
    var counter = document.getElementById(area.getAttribute('aria-describedby'));
    if (!counter || !isFinite(limit)) return;
    function update() {
      // The value counts a line break as one character, as the server does.
      var length = area.value.length;
      var over = length > limit;
      counter.textContent = over ? format(counter.dataset.over, limit, length) : format(counter.dataset.count, length, limit);
      counter.classList.toggle('error', over);
      counter.classList.toggle('hint', !over);
      area.setAttribute('aria-invalid', over ? 'true' : 'false');
      counter.dataset.overLimit = over ? 'true' : 'false';
    }
    area.addEventListener('input', update);
    update();
  });
})();
