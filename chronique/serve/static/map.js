// chronique: the events' map, drawn with the vendored Leaflet and Leaflet.markercluster
// (static/vendor/, with their licences). No tiles: the basemap is the vendored Natural Earth
// TopoJSON (static/vendor/world-atlas), decoded here. Nothing is fetched from elsewhere.
//
// Antimeridian: Natural Earth rings that cross 180° (Russia, Fiji, the Aleutians, Antarctica)
// jump from +180 to -180 between two points; drawn flat that jump is a horizontal streak across
// the world. Each ring is "unwrapped" (longitudes made continuous, so it may run past 180) and
// the world is drawn three times side by side (-360°, 0°, +360°): a shape, or a group of events,
// that straddles 180° is then whole wherever the view is.
//
// Text from the store (place names, countries) only ever goes in through textContent.
"use strict";

(function () {
  const WORLD_COPIES = [-360, 0, 360];

  // -- TopoJSON -> GeoJSON-like polygons of [lon, lat] -----------------------

  function decodeArcs(topology) {
    const t = topology.transform;
    return topology.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map((p) => {
        if (t) { x += p[0]; y += p[1]; return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]; }
        return p;
      });
    });
  }

  function ring(arcs, indices) {
    const points = [];
    indices.forEach((i, n) => {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      points.push(...(n ? arc.slice(1) : arc));
    });
    return points;
  }

  // Longitudes made continuous (no step over 180°); a ring that goes once around a pole
  // (Antarctica) is closed along that pole instead of straight across the map.
  function unwrap(points) {
    const out = [];
    let shift = 0;
    for (let i = 0; i < points.length; i++) {
      const [lon, lat] = points[i];
      if (i) {
        const prev = points[i - 1][0];
        if (lon - prev > 180) shift -= 360; else if (prev - lon > 180) shift += 360;
      }
      out.push([lon + shift, lat]);
    }
    if (out.length > 2 && Math.abs(out[out.length - 1][0] - out[0][0]) > 180) {
      const pole = out.reduce((s, p) => s + p[1], 0) / out.length < 0 ? -89.9 : 89.9;
      out.push([out[out.length - 1][0], pole], [out[0][0], pole]);
    }
    return out;
  }

  function countries(topology) {
    const arcs = decodeArcs(topology);
    return topology.objects.countries.geometries.map((g) => {
      const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      return {
        name: (g.properties || {}).name || "",
        polygons: polygons.map((polygon) => polygon.map((r) => unwrap(ring(arcs, r)))),
      };
    });
  }

  function basemap(map, topology) {
    const style = { className: "country", color: "#9e9e9e", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1,
                    interactive: false };
    const shapes = countries(topology);
    for (const offset of WORLD_COPIES) {
      for (const c of shapes) {
        const latlngs = c.polygons.map((polygon) => polygon.map((r) => r.map(([lon, lat]) => [lat, lon + offset])));
        const layer = L.polygon(latlngs, style).addTo(map);
        const path = layer.getElement();
        if (path) { path.setAttribute("data-name", c.name); path.setAttribute("data-copy", String(offset)); }
      }
    }
  }

  function graticule(map) {
    const style = { className: "graticule", color: "#b0c4d0", weight: 0.5, interactive: false };
    for (let lon = -540; lon <= 540; lon += 30) L.polyline([[-85, lon], [85, lon]], style).addTo(map);
    for (let lat = -60; lat <= 60; lat += 30) L.polyline([[lat, -540], [lat, 540]], style).addTo(map);
  }

  // -- events ----------------------------------------------------------------

  // The longitude frame that keeps the events together: the widest gap between them is left
  // out of the view, so events at 179° and -179° are neighbours (shifted to 179° and 181°).
  function lonFrame(points) {
    const lons = Array.from(new Set(points.map((p) => p.lon))).sort((a, b) => a - b);
    if (lons.length < 2) return () => 0;
    let gap = lons[0] + 360 - lons[lons.length - 1], cut = null;  // the gap across 180°
    for (let i = 1; i < lons.length; i++) {
      if (lons[i] - lons[i - 1] > gap) { gap = lons[i] - lons[i - 1]; cut = lons[i]; }
    }
    return cut === null ? () => 0 : (lon) => (lon < cut ? 360 : 0);
  }

  function popup(p, refilter) {
    const box = document.createElement("div");
    box.className = "map-popup";
    const title = document.createElement("strong");
    title.textContent = (p.place || "?") + (p.country ? " (" + p.country + ")" : "");
    box.appendChild(title);
    const line = document.createElement("div");
    line.textContent = p.count + " event" + (p.count === 1 ? "" : "s") + " — " +
      Object.entries(p.types).map(([t, n]) => t + " " + n).join(", ");
    box.appendChild(line);
    if (p.country) {
      const a = document.createElement("a");
      a.href = "#";
      a.className = "keep-country";
      a.textContent = "keep only " + p.country;
      a.addEventListener("click", (ev) => { ev.preventDefault(); refilter({ country: p.country, offset: null }); });
      box.appendChild(a);
    }
    return box;
  }

  // A cluster's badge: the events it holds (not the places), sized by that count.
  function clusterIcon(cluster) {
    const n = cluster.getAllChildMarkers().reduce((s, m) => s + (m.options.count || 1), 0);
    const size = n < 10 ? "small" : n < 1000 ? "medium" : "large";
    const label = n >= 10000 ? Math.round(n / 1000) + "k" : String(n);
    return L.divIcon({ html: "<div><span>" + label + "</span></div>",  // digits only: no text from the store
                       className: "marker-cluster marker-cluster-" + size, iconSize: L.point(40, 40) });
  }

  function draw(node, topology, points, colours, refilter) {
    const map = L.map(node, {
      zoomSnap: 1, minZoom: 1, maxZoom: 12, worldCopyJump: false,
      maxBounds: [[-88, -540], [88, 540]], maxBoundsViscosity: 0.8,
    });
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth 1:110m");
    graticule(map);
    basemap(map, topology);
    const shift = lonFrame(points);
    const cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 60,
                                           iconCreateFunction: clusterIcon });
    const markers = points.map((p) => {
      const colour = colours.types[p.type] || colours.other_type;
      const m = L.circleMarker([p.lat, p.lon + shift(p.lon)], {
        radius: Math.min(5 + 2 * Math.sqrt(p.count), 18), color: "#fff", weight: 1, fillColor: colour,
        fillOpacity: 0.85, className: "marker", count: p.count,
      });
      m.bindPopup(() => popup(p, refilter));
      m.on("add", () => { const path = m.getElement(); if (path) path.setAttribute("data-count", String(p.count)); });
      return m;
    });
    cluster.addLayers(markers);
    map.addLayer(cluster);
    if (points.length) {
      const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon + shift(p.lon)]));
      map.fitBounds(bounds.pad(0.3), { maxZoom: 6 });
    } else {
      map.setView([20, 0], 1);
    }
    const sync = () => { node.dataset.zoom = String(map.getZoom()); };
    map.on("zoomend", sync);
    sync();
    const located = points.reduce((n, p) => n + p.count, 0);
    return located + " located event" + (located === 1 ? "" : "s") + " at " + points.length + " place" +
      (points.length === 1 ? "" : "s") + " (scroll or +/− to zoom, click a group to open it, a point to keep its country)";
  }

  window.chroniqueMap = { draw: draw };
})();
