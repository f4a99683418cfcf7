// chronique: map and timeline of the filtered events, drawn in plain SVG.
// No library and nothing fetched from outside this server: the basemap is the
// vendored Natural Earth TopoJSON (static/vendor/world-atlas), decoded below.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const viz = document.getElementById("viz");
  if (!viz) return;
  const query = viz.dataset.query || "";

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  // Navigate to the events page with some filters changed (others kept).
  function refilter(changes) {
    const params = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") params.delete(k); else params.set(k, v);
    }
    window.location.href = "/events?" + params.toString();
  }

  // -- TopoJSON -> rings of [lon, lat] -------------------------------------

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

  function countryPaths(topology) {
    const arcs = decodeArcs(topology);
    const geometries = topology.objects.countries.geometries;
    return geometries.map((g) => {
      const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      let d = "";
      for (const polygon of polygons) {
        for (const r of polygon) {
          const pts = ring(arcs, r);
          d += "M" + pts.map((p) => p[0].toFixed(2) + "," + (-p[1]).toFixed(2)).join("L") + "Z";
        }
      }
      return { d: d, name: (g.properties || {}).name || "" };
    });
  }

  // -- map ------------------------------------------------------------------

  function viewBox(points) {
    // Fit the located events, with a margin, keeping the 2:1 shape of the world.
    if (!points.length) return [-180, -90, 360, 180];
    let x0 = 180, x1 = -180, y0 = 90, y1 = -90;
    for (const p of points) { x0 = Math.min(x0, p.lon); x1 = Math.max(x1, p.lon); y0 = Math.min(y0, p.lat); y1 = Math.max(y1, p.lat); }
    let w = Math.max(x1 - x0 + 16, 24), h = Math.max(y1 - y0 + 8, 12);
    if (w < 2 * h) w = 2 * h; else h = w / 2;
    w = Math.min(w, 360); h = Math.min(h, 180);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    return [cx - w / 2, -cy - h / 2, w, h];
  }

  function drawMap(svg, topology, points, colours) {
    const box = viewBox(points);
    svg.setAttribute("viewBox", box.join(" "));
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    const land = el("g", { class: "countries" }, svg);
    for (const c of countryPaths(topology)) {
      const path = el("path", { d: c.d, class: "country" }, land);
      el("title", {}, path).textContent = c.name;
    }
    const perPixel = box[2] / Math.max(svg.clientWidth || 800, 1);
    const markers = el("g", { class: "markers" }, svg);
    for (const p of points) {
      const r = Math.min(4 + 2.5 * Math.sqrt(p.count), 28) * perPixel;
      const circle = el("circle", {
        cx: p.lon, cy: -p.lat, r: r, class: "marker", fill: colours.types[p.type] || colours.other_type,
        "data-type": p.type, "data-count": p.count, "data-country": p.country || "",
      }, markers);
      const kinds = Object.entries(p.types).map(([t, n]) => t + " " + n).join(", ");
      el("title", {}, circle).textContent = (p.place || "?") + (p.country ? " (" + p.country + ")" : "") +
        ": " + p.count + " event" + (p.count === 1 ? "" : "s") + " — " + kinds;
      if (p.country) circle.addEventListener("click", () => refilter({ country: p.country, offset: null }));
    }
    const caption = document.getElementById("map-caption");
    const located = points.reduce((n, p) => n + p.count, 0);
    caption.textContent = located + " located event" + (located === 1 ? "" : "s") + " at " + points.length +
      " place" + (points.length === 1 ? "" : "s") + " (click a point to keep its country)";
  }

  // -- timeline -------------------------------------------------------------

  const DAY = 86400000;
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function parse(day) { return Date.parse(day + "T00:00:00Z"); }

  function bucketOf(day, period) {
    if (period === "month") return day.slice(0, 7) + "-01";
    if (period === "week") { const t = parse(day); const wd = (new Date(t).getUTCDay() + 6) % 7; return iso(t - wd * DAY); }
    return day;
  }
  function bucketEnd(start, period) {
    const t = parse(start);
    if (period === "day") return start;
    if (period === "week") return iso(t + 6 * DAY);
    const d = new Date(t); return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY);
  }

  function drawTimeline(svg, counts, colours) {
    const caption = document.getElementById("timeline-caption");
    if (!counts.length) { caption.textContent = "no dated event"; return; }
    const first = parse(counts[0].period), last = parse(counts[counts.length - 1].period);
    const spanDays = (last - first) / DAY;
    const period = spanDays > 3 * 365 ? "month" : spanDays > 120 ? "week" : "day";
    const buckets = new Map();
    for (const c of counts) {
      const b = bucketOf(c.period, period);
      if (!buckets.has(b)) buckets.set(b, {});
      const types = buckets.get(b);
      types[c.type] = (types[c.type] || 0) + c.count;
    }
    const keys = Array.from(buckets.keys()).sort();
    const width = Math.max(svg.clientWidth || 800, 200), height = 150, pad = 22;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const step = period === "day" ? DAY : period === "week" ? 7 * DAY : 30.44 * DAY;
    const t0 = parse(keys[0]), t1 = parse(keys[keys.length - 1]) + step;
    const x = (t) => pad + (t - t0) / (t1 - t0) * (width - 2 * pad);
    const maxTotal = Math.max(...keys.map((k) => Object.values(buckets.get(k)).reduce((a, b) => a + b, 0)));
    const y = (n) => n / maxTotal * (height - 2 * pad);
    const barWidth = Math.max(2, x(t0 + step) - x(t0) - 1);
    for (const k of keys) {
      const types = buckets.get(k);
      const total = Object.values(types).reduce((a, b) => a + b, 0);
      const group = el("g", { class: "bar", "data-period": k, "data-count": total }, svg);
      let base = height - pad;
      for (const [t, n] of Object.entries(types).sort()) {
        const h = Math.max(y(n), 1);
        el("rect", { x: x(parse(k)), y: base - h, width: barWidth, height: h, fill: colours.types[t] || colours.other_type }, group);
        base -= h;
      }
      el("title", {}, group).textContent = k + (period === "day" ? "" : " (" + period + ")") + ": " + total + " — " +
        Object.entries(types).map(([t, n]) => t + " " + n).join(", ");
      const end = bucketEnd(k, period);
      group.addEventListener("click", () => refilter({ date_from: k, date_to: end, offset: null }));
    }
    el("line", { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, class: "axis" }, svg);
    el("text", { x: pad, y: height - 6, class: "tick" }, svg).textContent = keys[0];
    el("text", { x: width - pad, y: height - 6, class: "tick", "text-anchor": "end" }, svg).textContent = bucketEnd(keys[keys.length - 1], period);
    el("text", { x: pad, y: 14, class: "tick" }, svg).textContent = "max " + maxTotal + " / " + period;
    caption.textContent = "events per " + period + " by type (click a bar to keep its dates)";
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
    drawMap(document.getElementById("map"), topology, map.points, colours);
    drawTimeline(document.getElementById("timeline"), timeline.counts, colours);
    const seen = new Set([...map.points.map((p) => p.type), ...timeline.counts.map((c) => c.type)]);
    drawLegend(document.getElementById("legend"), seen, colours);
    viz.dataset.ready = "1";
  }).catch((err) => {
    viz.dataset.ready = "error";
    document.getElementById("map-caption").textContent = "could not draw: " + err.message;
  });
})();
