"""How long the page's map takes to draw many points in chromium: the vendored Leaflet +
Leaflet.markercluster (what the page uses) against the two ways it could do without them.

    python bench/map_draw.py [--points 100000] [--repeat 3] [--out bench/results/map_draw.json]

Draws ``--points`` distinct places (the worst case: /map.json sends one point per place, so
100,000 events usually make far fewer), spread around 60 seeded centres, in a 1280x440 map:
  cluster        L.markerClusterGroup().addLayers(circle markers), then the first paint
  cluster-zoom   the same map zoomed in by 3 levels (clusters recomputed), to the next paint
  leaflet-canvas every point a Leaflet circle marker on a canvas renderer, no clustering
  plain-svg      every point an SVG <circle> (what the page drew before Leaflet)
and the shipped files' sizes (raw and gzip -9). Median of ``--repeat`` runs, each in a fresh
page. Prints one line per way and writes JSON. Nothing is fetched: scripts are injected from
chronique/serve/static/vendor.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "chronique" / "serve" / "static" / "vendor"
SHIPPED = ["leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet.markercluster/leaflet.markercluster.js",
           "leaflet.markercluster/MarkerCluster.css", "leaflet.markercluster/MarkerCluster.Default.css"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's, as the browser tests use it
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Runs in the page: seeded points, then each way timed from its first call to the second animation
# frame after it (the browser has then laid out and painted what was added).
_SCRIPT = """async ([way, n]) => {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const centres = Array.from({length: 60}, () => [rand() * 120 - 50, rand() * 340 - 170]);
  const pts = Array.from({length: n}, () => {
    const c = centres[Math.floor(rand() * centres.length)];
    return [Math.max(-80, Math.min(80, c[0] + (rand() - 0.5) * 12)), c[1] + (rand() - 0.5) * 16];
  });
  const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const box = document.createElement('div');
  box.id = 'map'; box.style.width = '1280px'; box.style.height = '440px';
  document.body.appendChild(box);
  if (way === 'plain-svg') {
    const t0 = performance.now();
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '-180 -90 360 180'); svg.setAttribute('width', 1280); svg.setAttribute('height', 440);
    for (const [lat, lon] of pts) {
      const c = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
      c.setAttribute('cx', lon); c.setAttribute('cy', -lat); c.setAttribute('r', 0.4);
      svg.appendChild(c);
    }
    box.appendChild(svg);
    await painted();
    return {ms: performance.now() - t0};
  }
  const map = L.map(box, {maxZoom: 12, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false}).setView([20, 0], 2);
  if (way === 'leaflet-canvas') {
    const t0 = performance.now();
    const renderer = L.canvas();
    for (const p of pts) L.circleMarker(p, {renderer: renderer, radius: 3}).addTo(map);
    await painted();
    return {ms: performance.now() - t0};
  }
  const t0 = performance.now();
  const cluster = L.markerClusterGroup({chunkedLoading: false, animate: false});
  cluster.addLayers(pts.map((p) => L.circleMarker(p, {radius: 5})));
  map.addLayer(cluster);
  await painted();
  const drawn = performance.now() - t0;
  const t1 = performance.now();
  map.setZoom(5);
  await painted();
  return {ms: drawn, zoom_ms: performance.now() - t1,
          clusters: document.querySelectorAll('.marker-cluster').length};
}"""


def sizes() -> dict[str, dict[str, int]]:
    """Bytes of each shipped file, raw and gzip -9 (what a server with compression would send)."""
    out = {}
    for name in SHIPPED:
        data = (VENDOR / name).read_bytes()
        out[name] = {"bytes": len(data), "gzip": len(gzip.compress(data, 9))}
    return out


def run(points: int, repeat: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {}
    extra: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for way in ("cluster", "leaflet-canvas", "plain-svg"):
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1300, "height": 500})
                page.route("**/*", lambda route: route.abort())  # nothing leaves the machine
                page.set_content("<!doctype html><html><body></body></html>")
                for css in ("leaflet/leaflet.css", "leaflet.markercluster/MarkerCluster.css",
                            "leaflet.markercluster/MarkerCluster.Default.css"):
                    page.add_style_tag(path=str(VENDOR / css))
                for js in ("leaflet/leaflet.js", "leaflet.markercluster/leaflet.markercluster.js"):
                    page.add_script_tag(path=str(VENDOR / js))
                result = page.evaluate(_SCRIPT, [way, points])
                times.setdefault(way, []).append(result["ms"])
                if "zoom_ms" in result:
                    times.setdefault("cluster-zoom", []).append(result["zoom_ms"])
                    extra["clusters_at_zoom_5"] = result["clusters"]
                webgl = page.evaluate("() => !!document.createElement('canvas').getContext('webgl')")
                extra["webgl_available"] = webgl
                page.close()
        browser.close()
    return {"points": points, "repeat": repeat, "median_ms": {k: round(statistics.median(v), 1)
                                                              for k, v in times.items()},
            "runs_ms": {k: [round(x, 1) for x in v] for k, v in times.items()}, **extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "map_draw.json")
    args = parser.parse_args()
    report = {"sizes": sizes(), **run(args.points, args.repeat)}
    for name, s in report["sizes"].items():
        print(f"{name:<48} {s['bytes']:>8} bytes  {s['gzip']:>7} gzip")
    for way, ms in report["median_ms"].items():
        print(f"{way:<15} {args.points} points  median {ms:9.1f} ms")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
