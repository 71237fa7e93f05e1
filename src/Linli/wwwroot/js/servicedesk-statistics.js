// Service-desk statistics page: bars of the cases received and a line of the on-time rate per group, read from the table
// below it (the same numbers; the page works without this script).
(function () {
  'use strict';
  var el = document.getElementById('stats-chart');
  var rows = document.querySelectorAll('#stats-table tbody tr');
  if (!el || !window.echarts || rows.length === 0) { if (el) el.hidden = true; return; }
  var names = [], counts = [], rates = [];
  rows.forEach(function (tr) {
    names.push(tr.cells[0].textContent.trim());
    counts.push(parseInt(tr.dataset.count, 10) || 0);
    rates.push(tr.dataset.onTime ? Math.round(parseFloat(tr.dataset.onTime) * 1000) / 10 : null);
  });
  var contrast = document.body.classList.contains('large-contrast');
  var fontSize = contrast ? 18 : 12;
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    tooltip: { trigger: 'axis', textStyle: { fontSize: fontSize } },
    legend: { data: [el.dataset.countLabel, el.dataset.rateLabel], textStyle: { fontSize: fontSize } },
    grid: { left: 50, right: 50, bottom: 90 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 40, fontSize: fontSize, interval: 0 } },
    yAxis: [{ type: 'value', name: el.dataset.countLabel }, { type: 'value', name: '%', min: 0, max: 100 }],
    series: [
      { name: el.dataset.countLabel, type: 'bar', data: counts, itemStyle: { color: contrast ? '#000080' : '#1d4ed8' } },
      { name: el.dataset.rateLabel, type: 'line', yAxisIndex: 1, data: rates, itemStyle: { color: contrast ? '#000' : '#b3261e' } }
    ]
  });
  el.dataset.ready = 'true';
  window.addEventListener('resize', function () { chart.resize(); });
})();
