"""The page in a real browser (Debian's chromium driven by Playwright), offline.

Skipped, with the reason, when chromium or playwright is absent. A screenshot
of every step goes to test-artifacts/serve/ (gitignored).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_browser import browser_page, serve, shot


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, in a thread."""
    with serve(store_path) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A chromium page whose every request off the test server is refused (and recorded)."""
    with browser_page(server, tmp_path_factory.mktemp("chromium-profile")) as pg:
        yield pg


def _shot(page: Any, name: str) -> None:
    shot(page, name)


def _wait_drawn(page: Any) -> None:
    page.wait_for_selector("#viz[data-ready]", timeout=10_000)
    assert page.get_attribute("#viz", "data-ready") == "1", page.inner_text("#map-caption")


def test_app_browser_map_timeline_filter_event_download(page: Any, server: str) -> None:
    page.goto(f"{server}/events")
    _wait_drawn(page)
    # 5 located events at 4 places (clustered at this zoom), 5 dated events on 4 distinct days
    assert page.inner_text("#map-caption").startswith("5 located events at 4 places")
    assert page.locator("#map .marker-cluster, #map path.marker").count() >= 1
    assert page.locator("#timeline g.bar").count() == 4
    assert page.locator("#map path.country").count() > 100  # the offline basemap is drawn
    rows_before = page.locator("table.events tbody tr").count()
    assert rows_before == 6
    _shot(page, "01-events-map-timeline")

    page.select_option("#f-type", "ASSAULT")
    page.click("#apply")
    page.wait_for_url("**/events?*type=ASSAULT*")
    _wait_drawn(page)
    assert page.locator("table.events tbody tr").count() == 3
    assert page.inner_text("#count") == "3"
    assert page.inner_text("#map-caption").startswith("3 located events at 2 places")  # Mopti and Kidal only
    _shot(page, "02-filtered-assault")

    with page.expect_download() as info:
        page.click("#download-csv")
    download = info.value
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 3
    _shot(page, "03-download-csv")

    page.locator("a.event-link").last.click()  # newest first: the Mali strike (10 March) is the last row
    page.wait_for_selector("#evidence mark")
    triggers = page.locator("#evidence mark.l-trigger")
    assert triggers.count() >= 1
    assert triggers.first.inner_text() == "bombardé"
    assert page.locator("#evidence mark.l-actor").first.inner_text() == "L'armée française"
    _shot(page, "04-event-evidence")
    assert page.outside_requests == []
    assert page.csp_violations == []


def test_app_browser_timeline_click_filters_dates(page: Any, server: str) -> None:
    page.goto(f"{server}/events")
    _wait_drawn(page)
    page.locator("#timeline g.bar[data-period='2024-05-19']").click()
    page.wait_for_url("**date_from=2024-05-19*")
    _wait_drawn(page)
    assert page.inner_text("#count") == "2"
    _shot(page, "05-timeline-click")


def test_app_browser_xss_article_is_inert(page: Any, server: str) -> None:
    page.goto(f"{server}/articles/a3")
    page.wait_for_selector("#article-text")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text script, #article-text img").count() == 0
    _shot(page, "06-xss-article-inert")


def test_app_browser_facets_sorting_and_a_wrong_country(page: Any, server: str) -> None:
    page.goto(f"{server}/events")
    page.wait_for_selector("#facets[data-ready]", timeout=10_000)
    assert page.get_attribute("#facets", "data-ready") == "1"
    # newest first by default
    dates = page.locator("table.events tbody tr td:first-child").all_inner_texts()
    dated = [d[:10] for d in dates if d[:1].isdigit()]
    assert dated == sorted(dated, reverse=True)
    _shot(page, "07-facets")
    # a facet value narrows the list (the other filters stay)
    page.locator("#facet-country a", has_text="ML").first.click()
    page.wait_for_url("**country=ML*")
    assert page.inner_text("#count") == "4"  # Mopti, Bamako, Kidal twice
    # sorting by date: oldest first, then back
    page.click("#sort-date")
    page.wait_for_url("**sort=date*")
    dated = [d[:10] for d in page.locator("table.events tbody tr td:first-child").all_inner_texts()
             if d[:1].isdigit()]
    assert dated == sorted(dated) and "country=ML" in page.url
    _shot(page, "08-sorted-oldest-first")
    # a country in French works; a misspelt one keeps the other filters and proposes close names
    page.goto(f"{server}/events?type=ASSAULT&country=Mali")
    assert page.inner_text("#count") == "3"
    page.goto(f"{server}/events?type=ASSAULT&country=Malli")
    assert "did you mean Mali (ML)" in page.inner_text("#problem")
    assert page.inner_text("#count") == "3"  # type=ASSAULT still applied
    _shot(page, "09-wrong-country-kept-filters")
    assert page.outside_requests == []
