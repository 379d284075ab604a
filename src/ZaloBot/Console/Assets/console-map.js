// The console's maps: open tickets clustered and coloured by their nearest clock, and one ticket's place. Leaflet and
// its cluster plugin are vendored beside this file; without tiles (offline, or none configured) the markers still show.
(function () {
  'use strict';
  var colours = { 'overdue': '#b3261e', 'due-soon': '#c2410c', 'due-near': '#a16207', 'due-ok': '#1a7f37', 'none': '#57606a' };

  function base(element, centre, zoom) {
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 }).setView(centre, zoom); // the clusters need a maxZoom even without tiles
    var tiles = element.dataset.tiles;
    if (tiles) L.tileLayer(tiles, { maxZoom: 19, attribution: element.dataset.attribution || '' }).addTo(map);
    return map;
  }

  // A place geocoded from what was typed (point[5]) is an estimate: a dashed dark ring, never taken for a shared location.
  function marker(point) {
    var estimated = point[5] === true;
    return L.circleMarker([point[1], point[2]], { radius: 8, weight: 2, color: estimated ? '#1f2328' : '#fff', dashArray: estimated ? '3 3' : null,
      fillColor: colours[point[3]] || colours.none, fillOpacity: estimated ? 0.7 : 0.95 });
  }

  function ticketsMap(element) {
    var points = JSON.parse(element.dataset.points || '[]');
    var centre = element.dataset.centre.split(',').map(Number);
    var map = base(element, centre, 12);
    var cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
    points.forEach(function (p) {
      var link = document.createElement('a');
      link.href = '/console/tickets/' + encodeURIComponent(p[0]);
      link.textContent = p[4];
      cluster.addLayer(marker(p).bindPopup(link));
    });
    map.addLayer(cluster);
    if (points.length > 0) map.fitBounds(cluster.getBounds(), { maxZoom: 16, padding: [20, 20] });
    element.dataset.ready = String(points.length);
  }

  function ticketMap(element) {
    var point = [element.dataset.code, Number(element.dataset.lat), Number(element.dataset.lon), element.dataset.urgency, element.dataset.code,
      element.dataset.estimated === 'true'];
    var map = base(element, [point[1], point[2]], Number(element.dataset.zoom || 16));
    marker(point).addTo(map);
    element.dataset.ready = '1';
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.L) return;
    var all = document.getElementById('map');
    if (all) ticketsMap(all);
    document.querySelectorAll('.mini-map').forEach(ticketMap);
  });
})();
