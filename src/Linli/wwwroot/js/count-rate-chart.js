// A bar of each group's count and a line of its rate, read from the table the chart stands above (the same numbers; the
// page works without this script). Used by the request metrics and the service-desk statistics: the chart element names
// its table (data-table) and the rows' attribute holding the rate (data-rate-field, e.g. "finish" for data-finish); each
// row carries data-count, and its first cell is the group's name.
(function () {
  'use strict';

  function draw(el) {
    var rows = document.querySelectorAll('#' + el.dataset.table + ' tbody tr');
    if (!window.echarts || rows.length === 0) { el.hidden = true; return; }
    var field = el.dataset.rateField;
    var names = [], counts = [], rates = [];
    rows.forEach(function (tr) {
      names.push(tr.cells[0].textContent.trim());
      counts.push(parseInt(tr.dataset.count, 10) || 0);
      rates.push(tr.dataset[field] ? Math.round(parseFloat(tr.dataset[field]) * 1000) / 10 : null);
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
  }

  document.querySelectorAll('[data-count-rate-chart]').forEach(draw);
})();
