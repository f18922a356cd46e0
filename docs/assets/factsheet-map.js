/* Draw a Leaflet map wherever a page has a `[data-fs-map]` box.
 *
 * Leaflet (assets/vendor/leaflet/) is loaded only on such a page, once the map section
 * comes near the screen, so every other page and the first view stay light. The markers come from the page's own place list: every pinned `.fs-geo`
 * element carries data-lat/data-lon (regions, countries and seas are listed, not
 * pinned), and its list item names the place; the main place carries data-main, is
 * drawn distinctly and the map opens on it. Labels are set as text, never as HTML.
 * Without JavaScript, or when no map tile loads, the box stays hidden and the list is
 * the map.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var vendor = script ? new URL("vendor/leaflet/", script.src).href : null;

  function placeLabel(geo) {
    var item = geo.closest("li");
    var link = item ? item.querySelector("a") : null;
    var heading = document.querySelector("article h1");
    return (link || heading || geo).textContent.trim();
  }

  function points() {
    var found = [];
    document.querySelectorAll(".fs-geo[data-lat][data-lon]").forEach(function (geo) {
      var lat = parseFloat(geo.dataset.lat);
      var lon = parseFloat(geo.dataset.lon);
      if (isFinite(lat) && isFinite(lon)) {
        found.push({ lat: lat, lon: lon, label: placeLabel(geo), main: geo.dataset.main === "1" });
      }
    });
    return found;
  }

  function loadLeaflet(done) {
    if (typeof L !== "undefined") {
      done();
      return;
    }
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = vendor + "leaflet.css";
    document.head.appendChild(style);
    var code = document.createElement("script");
    code.src = vendor + "leaflet.js";
    code.onload = done;
    document.head.appendChild(code);
  }

  function tilesFailed(box, note) {
    box.hidden = true;
    note.hidden = false;
  }

  function drawMap(box, found) {
    var note = document.createElement("p");
    note.className = "fs-map-note";
    note.textContent = "The map could not be loaded; the places are listed below.";
    note.hidden = true;
    box.insertAdjacentElement("afterend", note);
    box.hidden = false;
    var map = L.map(box, { scrollWheelZoom: false });
    var loaded = false;
    var tiles = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors"
    });
    tiles.on("tileload", function () { loaded = true; });
    tiles.on("tileerror", function () {
      if (!loaded) {
        tilesFailed(box, note);
      }
    });
    tiles.addTo(map);
    var main = null;
    found.forEach(function (point) {
      var tip = document.createElement("span");
      tip.textContent = point.label;
      var marker = point.main
        ? L.circleMarker([point.lat, point.lon], { radius: 11, weight: 3, color: "#b71c1c", fillColor: "#ff5252", fillOpacity: 0.9 })
        : L.marker([point.lat, point.lon], { title: point.label, alt: point.label });
      marker.bindTooltip(tip, { permanent: point.main }).addTo(map);
      if (point.main && main === null) {
        main = point;
      }
    });
    if (main !== null) {
      map.setView([main.lat, main.lon], 12);
    } else if (found.length === 1) {
      map.setView([found[0].lat, found[0].lon], 10);
    } else {
      map.fitBounds(found.map(function (p) { return [p.lat, p.lon]; }), { padding: [30, 30], maxZoom: 12 });
    }
  }

  function init() {
    var boxes = document.querySelectorAll("[data-fs-map]");
    var found = points();
    if (boxes.length === 0 || found.length === 0 || vendor === null) {
      return;
    }
    var draw = function () {
      loadLeaflet(function () {
        boxes.forEach(function (box) { drawMap(box, found); });
      });
    };
    // Leaflet is fetched when the map section comes near the screen, not with the page.
    var near = boxes[0].nextElementSibling || boxes[0].parentNode;
    if (!("IntersectionObserver" in window)) {
      draw();
      return;
    }
    var watch = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        watch.disconnect();
        draw();
      }
    }, { rootMargin: "400px 0px" });
    watch.observe(near);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
