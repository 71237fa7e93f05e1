// Indicator pages: the districts coloured by the chosen indicator (a click opens that district's board) and the trend
// since 2020. Both read the table below them, so the page shows the same numbers without this script.
(function () {
  'use strict';
  var contrast = document.body.classList.contains('large-contrast');
  var fontSize = contrast ? 18 : 12;

  function fail(el) {
    el.dataset.ready = 'error';
    var p = document.createElement('p');
    p.className = 'notice';
    p.textContent = el.dataset.errorText || '';
    el.replaceChildren(p);
  }

  function number(text) { return text === '' || text === undefined ? null : Number(text); }

  var map = document.getElementById('indicator-map');
  if (map) {
    if (!window.echarts) { fail(map); } else {
      var rows = Array.prototype.slice.call(document.querySelectorAll('#' + map.dataset.table + ' tbody tr'));
      var byCode = {};
      rows.forEach(function (r) { byCode[r.dataset.code] = r; });
      fetch(map.dataset.boundaries, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (geo) {
        echarts.registerMap('linli-indicator-districts', geo);
        var chart = echarts.init(map, null, { renderer: 'canvas' });
        var data = rows.map(function (r) { return { name: r.dataset.code, value: number(r.dataset.value) }; });
        var values = data.map(function (d) { return d.value; }).filter(function (v) { return v !== null; });
        var min = values.length ? Math.min.apply(null, values) : 0;
        var max = values.length ? Math.max.apply(null, values) : 1;
        chart.setOption({
          tooltip: {
            trigger: 'item', textStyle: { fontSize: fontSize },
            formatter: function (p) {
              var row = byCode[p.name];
              var v = row ? number(row.dataset.value) : null;
              return (row ? row.dataset.name : p.name) + '<br>' + (v === null ? map.dataset.noValueText : v.toLocaleString() + ' ' + map.dataset.unit);
            }
          },
          visualMap: {
            min: min, max: max === min ? min + 1 : max, calculable: true, left: 10, bottom: 10, textStyle: { fontSize: fontSize },
            inRange: { color: contrast ? ['#ffffff', '#000080'] : ['#f7fbff', '#6baed6', '#08519c'] }
          },
          series: [{
            type: 'map', map: 'linli-indicator-districts', nameProperty: 'code', roam: true, selectedMode: false,
            label: { show: true, fontSize: fontSize, formatter: function (p) { return byCode[p.name] ? byCode[p.name].dataset.name : ''; } },
            emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd54f' } },
            itemStyle: { borderColor: contrast ? '#000' : '#616e7c', borderWidth: contrast ? 1.5 : 0.8 },
            data: data
          }]
        });
        chart.on('click', function (p) {
          var row = byCode[p.name];
          if (row && row.dataset.href) window.location.href = row.dataset.href;
        });
        window.addEventListener('resize', function () { chart.resize(); });
        map.dataset.ready = 'true';
      }).catch(function () { fail(map); });
    }
  }

  var trend = document.getElementById('trend-chart');
  if (trend) {
    if (!window.echarts) { fail(trend); } else {
      var points = Array.prototype.slice.call(document.querySelectorAll('#' + trend.dataset.table + ' tbody tr'));
      var chart = echarts.init(trend, null, { renderer: 'canvas' });
      chart.setOption({
        tooltip: { trigger: 'axis', textStyle: { fontSize: fontSize } },
        legend: { data: [trend.dataset.valueLabel, trend.dataset.expectedLabel], textStyle: { fontSize: fontSize } },
        xAxis: { type: 'category', data: points.map(function (r) { return r.dataset.year; }), axisLabel: { fontSize: fontSize } },
        yAxis: { type: 'value', scale: true, axisLabel: { fontSize: fontSize } },
        series: [
          { name: trend.dataset.valueLabel, type: 'line', connectNulls: false, data: points.map(function (r) { return number(r.dataset.value); }) },
          { name: trend.dataset.expectedLabel, type: 'line', lineStyle: { type: 'dashed' }, data: points.map(function (r) { return number(r.dataset.expected); }) }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
      trend.dataset.ready = 'true';
    }
  }
})();
