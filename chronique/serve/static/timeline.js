// chronique: events per day, week or month as stacked bars (plain SVG, no library: a bar chart
// with a brush is a hundred lines, a charting library is hundreds of kilobytes; docs/map-timeline.md).
//
// The axis covers the bulk of the data, not its extremes: /timeline.json says which days that
// is ("domain", chronique.store._views.timeline_domain), and the events dated before or after
// it (a report of 1500, a typo of 2047) are counted at the edges, each count a link to them.
// Drag across the bars to keep the dates brushed (the other filters stay); a click on one bar
// keeps its period.
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const BRUSH_MIN_PX = 4;  // a shorter drag is a click

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

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
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function draw(svg, timeline, colours, refilter, caption) {
    const domain = timeline.domain;
    if (!domain) { caption.textContent = "no dated event"; return; }
    const spanDays = (parse(domain.to) - parse(domain.from)) / DAY;
    const period = spanDays > 3 * 365 ? "month" : spanDays > 120 ? "week" : "day";
    const buckets = new Map();
    for (const c of timeline.counts) {
      if (c.period < domain.from || c.period > domain.to) continue;  // counted at the edges
      const b = bucketOf(c.period, period);
      if (!buckets.has(b)) buckets.set(b, {});
      const types = buckets.get(b);
      types[c.type] = (types[c.type] || 0) + c.count;
    }
    const keys = Array.from(buckets.keys()).sort();
    const width = Math.max(svg.clientWidth || 800, 300), height = 150, pad = 22;
    const left = domain.before ? 90 : pad, right = domain.after ? 90 : pad;  // room for the outlier counts
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const step = period === "day" ? DAY : period === "week" ? 7 * DAY : 30.44 * DAY;
    const t0 = parse(bucketOf(domain.from, period)), t1 = parse(bucketEnd(bucketOf(domain.to, period), period)) + DAY;
    const x = (t) => left + (t - t0) / (t1 - t0) * (width - left - right);
    const time = (px) => t0 + (Math.min(Math.max(px, left), width - right) - left) / (width - left - right) * (t1 - t0);
    const total = (k) => Object.values(buckets.get(k)).reduce((a, b) => a + b, 0);
    const maxTotal = Math.max(1, ...keys.map(total));
    const y = (n) => n / maxTotal * (height - 2 * pad);
    const barWidth = Math.max(2, x(t0 + step) - x(t0) - 1);
    const plot = el("g", { class: "plot" }, svg);
    el("rect", { x: left, y: pad, width: width - left - right, height: height - 2 * pad, class: "plot-area" }, plot);
    let brushed = false;
    for (const k of keys) {
      const types = buckets.get(k);
      const group = el("g", { class: "bar", "data-period": k, "data-count": total(k) }, plot);
      let base = height - pad;
      for (const [t, n] of Object.entries(types).sort()) {
        const h = Math.max(y(n), 1);
        el("rect", { x: x(parse(k)), y: base - h, width: barWidth, height: h, fill: colours.types[t] || colours.other_type }, group);
        base -= h;
      }
      el("title", {}, group).textContent = k + (period === "day" ? "" : " (" + period + ")") + ": " + total(k) + " — " +
        Object.entries(types).map(([t, n]) => t + " " + n).join(", ");
      const end = bucketEnd(k, period);
      group.addEventListener("click", () => { if (!brushed) refilter({ date_from: k, date_to: end, offset: null }); });
    }
    el("line", { x1: left, x2: width - right, y1: height - pad, y2: height - pad, class: "axis" }, svg);
    el("text", { x: left, y: height - 6, class: "tick" }, svg).textContent = domain.from;
    el("text", { x: width - right, y: height - 6, class: "tick", "text-anchor": "end" }, svg).textContent = domain.to;
    el("text", { x: left, y: 14, class: "tick" }, svg).textContent = "max " + maxTotal + " / " + period;

    // events outside the drawn dates, counted at each edge; a click shows them
    function edge(n, id, label, anchor, px, changes) {
      if (!n) return;
      const a = el("a", { href: "#", id: id, class: "outliers", "data-count": n }, svg);
      el("text", { x: px, y: height / 2, "text-anchor": anchor, class: "outlier-count" }, a).textContent = label;
      a.addEventListener("click", (ev) => { ev.preventDefault(); refilter(changes); });
    }
    const dayBefore = iso(parse(domain.from) - DAY), dayAfter = iso(parse(domain.to) + DAY);
    edge(domain.before, "outliers-before", "◀ " + domain.before + " earlier", "start", 4,
         { date_from: null, date_to: dayBefore, offset: null });
    edge(domain.after, "outliers-after", domain.after + " later ▶", "end", width - 4,
         { date_from: dayAfter, date_to: null, offset: null });

    // the brush: drag across the plot to keep the dates under it
    const brush = el("rect", { class: "brush", x: 0, y: pad, width: 0, height: height - 2 * pad, visibility: "hidden" }, svg);
    let start = null;
    const localX = (ev) => {
      const pt = svg.createSVGPoint();
      pt.x = ev.clientX; pt.y = ev.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse()).x;
    };
    plot.addEventListener("pointerdown", (ev) => {
      start = localX(ev); brushed = false;
    });
    svg.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      const now = localX(ev);
      if (Math.abs(now - start) < BRUSH_MIN_PX) return;
      // captured only once it is a drag: a captured click would not reach the bar's handler
      if (!svg.hasPointerCapture(ev.pointerId)) svg.setPointerCapture(ev.pointerId);
      const lo = Math.max(Math.min(start, now), left), hi = Math.min(Math.max(start, now), width - right);
      brush.setAttribute("x", lo); brush.setAttribute("width", Math.max(hi - lo, 0));
      brush.setAttribute("visibility", "visible");
    });
    svg.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const now = localX(ev), from = start;
      start = null;
      if (Math.abs(now - from) < BRUSH_MIN_PX) return;  // a click: the bar's own handler
      brushed = true;
      const lo = bucketOf(iso(time(Math.min(from, now))), period);
      const hi = bucketEnd(bucketOf(iso(time(Math.max(from, now)) - 1), period), period);
      svg.dataset.brushed = lo + "/" + hi;
      refilter({ date_from: lo, date_to: hi < lo ? lo : hi, offset: null });
    });

    const outside = (domain.before ? ", " + plural(domain.before, "event") + " before " + domain.from : "") +
      (domain.after ? ", " + plural(domain.after, "event") + " after " + domain.to : "");
    caption.textContent = "events per " + period + " by type (drag across the bars to keep those dates, " +
      "click a bar to keep its " + period + ")" + (outside ? "; not drawn" + outside : "");
  }

  window.chroniqueTimeline = { draw: draw };
})();
