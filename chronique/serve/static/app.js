// chronique: the events page's map (static/map.js, Leaflet) and timeline (static/timeline.js)
// for the filtered events. Every request goes to this server: the page works offline.
"use strict";

(function () {
  const viz = document.getElementById("viz");
  if (!viz) return;
  const query = viz.dataset.query || "";

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  // Navigate to the events page with some filters changed (null removes one; others are kept).
  function refilter(changes) {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") params.delete(k); else params.set(k, v);
    }
    window.location.href = "/events?" + params.toString();
  }

  function drawLegend(node, typesSeen, colours) {
    for (const t of Object.keys(colours.types)) {
      if (!typesSeen.has(t)) continue;
      const item = document.createElement("span");
      item.className = "badge t-" + t;
      item.textContent = t;
      node.appendChild(item);
    }
  }

  Promise.all([
    getJSON("/palette.json"),
    getJSON("/static/vendor/world-atlas/countries-110m.json"),
    getJSON("/map.json?" + query),
    getJSON("/timeline.json?period=day&" + query),
  ]).then(([colours, topology, map, timeline]) => {
    document.getElementById("map-caption").textContent =
      window.chroniqueMap.draw(document.getElementById("map"), topology, map.points, colours, refilter);
    window.chroniqueTimeline.draw(document.getElementById("timeline"), timeline, colours, refilter,
                                  document.getElementById("timeline-caption"));
    const seen = new Set([...map.points.map((p) => p.type), ...timeline.counts.map((c) => c.type)]);
    drawLegend(document.getElementById("legend"), seen, colours);
    viz.dataset.ready = "1";
  }).catch((err) => {
    viz.dataset.ready = "error";
    document.getElementById("map-caption").textContent = "could not draw: " + err.message;
  });
})();
