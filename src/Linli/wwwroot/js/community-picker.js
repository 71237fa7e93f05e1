// The community picker (Modules/Regions/Pages/_CommunityPicker.cshtml) over a form's district / street / community
// fields and its point (Longitude, Latitude). Without this script the form's own fields and "update" button do the work.
// With it:
//  - choosing a district or street updates the next fields at once, from GET /api/regions/{code}/communities (no reload,
//    so photos chosen stay chosen);
//  - the form's map (#pick-map) shows the district's communities as labelled points; a tap fills the point and chooses the
//    community whose centre is NEAREST to it (the server places a point the same way);
//  - a search box finds communities by any part of the name, grouped by street (the chosen street narrows it);
//  - "use my location" (browser geolocation) fills the point and the nearest community; a refusal or a timeout says so in
//    words and changes nothing typed.
// Texts come from the partial's data-text-* attributes (the resource files); nothing here is inline (the CSP forbids it).
(function () {
  'use strict';
  var root = document.getElementById('community-picker');
  if (!root) return;
  var mode = root.dataset.mode;
  var status = document.getElementById('community-picker-status');
  var lonInput = document.getElementById('Longitude'), latInput = document.getElementById('Latitude');
  var form = root.closest('form');
  root.hidden = false;

  function text(name, a, b) {
    return (root.dataset['text' + name] || '').replace('{0}', a == null ? '' : a).replace('{1}', b == null ? '' : b);
  }
  function say(message, problem) {
    status.textContent = message;
    status.classList.toggle('error', !!problem);
    root.dataset.state = problem ? 'problem' : 'ok';
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }
  function currentPoint() {
    if (!lonInput || !latInput) return null;
    var lon = parseFloat(lonInput.value), lat = parseFloat(latInput.value);
    return isFinite(lon) && isFinite(lat) ? [lon, lat] : null;
  }
  function setPoint(lon, lat) {
    lonInput.value = lon.toFixed(6);
    latInput.value = lat.toFixed(6);
    lonInput.dispatchEvent(new Event('change'));
  }
  function openDetails() {
    var details = lonInput && lonInput.closest('details');
    if (details && !details.open) details.open = true;
  }

  // Great-circle distance in metres, as the server's Geo.DistanceMeters.
  function meters(lon1, lat1, lon2, lat2) {
    var rad = Math.PI / 180, dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  // ---- Use my location ----
  var locate = document.getElementById('locate-me');
  function located(lon, lat) {
    if (mode === 'point') {
      setPoint(lon, lat);
      openDetails();
      say(text('PointLocated'));
      return Promise.resolve();
    }
    return placeAt(lon, lat, true);
  }
  if (locate) {
    locate.addEventListener('click', function () {
      if (!window.isSecureContext) { say(text('Insecure'), true); return; }
      if (!navigator.geolocation) { say(text('Unavailable'), true); return; }
      say(text('Locating'));
      locate.disabled = true;
      navigator.geolocation.getCurrentPosition(function (position) {
        locate.disabled = false;
        located(position.coords.longitude, position.coords.latitude);
      }, function (error) {
        locate.disabled = false;
        say(error.code === 1 ? text('Denied') : error.code === 3 ? text('Timeout') : text('Unavailable'), true);
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }
  if (mode === 'point') return;

  // ---- The communities of a district, the district of a point ----
  var districtSelect = document.getElementById('DistrictCode');
  if (!districtSelect) return;
  var areas = {};
  function loadDistrict(code) {
    if (!areas[code]) {
      areas[code] = getJson(root.dataset.communities.replace('{code}', encodeURIComponent(code))).then(function (area) {
        area.byCode = {};
        area.communities.forEach(function (c) { area.byCode[c.code] = c; });
        return area;
      });
      areas[code].catch(function () { delete areas[code]; });
    }
    return areas[code];
  }
  var boundaries = null;
  function loadBoundaries() {
    if (!boundaries) {
      boundaries = getJson(root.dataset.boundaries).then(function (geo) {
        geo.features.forEach(function (f) { f.bounds = bounds(rings(f.geometry)); });
        return geo;
      });
      boundaries.catch(function () { boundaries = null; });
    }
    return boundaries;
  }
  function rings(geometry) {
    return geometry.type === 'Polygon' ? geometry.coordinates : [].concat.apply([], geometry.coordinates);
  }
  function bounds(rs) {
    var b = [Infinity, Infinity, -Infinity, -Infinity];
    rs.forEach(function (ring) {
      ring.forEach(function (p) { b = [Math.min(b[0], p[0]), Math.min(b[1], p[1]), Math.max(b[2], p[0]), Math.max(b[3], p[1])]; });
    });
    return b;
  }
  // Even-odd ray casting over every ring: holes count out, as in GeoJSON.
  function inside(rs, lon, lat) {
    var odd = false;
    rs.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var a = ring[i], b = ring[j];
        if ((a[1] > lat) !== (b[1] > lat) && lon < (b[0] - a[0]) * (lat - a[1]) / (b[1] - a[1]) + a[0]) odd = !odd;
      }
    });
    return odd;
  }
  function districtAt(geo, lon, lat) {
    for (var i = 0; i < geo.features.length; i++) {
      var f = geo.features[i], b = f.bounds;
      if (lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3] && inside(rings(f.geometry), lon, lat)) return f;
    }
    return null;
  }
  function nearest(area, lon, lat) {
    var best = null, bestMeters = Infinity;
    area.communities.forEach(function (c) {
      if (c.longitude == null || c.latitude == null) return;
      var m = meters(lon, lat, c.longitude, c.latitude);
      if (m < bestMeters) { best = c; bestMeters = m; }
    });
    return best;
  }

  // ---- The form's fields, kept in step without a reload ----
  var area = null; // the district whose communities are loaded
  var chosen = null; // the chosen community
  districtSelect.dataset.live = 'true';
  var updateButton = form && form.querySelector('button[name=Step][value=place]');
  if (updateButton) updateButton.hidden = true;
  // The form's hint speaks of that button; say what works now instead.
  var hint = root.previousElementSibling;
  if (hint && hint.classList.contains('hint') && root.dataset.textHint) hint.textContent = root.dataset.textHint;

  function field(id) { return document.getElementById(id); }
  // The street and community fields exist once the server offered them; otherwise they are made here, after the district.
  function ensureSelect(id, label, after) {
    var select = field(id);
    if (select) return select;
    var l = document.createElement('label');
    l.htmlFor = id;
    l.textContent = label;
    select = document.createElement('select');
    select.id = id;
    select.name = id;
    after.after(l, select);
    return select;
  }
  function removeSelect(id) {
    var select = field(id);
    if (!select) return;
    var label = document.querySelector('label[for=' + id + ']');
    if (label) label.remove();
    select.remove();
  }
  function option(value, label, selected) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    o.selected = !!selected;
    return o;
  }
  function fillStreets(a, streetCode) {
    var select = ensureSelect('StreetCode', text('Street'), districtSelect);
    select.dataset.live = 'true';
    select.replaceChildren(option('', text('Choose')));
    a.streets.forEach(function (s) { select.append(option(s.code, s.name, s.code === streetCode)); });
    return select;
  }
  // With a street: its communities; without one: all of the district's, grouped by street.
  function fillCommunities(a, streetCode, communityCode) {
    var select = ensureSelect('CommunityCode', text('Community'), field('StreetCode'));
    select.replaceChildren(option('', text('Choose')));
    a.streets.forEach(function (s) {
      if (streetCode && s.code !== streetCode) return;
      var members = a.communities.filter(function (c) { return c.streetCode === s.code; });
      if (members.length === 0) return;
      var parent = select;
      if (!streetCode) {
        parent = document.createElement('optgroup');
        parent.label = s.name;
        select.append(parent);
      }
      members.forEach(function (c) { parent.append(option(c.code, c.name, c.code === communityCode)); });
    });
  }
  function showDistrict(code) {
    if (!code) {
      area = null;
      chosen = null;
      removeSelect('CommunityCode');
      removeSelect('StreetCode');
      draw();
      return Promise.resolve(null);
    }
    return loadDistrict(code).then(function (a) {
      area = a;
      return a;
    });
  }
  // Without the list the page does what it does without this script: the "update" button, and a choice of district or
  // street posts the form back for the next choices (the photos cannot survive that; they are not sent twice).
  function fallBack(postBack) {
    say(text('LoadFailed'), true);
    delete districtSelect.dataset.live;
    var street = field('StreetCode');
    if (street) delete street.dataset.live;
    if (updateButton) updateButton.hidden = false;
    if (postBack !== true) return;
    var step = document.createElement('input');
    step.type = 'hidden';
    step.name = 'Step';
    step.value = 'place';
    form.append(step);
    form.querySelectorAll('input[type=file]').forEach(function (f) { f.disabled = true; });
    form.submit();
  }

  function choose(a, community, keepPoint) {
    area = a;
    chosen = community;
    districtSelect.value = a.code.slice(0, 6);
    fillStreets(a, community.streetCode);
    fillCommunities(a, community.streetCode, community.code);
    var point = currentPoint();
    if (!keepPoint && point) {
      var near = nearest(a, point[0], point[1]);
      if (!near || near.code !== community.code) {
        lonInput.value = '';
        latInput.value = '';
        lonInput.dispatchEvent(new Event('change'));
        say(text('Picked', community.name, community.streetName) + ' ' + text('Cleared'));
        draw();
        return;
      }
    }
    say(text('Picked', community.name, community.streetName));
    draw();
  }

  // A point (a tap, the browser's location): its district, then the community of it with the nearest centre.
  function placeAt(lon, lat, fromLocation) {
    return loadBoundaries().then(function (geo) {
      var district = districtAt(geo, lon, lat);
      if (!district) { say(text('Outside'), true); return; }
      return loadDistrict(district.properties.code).then(function (a) {
        var community = nearest(a, lon, lat);
        if (!community) { say(text('LoadFailed'), true); return; }
        var otherDistrict = !area || area.code !== a.code;
        setPoint(lon, lat);
        choose(a, community, true);
        if (fromLocation) {
          say(text('Located', community.name, community.streetName));
          openDetails();
        }
        // A tap keeps the view the user zoomed to; a new district brings its outline into view, the browser's location its neighbourhood.
        if (fromLocation) zoomTo(a.code, [lon, lat]);
        else if (otherDistrict) zoomTo(a.code);
      });
    }).catch(function () { say(text('LoadFailed'), true); });
  }

  districtSelect.addEventListener('change', function () {
    chosen = null;
    removeSelect('CommunityCode');
    var code = districtSelect.value;
    if (!code) { showDistrict(''); return; }
    showDistrict(code).then(function (a) {
      if (districtSelect.value !== a.code) return; // changed again meanwhile
      fillStreets(a, '');
      fillCommunities(a, '', '');
      search();
      draw();
      zoomTo(a.code);
    }).catch(function () { fallBack(true); });
  });
  // Street and community fields may be made later: listen on the form.
  form.addEventListener('change', function (e) {
    if (!area) return;
    if (e.target.id === 'StreetCode') {
      chosen = null;
      fillCommunities(area, e.target.value, '');
      search();
      draw();
    } else if (e.target.id === 'CommunityCode') {
      var community = area.byCode[e.target.value];
      if (community) choose(area, community, false);
      else { chosen = null; draw(); }
    }
  });
  // A district the server already chose (a form shown again): load it so the map and the search know it.
  if (districtSelect.value) {
    showDistrict(districtSelect.value).then(function (a) {
      var community = field('CommunityCode') && a.byCode[field('CommunityCode').value];
      if (community) chosen = community;
      var street = field('StreetCode');
      if (street) street.dataset.live = 'true';
      draw();
      zoomTo(a.code);
    }).catch(fallBack);
  }

  // ---- Search by name ----
  var searchInput = document.getElementById('community-search');
  var results = document.getElementById('community-results');
  var MaxShown = 30;
  var searchTimer = null, searchRound = 0;
  function resultButton(community, districtCode) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'community-result';
    b.dataset.code = community.code;
    b.textContent = community.name;
    b.addEventListener('click', function () {
      loadDistrict(districtCode).then(function (a) {
        var c = a.byCode[community.code];
        if (!c) return;
        choose(a, c, false);
        results.replaceChildren();
        zoomTo(a.code, c.longitude != null ? [c.longitude, c.latitude] : undefined);
      }).catch(fallBack);
    });
    return b;
  }
  // Groups of [heading, [button…]] into the results box.
  function showGroups(groups, total) {
    var shown = 0;
    var nodes = [];
    groups.forEach(function (g) {
      if (shown >= MaxShown || g[1].length === 0) return;
      var section = document.createElement('div');
      section.className = 'community-group';
      var h = document.createElement('p');
      h.className = 'community-street';
      h.textContent = g[0];
      section.append(h);
      g[1].slice(0, MaxShown - shown).forEach(function (b) { section.append(b); shown++; });
      nodes.push(section);
    });
    if (total > shown) {
      var more = document.createElement('p');
      more.className = 'hint';
      more.textContent = text('More', total - shown);
      nodes.push(more);
    }
    results.replaceChildren.apply(results, nodes);
  }
  function districtName(code) {
    var o = districtSelect.querySelector('option[value="' + code + '"]');
    return o ? o.textContent : code;
  }
  function search() {
    if (!searchInput) return;
    var q = searchInput.value.trim().toLowerCase();
    var round = ++searchRound;
    if (!q) { results.replaceChildren(); draw(); return; }
    var street = field('StreetCode') && field('StreetCode').value;
    var local = area ? area.communities.filter(function (c) {
      return (!street || c.streetCode === street) && c.name.toLowerCase().indexOf(q) >= 0;
    }) : [];
    if (local.length > 0) {
      showGroups(area.streets.map(function (s) {
        return [s.name, local.filter(function (c) { return c.streetCode === s.code; })
          .map(function (c) { return resultButton(c, area.code); })];
      }), local.length);
      draw();
      return;
    }
    // Nothing here (or no district yet): the whole city, through the region search.
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      getJson(root.dataset.search + '?level=Community&pageSize=' + MaxShown + '&q=' + encodeURIComponent(searchInput.value.trim()))
        .then(function (page) {
          if (round !== searchRound) return;
          if (page.items.length === 0) {
            var none = document.createElement('p');
            none.className = 'hint';
            none.textContent = text('NoMatch', searchInput.value.trim());
            results.replaceChildren(none);
            return;
          }
          var byDistrict = {};
          var order = [];
          page.items.forEach(function (c) {
            var d = c.code.slice(0, 6);
            if (!byDistrict[d]) { byDistrict[d] = []; order.push(d); }
            byDistrict[d].push(resultButton(c, d));
          });
          showGroups(order.map(function (d) {
            return [(area ? text('Elsewhere') : '') + districtName(d), byDistrict[d]];
          }), page.total);
        })
        .catch(function () { if (round === searchRound) say(text('LoadFailed'), true); });
    }, 250);
  }
  if (searchInput) {
    searchInput.addEventListener('input', search);
    // Enter in the search box must not submit the form.
    searchInput.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      var first = results.querySelector('button');
      if (first) first.click();
    });
  }

  // ---- The map ----
  var el = document.getElementById('pick-map');
  var chart = null, geoBounds = null;
  function matches(c) {
    var street = field('StreetCode') && field('StreetCode').value;
    var q = searchInput ? searchInput.value.trim().toLowerCase() : '';
    return (!street || c.streetCode === street) && (!q || c.name.toLowerCase().indexOf(q) >= 0);
  }
  function draw() {
    if (!chart) return;
    var contrast = document.body.classList.contains('large-contrast');
    var points = area ? area.communities.filter(function (c) { return c.longitude != null && c.latitude != null; }) : [];
    var p = currentPoint();
    chart.setOption({
      series: [
        {
          id: 'communities', type: 'scatter', coordinateSystem: 'geo', symbolSize: contrast ? 10 : 7,
          label: { show: true, position: 'right', formatter: '{b}', fontSize: contrast ? 15 : 11, color: contrast ? '#000' : '#333' },
          labelLayout: { hideOverlap: true },
          emphasis: { label: { show: true, fontWeight: 'bold' } },
          data: points.map(function (c) {
            var on = matches(c);
            return { name: c.name, code: c.code, value: [c.longitude, c.latitude],
                     itemStyle: { color: on ? '#1d4ed8' : '#9aa5b1', opacity: on ? 1 : 0.5 } };
          })
        },
        {
          id: 'chosen', type: 'scatter', coordinateSystem: 'geo', symbolSize: contrast ? 18 : 14, z: 3,
          symbol: 'diamond', itemStyle: { color: '#047857' },
          label: { show: true, position: 'top', formatter: '{b}', fontSize: contrast ? 17 : 13, fontWeight: 'bold', color: '#047857' },
          data: chosen && chosen.longitude != null ? [{ name: chosen.name, value: [chosen.longitude, chosen.latitude] }] : []
        },
        {
          id: 'point', type: 'scatter', coordinateSystem: 'geo', symbolSize: 12, z: 4,
          itemStyle: { color: '#b3261e' }, data: p ? [{ value: p }] : []
        }
      ]
    });
    el.dataset.communities = String(points.length);
    el.dataset.district = area ? area.code : '';
    el.dataset.chosen = chosen ? chosen.code : '';
  }
  // The district's outline fills the map; around a point (the browser's location) closer still, its neighbourhood.
  function zoomTo(code, around) {
    if (!chart || !geoBounds) return;
    loadBoundaries().then(function (geo) {
      var f = geo.features.filter(function (x) { return x.properties.code === code; })[0];
      if (!f) return;
      var b = f.bounds;
      var zoom = Math.max(1, Math.min((geoBounds[2] - geoBounds[0]) / (b[2] - b[0]), (geoBounds[3] - geoBounds[1]) / (b[3] - b[1])) * 0.9);
      chart.setOption({ geo: around ? { center: around, zoom: zoom * 4 } : { center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], zoom: zoom } });
      el.dataset.zoomed = code;
    });
  }
  function startMap() {
    if (chart || !el || !window.echarts) return;
    el.hidden = false;
    var mapHint = document.getElementById('pick-map-hint');
    if (mapHint) mapHint.hidden = false;
    loadBoundaries().then(function (geo) {
      echarts.registerMap('linli-districts', geo);
      geoBounds = bounds([[].concat.apply([], geo.features.map(function (f) { return [[f.bounds[0], f.bounds[1]], [f.bounds[2], f.bounds[3]]]; }))]);
      chart = echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption({ geo: { map: 'linli-districts', roam: true, scaleLimit: { min: 1, max: 80 },
                               itemStyle: { areaColor: '#f5f7fa', borderColor: '#9aa5b1' },
                               emphasis: { disabled: true } } });
      draw();
      if (area) zoomTo(area.code, currentPoint() || undefined);
      chart.getZr().on('click', function (e) {
        var at = chart.convertFromPixel('geo', [e.offsetX, e.offsetY]);
        if (!at || !isFinite(at[0]) || !isFinite(at[1])) return;
        placeAt(at[0], at[1], false);
      });
      // Zoomed in on a district with none chosen yet: show its communities to tap on.
      var roamTimer = null;
      chart.on('georoam', function () {
        clearTimeout(roamTimer);
        roamTimer = setTimeout(function () {
          var option = chart.getOption().geo[0];
          if (districtSelect.value || !option.center || option.zoom < 2.5) return;
          var f = districtAt(geo, option.center[0], option.center[1]);
          if (f && (!area || area.code !== f.properties.code))
            loadDistrict(f.properties.code).then(function (a) { if (!districtSelect.value) { area = a; draw(); } });
        }, 300);
      });
      if (lonInput) {
        lonInput.addEventListener('change', draw);
        latInput.addEventListener('change', draw);
      }
      window.addEventListener('resize', function () { chart.resize(); });
      el.dataset.ready = 'true';
    }).catch(function () { el.hidden = true; el.dataset.ready = 'error'; });
  }
  if (el) {
    var details = el.closest('details');
    if (!details || details.open) startMap();
    else details.addEventListener('toggle', function () { if (details.open) startMap(); });
  }
})();
