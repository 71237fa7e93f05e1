// Facility map: the district boundaries (ECharts geo) with the chosen type's facilities in service as points; a click
// opens the facility's page. The page works without this script (the list page has the same facilities).
(function () {
  'use strict';
  var el = document.getElementById('map');
  var select = document.getElementById('facility-type');
  if (!el || !select) return;
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

  var chart = null;
  getJson(el.dataset.boundaries).then(function (geo) {
    echarts.registerMap('linli-districts', geo);
    chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.on('click', function (p) { if (p.data && p.data.id) window.location.href = '/facilities/' + p.data.id; });
    draw();
    select.addEventListener('change', draw);
    window.addEventListener('resize', function () { chart.resize(); });
  }).catch(fail);

  function draw() {
    getJson(el.dataset.points + '?type=' + encodeURIComponent(select.value)).then(function (points) {
      var contrast = document.body.classList.contains('large-contrast');
      chart.setOption({
        tooltip: { trigger: 'item', formatter: function (p) { return p.data && p.data.label ? p.data.label : ''; } },
        geo: { map: 'linli-districts', nameProperty: 'code', roam: true, itemStyle: { areaColor: contrast ? '#ffffff' : '#f3f3f3', borderColor: '#888' } },
        series: [{
          type: 'scatter', coordinateSystem: 'geo', symbolSize: 5,
          itemStyle: { color: contrast ? '#000080' : '#d94801' },
          data: points.map(function (p) { return { id: p.id, label: p.name, value: [p.longitude, p.latitude] }; })
        }]
      }, true);
      el.dataset.ready = 'true';
    }).catch(fail);
  }
})();
