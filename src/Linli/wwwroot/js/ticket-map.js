// Ticket page: the ticket's point as an ECharts scatter on the district boundaries. Without this script the page shows the
// coordinates as text.
(function () {
  'use strict';
  var el = document.getElementById('ticket-map');
  if (!el || !window.echarts) return;
  var lon = parseFloat(el.dataset.lon), lat = parseFloat(el.dataset.lat);
  fetch(el.dataset.boundaries, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (geo) {
      echarts.registerMap('linli-districts', geo);
      var text = el.textContent.trim();
      el.replaceChildren();
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      var contrast = document.body.classList.contains('large-contrast');
      chart.setOption({
        tooltip: { trigger: 'item' },
        geo: { map: 'linli-districts', roam: true, center: [lon, lat], zoom: 4,
               itemStyle: { areaColor: contrast ? '#fff' : '#f5f7fa', borderColor: contrast ? '#000' : '#9aa5b1' } },
        series: [{ type: 'scatter', coordinateSystem: 'geo', symbolSize: contrast ? 22 : 14,
                   itemStyle: { color: contrast ? '#000' : '#b3261e' },
                   data: [{ name: el.dataset.label, value: [lon, lat] }],
                   tooltip: { formatter: function () { return text; } } }]
      });
      el.dataset.ready = 'true';
    })
    .catch(function () { el.dataset.ready = 'error'; });
})();
