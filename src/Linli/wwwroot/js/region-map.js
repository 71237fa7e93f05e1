// District map: ECharts choropleth of one count per district; a click opens the district's page.
// The page works without this script (the table below the map has the same numbers).
(function () {
  'use strict';
  var el = document.getElementById('map');
  var select = document.getElementById('count-key');
  if (!el || !select) return;
  document.querySelectorAll('.no-js-only').forEach(function (e) { e.hidden = true; });
  if (!window.echarts) { fail(); return; }

  function fail() {
    el.dataset.ready = 'error';
    var p = document.createElement('p');
    p.className = 'notice';
    p.textContent = el.dataset.errorText;
    el.replaceChildren(p);
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }

  Promise.all([getJson(el.dataset.boundaries), getJson(el.dataset.region)]).then(function (answers) {
    var geo = answers[0], city = answers[1];
    echarts.registerMap('linli-districts', geo);
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var nameOf = {};
    city.children.forEach(function (c) { nameOf[c.code] = c.name; });
    var labelOf = {};
    Array.prototype.forEach.call(select.options, function (o) { labelOf[o.value] = o.textContent; });
    var contrast = document.body.classList.contains('large-contrast');
    var fontSize = contrast ? 18 : 12;

    function draw() {
      var key = select.value;
      var data = city.children.map(function (c) {
        return { name: c.code, value: (c.counts && c.counts[key]) || 0 };
      });
      var max = Math.max.apply(null, data.map(function (d) { return d.value; }).concat([1]));
      chart.setOption({
        tooltip: {
          trigger: 'item',
          textStyle: { fontSize: fontSize },
          formatter: function (p) {
            return (nameOf[p.name] || p.name) + '<br>' + labelOf[key] + ': ' + (isNaN(p.value) ? 0 : p.value).toLocaleString();
          }
        },
        visualMap: {
          min: 0, max: max, calculable: true, left: 10, bottom: 10,
          text: [el.dataset.highText, el.dataset.lowText],
          textStyle: { fontSize: fontSize },
          inRange: { color: contrast ? ['#ffffff', '#000080'] : ['#fff5eb', '#fdae6b', '#e6550d', '#a63603'] }
        },
        series: [{
          type: 'map', map: 'linli-districts', nameProperty: 'code', roam: true, selectedMode: false,
          label: { show: true, fontSize: fontSize, formatter: function (p) { return nameOf[p.name] || ''; } },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd54f' } },
          itemStyle: { borderColor: contrast ? '#000' : '#616e7c', borderWidth: contrast ? 1.5 : 0.8 },
          data: data
        }]
      }, { replaceMerge: ['series'] });
      el.dataset.ready = 'true';
      el.dataset.count = key;
    }

    chart.on('click', function (p) {
      if (p.name && nameOf[p.name]) window.location.href = '/regions/' + encodeURIComponent(p.name);
    });
    select.addEventListener('change', function () {
      draw();
      var url = new URL(window.location.href);
      url.searchParams.set('count', select.value);
      history.replaceState(null, '', url);
    });
    window.addEventListener('resize', function () { chart.resize(); });
    draw();
  }).catch(function (e) {
    console.error(e);
    fail();
  });
})();
