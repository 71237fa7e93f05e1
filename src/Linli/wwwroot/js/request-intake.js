// Intake forms: with JavaScript, choosing a district or a street refreshes the picker at once (the "update" button does
// the same without it). The form posts back with Step=place; nothing else changes.
(function () {
  'use strict';
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () {
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

// The map point: with JavaScript, a click on the district map fills longitude and latitude (typing them still works, and
// without the script the fields are all there is). The server places the point; the map only reads coordinates.
(function () {
  'use strict';
  var el = document.getElementById('pick-map');
  var lonInput = document.getElementById('Longitude'), latInput = document.getElementById('Latitude');
  if (!el || !window.echarts || !lonInput || !latInput) return;
  var details = el.closest('details');
  var chart = null;
  function point() {
    var lon = parseFloat(lonInput.value), lat = parseFloat(latInput.value);
    return isFinite(lon) && isFinite(lat) ? [lon, lat] : null;
  }
  function mark() {
    var p = point();
    chart.setOption({ series: [{ id: 'point', type: 'scatter', coordinateSystem: 'geo', symbolSize: 14,
                                 itemStyle: { color: '#b3261e' }, data: p ? [{ value: p }] : [] }] });
  }
  function start() {
    if (chart) return;
    el.hidden = false;
    document.getElementById('pick-map-hint').hidden = false;
    fetch(el.dataset.boundaries, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (geo) {
        echarts.registerMap('linli-districts', geo);
        chart = echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption({ geo: { map: 'linli-districts', roam: true, itemStyle: { areaColor: '#f5f7fa', borderColor: '#9aa5b1' } } });
        mark();
        chart.getZr().on('click', function (e) {
          var at = chart.convertFromPixel('geo', [e.offsetX, e.offsetY]);
          if (!at || !isFinite(at[0]) || !isFinite(at[1])) return;
          lonInput.value = at[0].toFixed(6);
          latInput.value = at[1].toFixed(6);
          mark();
        });
        lonInput.addEventListener('change', mark);
        latInput.addEventListener('change', mark);
        el.dataset.ready = 'true';
      })
      .catch(function () { el.hidden = true; el.dataset.ready = 'error'; });
  }
  if (!details || details.open) start();
  else details.addEventListener('toggle', function () { if (details.open) start(); });
})();
