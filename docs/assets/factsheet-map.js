/* Draw a Leaflet map wherever a page has a `[data-fs-map]` box.
 *
 * The markers come from the page's own place list: every `.fs-geo` element carries
 * data-lat/data-lon, and its list item names the place. Labels are set as text, never
 * as HTML. Without JavaScript the box stays hidden and the list is the map.
 */
(function () {
  "use strict";

  function placeLabel(geo) {
    var item = geo.closest("li");
    var link = item ? item.querySelector("a") : null;
    var heading = document.querySelector("article h1");
    return (link || heading || geo).textContent.trim();
  }

  function drawMap(box) {
    if (typeof L === "undefined") {
      return;
    }
    var points = [];
    document.querySelectorAll(".fs-geo[data-lat][data-lon]").forEach(function (geo) {
      var lat = parseFloat(geo.dataset.lat);
      var lon = parseFloat(geo.dataset.lon);
      if (isFinite(lat) && isFinite(lon)) {
        points.push({ lat: lat, lon: lon, label: placeLabel(geo) });
      }
    });
    if (points.length === 0) {
      return;
    }
    box.hidden = false;
    var map = L.map(box, { scrollWheelZoom: false });
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors"
    }).addTo(map);
    var bounds = [];
    points.forEach(function (point) {
      var tip = document.createElement("span");
      tip.textContent = point.label;
      L.marker([point.lat, point.lon], { title: point.label, alt: point.label })
        .bindTooltip(tip)
        .addTo(map);
      bounds.push([point.lat, point.lon]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 10);
    } else {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 12 });
    }
  }

  function init() {
    document.querySelectorAll("[data-fs-map]").forEach(drawMap);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
