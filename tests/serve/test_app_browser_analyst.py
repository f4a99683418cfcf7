"""The analyst's page in chromium on a store made for it: map zoom, clustering and the
antimeridian, the timeline's clipped axis and its brush, sorting, multi-select filters, actor pages.

The store (``ROWS``): 40 events of 2024 in Mali, Fiji (on both sides of 180°), France and
Ukraine, plus one dated 1515 and one dated 2047 (bad dates, as extraction makes them). Each
step writes a screenshot to test-artifacts/serve/ (see serve_browser.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from serve_browser import browser_page, serve, shot

from chronique.model import Actor, Article, Event

PLACES = {"Mopti": ("ML", 14.49, -4.19), "Gao": ("ML", 16.27, -0.04), "Kidal": ("ML", 18.44, 1.41),
          "Tombouctou": ("ML", 16.77, -3.01), "Suva": ("FJ", -18.14, 178.44), "Rabi": ("FJ", -16.5, -179.98),
          "Paris": ("FR", 48.85, 2.35), "Kyiv": ("UA", 50.45, 30.52)}
FAMA = Actor(text="les FAMa", name="Malian Armed Forces", country="MLI", sector="MIL")
JNIM = Actor(text="le JNIM", name="JNIM", sector="REB")
MOD = Actor(text="le ministère de la Défense", name="Ministry of Defence of Mali", country="MLI", sector="GOV")
RUS = Actor(text="Russian forces", name="Russian Armed Forces", country="RUS", sector="MIL")
PROTESTERS = Actor(text="protesters", name="Protesters", sector="CVL")
# (type, day, place, actor, recipient, claimant, modality, dead)
ROWS: list[tuple[str, str, str, Actor | None, Actor | None, Actor | None, str, int | None]] = [
    *[("ASSAULT", f"2024-01-{3 + 2 * i:02d}", p, FAMA, JNIM, MOD, "asserted", i)
      for i, p in enumerate(["Mopti", "Gao", "Kidal", "Tombouctou"] * 3)],
    *[("ASSAULT", f"2024-02-{4 + i:02d}", p, JNIM, FAMA, MOD, "denied" if i < 2 else "asserted", None)
      for i, p in enumerate(["Gao", "Kidal", "Mopti", "Gao"])],
    *[("COERCE", f"2024-03-{10 + i:02d}", "Tombouctou", FAMA, None, MOD, "asserted", None) for i in range(3)],
    *[("PROTEST", f"2024-04-{1 + 3 * i:02d}", "Paris", PROTESTERS, None, None, "asserted", None) for i in range(5)],
    *[("PROTEST", f"2024-05-0{1 + i}", p, PROTESTERS, None, None, "asserted", None)
      for i, p in enumerate(["Suva", "Rabi", "Suva"])],
    *[("ASSAULT", f"2024-06-{5 + 2 * i:02d}", "Kyiv", RUS, None, None, "asserted", 2 * i) for i in range(6)],
    *[("CONSULT", f"2024-06-{20 + i:02d}", "Kyiv", None, None, None, "planned", None) for i in range(7)],
    ("ASSAULT", "1515-09-13", "Mopti", FAMA, JNIM, MOD, "asserted", None),  # Marignan, not Mopti
    ("PROTEST", "2047-01-01", "Paris", PROTESTERS, None, None, "asserted", None),
]


def _build(path: Path) -> None:
    from chronique.store import open_store

    items = []
    for n, (etype, day, place, actor, recipient, claimant, modality, dead) in enumerate(ROWS):
        cc, lat, lon = PLACES[place]
        article = Article(id=f"r{n:02d}", lang="fr", published=day, title=f"Report {n} from {place}",
                          text=f"Report {n}: {etype.lower()} at {place} on {day}.")
        loc = {"text": place, "name": place, "geonameid": None, "lat": lat, "lon": lon, "country_code": cc,
               "admin1": None, "precision": "city"}
        event = Event(id=f"v{n:02d}", doc_id=article.id, event=[etype], actor=[actor] if actor else [],
                      recipient=[recipient] if recipient else [], claimant=[claimant] if claimant else [],
                      date=day, enddate=day, date_precision="day", event_loc=loc, modality=modality, dead=dead,
                      event_text=[article.text], lang="fr")
        items.append((article, [event]))
    with open_store(str(path)) as store:
        store.add_many(items)


def _in_range(lo: str, hi: str) -> int:
    return sum(1 for row in ROWS if lo <= row[1] <= hi)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("analyst") / "events.db"
    _build(path)
    with serve(path) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with browser_page(server, tmp_path_factory.mktemp("chromium-profile")) as pg:
        yield pg
        assert pg.outside_requests == []
        assert pg.csp_violations == []


def _drawn(page: Any) -> None:
    page.wait_for_selector("#viz[data-ready]", timeout=15_000)
    assert page.get_attribute("#viz", "data-ready") == "1", page.inner_text("#map-caption")


def _zoom(page: Any) -> int:
    return int(page.get_attribute("#map", "data-zoom"))


def _shown_events(page: Any) -> int:
    """Events on the map as drawn: the numbers on the clusters plus the single points' counts."""
    return int(page.evaluate("""() => {
        let n = 0;
        for (const c of document.querySelectorAll('#map .marker-cluster span')) n += Number(c.textContent);
        for (const m of document.querySelectorAll('#map path.marker')) n += Number(m.dataset.count);
        return n;
    }"""))


def test_app_browser_analyst_map_zoom_clustering_antimeridian(page: Any, server: str) -> None:
    page.goto(f"{server}/events")
    _drawn(page)
    assert page.inner_text("#map-caption").startswith("42 located events at 8 places")
    clusters = page.locator("#map .marker-cluster")
    assert clusters.count() >= 1
    # no country is drawn as a streak across the world (Russia and Fiji cross 180°; Antarctica
    # goes round the pole and is as wide as the world by right)
    widest = page.evaluate("""() => {
        const world = 256 * 2 ** Number(document.getElementById('map').dataset.zoom);
        let worst = ['', 0];
        for (const p of document.querySelectorAll('#map path.country[data-copy="0"]')) {
            if (p.dataset.name === 'Antarctica') continue;
            const w = p.getBoundingClientRect().width / world;
            if (w > worst[1]) worst = [p.dataset.name, w];
        }
        return worst;
    }""")
    assert widest[1] < 0.5, widest
    shot(page, "20-map-clusters-world", full_page=False)

    # the Mali cluster: its 20 events (1515's included) at 4 places; a click zooms in and opens it
    mali = page.locator("#map .marker-cluster", has_text="20")
    assert mali.count() == 1
    before_zoom, before_points = _zoom(page), page.locator("#map path.marker").count()
    mali.click()
    page.wait_for_function(f"() => Number(document.getElementById('map').dataset.zoom) > {before_zoom}")
    page.wait_for_timeout(600)  # the cluster's opening animation
    assert page.locator("#map path.marker").count() > before_points
    shot(page, "21-map-zoomed-mali", full_page=False)
    # the zoom buttons work too
    zoom = _zoom(page)
    page.click("#map .leaflet-control-zoom-out")
    page.wait_for_function(f"() => Number(document.getElementById('map').dataset.zoom) === {zoom - 1}")

    # Fiji straddles 180°: its three events are framed together (a world-wide view otherwise)
    page.goto(f"{server}/events?country=FJ")
    _drawn(page)
    assert page.inner_text("#map-caption").startswith("3 located events at 2 places")
    assert _zoom(page) >= 4
    assert _shown_events(page) == 3
    shot(page, "22-map-antimeridian-fiji", full_page=False)


def test_app_browser_analyst_timeline_clipped_and_brushed(page: Any, server: str) -> None:
    page.goto(f"{server}/events")
    _drawn(page)
    # the axis covers 2024; the events of 1515 and 2047 are counted at the edges
    ticks = page.locator("#timeline text.tick").all_text_contents()
    assert ticks[0].startswith("2024-01") and ticks[1].startswith("2024-06"), ticks
    assert page.get_attribute("#outliers-before", "data-count") == "1"
    assert page.get_attribute("#outliers-after", "data-count") == "1"
    shot(page, "23-timeline-clipped", full_page=False)

    # drag from the first bar to the middle of the plot: the list keeps the brushed dates
    box = page.locator("#timeline .plot-area").bounding_box()
    first = page.locator("#timeline g.bar").first.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(first["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=8)
    page.mouse.up()
    page.wait_for_url("**date_to=*")
    query = parse_qs(urlsplit(page.url).query)
    lo, hi = query["date_from"][0], query["date_to"][0]
    assert lo <= "2024-01-03" < hi < "2024-06-30", (lo, hi)
    _drawn(page)
    assert int(page.inner_text("#count")) == _in_range(lo, hi)
    assert 0 < _in_range(lo, hi) < len(ROWS) - 2
    shot(page, "24-timeline-brushed", full_page=False)

    # the count at the left edge leads to the event dated before the axis
    page.goto(f"{server}/events")
    _drawn(page)
    page.click("#outliers-before")
    page.wait_for_url("**date_to=*")
    assert page.inner_text("#count") == "1"
    assert "1515-09-13" in page.inner_text("table.events tbody")


def test_app_browser_analyst_sorting_and_multiselect(page: Any, server: str) -> None:
    page.goto(f"{server}/events")
    page.click("#sort-type")
    page.wait_for_url("**sort=type*")
    types = [t.split()[0] for t in page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()]
    assert types == sorted(types) and len(set(types)) == 4
    page.click("#sort-type")
    page.wait_for_url("**sort=-type*")
    types = [t.split()[0] for t in page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()]
    assert types == sorted(types, reverse=True)
    page.click("#sort-dead")
    page.wait_for_url("**sort=dead*")
    dead = [int(d) for d in page.locator("table.events tbody tr td:nth-child(8)").all_inner_texts() if d.strip()]
    assert dead == sorted(dead, reverse=True) and dead[0] == 11
    shot(page, "25-sorted-by-dead", full_page=False)

    # two types at once, and a modality ticked: the filters of the form, sort kept
    page.select_option("#f-type", ["PROTEST", "COERCE"])
    page.click("#apply")
    page.wait_for_url("**type=COERCE*")
    assert page.inner_text("#count") == str(sum(1 for r in ROWS if r[0] in ("PROTEST", "COERCE")))
    assert "sort=dead" in page.url
    page.goto(f"{server}/events")
    page.check("#f-modality input[value=denied]")
    page.check("#f-modality input[value=planned]")
    page.click("#apply")
    page.wait_for_url("**modality=*")
    assert page.inner_text("#count") == str(sum(1 for r in ROWS if r[6] in ("denied", "planned")))
    assert page.locator("#f-modality input[value=denied]").is_checked()
    shot(page, "26-multiselect-modality", full_page=False)


def test_app_browser_analyst_actor_page(page: Any, server: str) -> None:
    page.goto(f"{server}/events?type=COERCE")
    page.locator("a.actor-link", has_text="Malian Armed Forces").first.click()
    page.wait_for_selector("#actor-name")
    assert page.inner_text("#actor-name") == "Malian Armed Forces"
    fama = [r for r in ROWS if FAMA in (r[3], r[4])]
    assert page.inner_text("#actor-count") == str(len(fama))
    partners = {row.locator("td").first.inner_text(): row.locator("td").all_inner_texts()
                for row in page.locator("#actor-partners tbody tr").all()}
    # its targets, and who acts on it
    assert partners["JNIM"][1] == str(sum(1 for r in ROWS if r[3] == FAMA and r[4] == JNIM))
    assert partners["JNIM"][2] == str(sum(1 for r in ROWS if r[3] == JNIM and r[4] == FAMA))
    dates = [d[:10] for d in page.locator("#events tbody tr td:first-child").all_inner_texts()]
    assert dates == sorted(dates, reverse=True)
    shot(page, "27-actor-page", full_page=False)

    # the facets lead to the parties' pages too
    page.goto(f"{server}/events")
    page.wait_for_selector("#facets[data-ready]", timeout=10_000)
    assert page.locator("#facet-actor a.actor-page").first.get_attribute("href") == "/actors/Malian%20Armed%20Forces"
    page.locator("#facet-claimant a.actor-page").first.click()
    page.wait_for_selector("#actor-claims")
    assert page.inner_text("#actor-name") == "Ministry of Defence of Mali"

    # the ministry's claims over time: per month, the denials apart
    bars = page.locator("#actor-claims rect.claim")
    months = {(b.get_attribute("data-month"), "m-denied" in (b.get_attribute("class") or "")):
              int(b.get_attribute("data-count")) for b in bars.all()}
    claimed = [r for r in ROWS if r[5] == MOD]
    assert sum(months.values()) == len(claimed)
    assert months[("2024-02", True)] == sum(1 for r in claimed if r[1].startswith("2024-02") and r[6] == "denied")
    assert ("1515-09", False) in months
    shot(page, "28-actor-claims", full_page=False)
    # the JSON twin says the same
    data = page.evaluate("fetch('/actors/Ministry%20of%20Defence%20of%20Mali.json').then(r => r.json())")
    assert data["roles"] == {"claimant": len(claimed)}
    assert datetime.date.fromisoformat(data["events"][0]["date"]).year == 2024
