"""The analyst's web app: events on a map and a timeline, filters, event and article pages.

Every HTML page has a JSON twin at the same URL plus ``.json`` (``/events`` and
``/events.json``, ``/events/ID`` and ``/events/ID.json``); any filtered view can
be downloaded as CSV (ACLED columns), GeoJSON or PLOVER JSON lines by changing
the suffix. The app only reads: it answers GET and HEAD, opens SQLite
connections with ``query_only``, and passes every filter as a bound parameter.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
from collections.abc import AsyncIterator, Iterator
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import crossmerge
from ..errors import ConfigError, StoreError
from ..export import export
from ..store import _views
from . import _article
from ._highlight import passages
from ._params import FILTER_PARAMS, SORTS, View, parse_view
from ._render import STATIC_DIR, palette, palette_css, render
from ._stores import StorePool, check_database
from .openapi import VERSION, openapi_document

__all__ = ["SECURITY_HEADERS", "create_app"]

# No inline script or style attribute can run: article text that slipped
# through escaping would still be inert. Nothing is fetched from elsewhere.
SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                                "frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
# download suffix -> (chronique.export format, media type)
DOWNLOADS = {
    "csv": ("acled-csv", "text/csv; charset=utf-8"),
    "geojson": ("geojson", "application/geo+json"),
    "jsonl": ("plover", "application/x-ndjson; charset=utf-8"),
}
_CHUNK = 64 * 1024
MODALITIES = ("asserted", "agreed", "planned", "denied", "hypothetical")
PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "range", "publication")
_FACET_LIMIT = 200
_ACTOR_PAGE = 50
_ANALYSE = {"": False, "0": False, "false": False, "no": False, "1": True, "true": True, "yes": True}
_LOG = logging.getLogger("chronique.serve")


class _SecurityHeaders:
    """Pure ASGI middleware adding SECURITY_HEADERS to every response (cheaper than BaseHTTPMiddleware)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _split_suffix(raw: str, suffix: str = ".json") -> tuple[str, bool]:
    """``("ID", True)`` for ``"ID.json"``; ids themselves may contain dots."""
    return (raw[: -len(suffix)], True) if raw.endswith(suffix) else (raw, False)


def _lookup(raw: str, get: Any) -> tuple[Any, str, bool]:
    """(record, id, as_json) for a path "ID" or "ID.json": ``get(id)`` finds the record;
    an id that itself ends in ".json" is found whole and served as HTML."""
    key, as_json = _split_suffix(raw)
    record = get(key)
    if record is None and as_json and (whole := get(raw)) is not None:
        return whole, raw, False
    return record, key, as_json


def _error(status: int, message: str, as_json: bool) -> Response:
    if as_json:
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return HTMLResponse(render("error.html", status=status, message=message), status_code=status)


def _article_summary(article: Any) -> dict[str, Any] | None:
    if article is None:
        return None
    return {"id": article.id, "title": article.title, "url": article.url, "published": article.published,
            "outlet": article.outlet, "lang": article.lang}


def _event_or_merged(store: Any) -> Any:
    """Find an article-level record by id, else the founding report of a merged event of that id
    (a merged event whose founder's id was taken is '<id>-2')."""
    def get(event_id: str) -> dict[str, Any] | None:
        record = store.get_event(event_id)
        if record is None and hasattr(store, "get_merged"):
            merged = store.get_merged(event_id)
            if merged and merged.get("reports"):
                record = store.get_event(merged["reports"][0]["id"])
        return record
    return get


class _Handlers:
    """The endpoints, bound to one StorePool (synchronous: Starlette runs them in its thread pool)."""

    def __init__(self, pool: StorePool, read_only: bool) -> None:
        self.pool = pool
        self.read_only = read_only

    # -- events list ---------------------------------------------------------

    def _list(self, view: View) -> dict[str, Any]:
        store = self.pool.get()
        events = list(store.query_events(**view.filters, limit=view.limit, offset=view.offset, order=view.sort))
        titles = _views.article_titles(store, [e.get("doc_id") or "" for e in events])
        for e in events:
            e["article"] = titles.get(e.get("doc_id") or "")  # shown instead of the id
        count = store.count_events(**view.filters)
        nxt = view.offset + view.limit if view.offset + view.limit < count else None
        prev = max(0, view.offset - view.limit) if view.offset else None
        return {"count": count, "limit": view.limit, "offset": view.offset, "filters": view.params,
                "next": None if nxt is None else f"/events.json?{view.query(offset=nxt)}",
                "previous": None if prev is None else f"/events.json?{view.query(offset=prev or None)}",
                "sort": view.sort, "events": events}

    def _checked(self, view: View, as_json: bool) -> tuple[View, str | None]:
        """The view, or for a page, the view without the filter whose value is wrong, and the message.

        A wrong value ("country=Syrai") answers 400 to programs; a person keeps the page with the
        other filters applied and a message saying what was wrong and what is close."""
        try:
            self._probe(view.filters)
            return view, None
        except ConfigError as exc:
            if as_json:
                raise
            for name, (keyword, _, _) in FILTER_PARAMS.items():
                if keyword in view.filters:
                    try:
                        self._probe({keyword: view.filters[keyword]})
                    except ConfigError:
                        kept = View(filters={k: v for k, v in view.filters.items() if k != keyword},
                                    params={k: v for k, v in view.params.items() if k != name},
                                    limit=view.limit, offset=0, sort=view.sort)
                        return kept, str(exc)
            raise

    def _probe(self, filters: dict[str, Any]) -> None:
        """Raise ConfigError if ``filters`` hold a value the store cannot read (no rows are read)."""
        store = self.pool.get()
        store._where(dict(filters))  # builds the clauses: resolves countries, dates, ...

    def events(self, request: Request) -> Response:
        suffix = request.path_params.get("suffix") or ""
        as_json = suffix == "json"
        view, problem = self._checked(parse_view(request.query_params), suffix in ("json", *DOWNLOADS))
        if suffix in DOWNLOADS:
            # /events.csv holds what ACLED would code unless ?acled_all=1 (as export --acled-all)
            return self._download(view, suffix, request.query_params.get("acled_all") in ("1", "true"))
        if suffix not in ("", "json"):
            return _error(404, f"no such format .{suffix}: use .json, {', '.join('.' + s for s in DOWNLOADS)}",
                          as_json)
        data = self._list(view)
        if as_json:
            return JSONResponse(data)
        # the store's total (an index count), not stats(): those scan the whole store on every page
        total = self.pool.get().count_events() if view.filters else data["count"]
        # a wrong filter value is still a 400, but the page keeps the other filters and says what is close
        return HTMLResponse(status_code=400 if problem else 200, content=render(
            "events.html", data=data, view=view, total=total, filter_params=FILTER_PARAMS, problem=problem,
            sorts=SORTS, modalities=MODALITIES, precisions=PRECISIONS,
            types=list(palette()["types"]), downloads=list(DOWNLOADS),
            next_query=view.query(offset=data["offset"] + data["limit"]) if data["next"] else None,
            prev_query=view.query(offset=max(0, data["offset"] - data["limit"]) or None) if data["previous"]
            else None))

    def _download(self, view: View, suffix: str, acled_all: bool = False) -> Response:
        fmt, media = DOWNLOADS[suffix]
        store = self.pool.get()
        # Spooled: a small export stays in memory, a whole-store one goes to disk, not to RAM.
        # closed by chunks() once sent: a with-block here would close it before the response streams
        spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8", newline="")
        sources = store.article_sources() if fmt == "acled-csv" else None
        export(store.query_events(**view.filters), fmt, spool, sources=sources,  # type: ignore[arg-type]
               acled_all=acled_all)
        spool.seek(0)

        def chunks() -> Iterator[str]:
            with spool:
                while block := spool.read(_CHUNK):
                    yield block

        name = f"chronique-events.{suffix}"
        return StreamingResponse(chunks(), media_type=media,
                                 headers={"content-disposition": f'attachment; filename="{name}"'})

    # -- aggregates for the map and the timeline -----------------------------

    def timeline(self, request: Request) -> Response:
        view = parse_view(request.query_params)
        periods = request.query_params.getlist("period")
        if len(periods) > 1 or (periods and periods[0] not in _views.PERIODS):
            raise ConfigError(f"period={periods[-1][:30]!r}: choose one of {', '.join(_views.PERIODS)}")
        period = periods[0] if periods else "day"
        store = self.pool.get()
        rows = _views.events_per_period(store, period, **view.filters)
        days = rows if period == "day" else _views.events_per_period(store, "day", **view.filters)
        # the days worth drawing (the bulk of the data) and how many events fall outside them
        return JSONResponse({"period": period, "filters": view.params, "counts": rows,
                             "domain": _views.timeline_domain(days)})

    def map(self, request: Request) -> Response:
        view = parse_view(request.query_params)
        points = _views.map_points(self.pool.get(), **view.filters)
        return JSONResponse({"filters": view.params, "points": points})

    def facets(self, request: Request) -> Response:
        """Counts of the filtered events by country, admin1, week, month, type, actor, claimant, ...

        ``by`` (repeatable) picks the facets, all by default; ``top`` caps each list."""
        view = parse_view(request.query_params)
        wanted = [b for v in request.query_params.getlist("by") for b in v.split(",") if b.strip()]
        for b in wanted:
            if b not in _views.FACETS:
                raise ConfigError(f"by={b[:30]!r}: choose among {', '.join(_views.FACETS)}")
        top = request.query_params.get("top") or "20"
        if not top.isdigit() or not 1 <= int(top) <= _FACET_LIMIT:
            raise ConfigError(f"top={top[:30]!r} must be an integer between 1 and {_FACET_LIMIT}")
        store = self.pool.get()
        facets = {b: _views.facet_counts(store, b, int(top), **view.filters) for b in wanted or _views.FACETS}
        return JSONResponse({"filters": view.params, "facets": facets})

    def stats(self, request: Request) -> Response:
        return JSONResponse(self.pool.get().stats())

    def palette(self, request: Request) -> Response:
        if request.path_params.get("suffix") == "css":
            return Response(palette_css(), media_type="text/css")
        return JSONResponse({k: v for k, v in palette().items() if not k.startswith("_")})

    # -- one event, one article ---------------------------------------------

    def event(self, request: Request) -> Response:
        store = self.pool.get()
        record, event_id, as_json = _lookup(request.path_params["event_id"], _event_or_merged(store))
        if record is None:
            return _error(404, f"no event {event_id!r} in this database", as_json)
        merged = store.merged_of(record["id"]) if hasattr(store, "merged_of") else None
        article = store.get_article(record.get("doc_id") or "")
        found = passages(article.text, record) if article else []
        for p in found:  # JSON readers get the passage text too, not only its pieces
            p["text"] = "".join(s["text"] for s in p["segments"])
        # the merged event this record is a report of: every report, who says what, where they disagree
        data = {"event": record, "article": _article_summary(article), "passages": found, "merged": merged,
                "disagreements": crossmerge.disagreements(merged) if merged else []}
        if as_json:
            return JSONResponse(data)
        return HTMLResponse(render("event.html", **data))

    def article(self, request: Request) -> Response:
        store = self.pool.get()
        article, article_id, as_json = _lookup(request.path_params["article_id"], store.get_article)
        if article is None:
            return _error(404, f"no article {article_id!r} in this database", as_json)
        raw = request.query_params.getlist("analyse")
        if len(raw) > 1 or (raw and raw[0].strip().lower() not in _ANALYSE):
            raise ConfigError(f"analyse={raw[-1][:30]!r}: use 1 (parse the article again) or 0")
        analyse = bool(raw) and _ANALYSE[raw[0].strip().lower()]
        events = list(store.query_events(doc_id=article.id))
        entities = _article.entities(article, events, analyse=analyse)
        if as_json:
            return JSONResponse({"article": article.as_dict(), "entities": entities, "events": events})
        return HTMLResponse(render("article.html", article=article, events=events, analysed=analyse,
                                   segments=_article.segments_of(article.text, entities),
                                   labels=sorted({e["label"] for e in entities})))

    def actor(self, request: Request) -> Response:
        """One actor (canonical name): its roles, types, partners, claims over time and events."""
        store = self.pool.get()
        raw = request.path_params["name"]
        name, key, as_json = _lookup(raw, lambda value: _views.actor_name(store, value))
        if name is None:
            return _error(404, f"no actor named {key!r} in this database (actor pages are by canonical name)",
                          as_json)
        offset = parse_view({"offset": request.query_params.get("offset")}).offset
        profile = _views.actor_profile(store, name, limit=_ACTOR_PAGE, offset=offset)
        titles = _views.article_titles(store, [e.get("doc_id") or "" for e in profile["events"]])
        for e in profile["events"]:
            e["article"] = titles.get(e.get("doc_id") or "")
        if as_json:
            return JSONResponse(profile)
        return HTMLResponse(render("actor.html", profile=profile, page=_ACTOR_PAGE,
                                   claims=_claims_chart(profile["claims"])))

    # -- API description -----------------------------------------------------

    def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi_document(VERSION))

    def api(self, request: Request) -> Response:
        doc = openapi_document(VERSION)
        if request.path_params.get("suffix") == "json":
            return JSONResponse(doc)
        return HTMLResponse(render("api.html", doc=doc))


def _claims_chart(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars of an actor's claims per month, stacked by modality, as SVG coordinates for the template."""
    months: dict[str, dict[str, int]] = {}
    for c in claims:
        months.setdefault(c["month"], {})[c["modality"] or "asserted"] = c["count"]
    if not months:
        return {"bars": [], "width": 0, "height": 0, "max": 0}
    top = max(sum(m.values()) for m in months.values())
    step, height = 18, 90
    bars = []
    for i, (month, by_modality) in enumerate(sorted(months.items())):
        base = height
        for modality, n in sorted(by_modality.items()):
            h = max(1, round(n / top * (height - 10)))
            bars.append({"x": i * step, "y": base - h, "h": h, "month": month, "modality": modality, "count": n})
            base -= h
    return {"bars": bars, "width": len(months) * step, "height": height, "max": top,
            "first": min(months), "last": max(months)}


def _warm(pool: StorePool) -> None:
    from ..store import _search

    with contextlib.suppress(Exception):  # a search reads them again, and reports what fails
        _search.registry_names("warm")
        _search.country_lookup("warm")
        store = pool.get()
        store._where({"type": ["warm"]})  # whether any event is background, or of two types


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith((".json", ".geojson", ".jsonl", ".csv"))


async def _errors(request: Request, exc: Exception) -> Response:
    """400 for a bad parameter (the message names it); 500 for anything else, whose details
    (they may name files or the database) go to the server log, never to the client."""
    if isinstance(exc, ConfigError):
        return _error(400, str(exc), _wants_json(request))
    _LOG.error("%s %s failed: %s: %s", request.method, request.url.path, type(exc).__name__, exc)
    return _error(500, "internal error; the server log has the details", _wants_json(request))


async def _http_errors(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 (no route) and 405, in the app's format (JSON for .json paths)."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    message = {404: "no such page", 405: "method not allowed: this app only answers GET and HEAD"}.get(
        status, "request refused")
    response = _error(status, message, _wants_json(request))
    if isinstance(exc, HTTPException) and exc.headers:
        response.headers.update(exc.headers)
    return response


class _App(Starlette):
    """Starlette with the security headers outside its error middleware: a 500 carries them too."""

    def build_middleware_stack(self) -> ASGIApp:
        return _SecurityHeaders(super().build_middleware_stack())


def create_app(db_url: str, read_only: bool = True) -> Starlette:
    """The ASGI app serving the store at ``db_url`` (run it with uvicorn).

    ``read_only`` (default): connections refuse writes and the schema is not
    migrated, so the database must exist (StoreError otherwise, with the
    command that fills one). With ``read_only=False`` the store is created or
    upgraded on open (the app itself still never writes events).
    """
    check_database(db_url, read_only)
    pool = StorePool(db_url, read_only=read_only)
    pool.get().count_events()  # fail now, not on the first request, if the file is not a chronique store
    h = _Handlers(pool, read_only)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # the actor registry, the country names and the store's cached values, read before the
        # server takes requests (3 s): read in a thread while the first requests ran, they held
        # the interpreter's lock long enough to make those the slowest of a load test (p99 0.9 s)
        await run_in_threadpool(_warm, pool)
        yield
        pool.close()

    routes = [
        Route("/", lambda request: RedirectResponse("/events", status_code=307), methods=["GET", "HEAD"]),
        Route("/events", h.events, methods=["GET", "HEAD"]),
        Route("/events.{suffix}", h.events, methods=["GET", "HEAD"]),
        Route("/events/{event_id:path}", h.event, methods=["GET", "HEAD"]),
        Route("/articles/{article_id:path}", h.article, methods=["GET", "HEAD"]),
        Route("/actors/{name:path}", h.actor, methods=["GET", "HEAD"]),
        Route("/timeline.json", h.timeline, methods=["GET", "HEAD"]),
        Route("/map.json", h.map, methods=["GET", "HEAD"]),
        Route("/stats.json", h.stats, methods=["GET", "HEAD"]),
        Route("/facets.json", h.facets, methods=["GET", "HEAD"]),
        Route("/palette.{suffix}", h.palette, methods=["GET", "HEAD"]),
        Route("/openapi.json", h.openapi, methods=["GET", "HEAD"]),
        Route("/api", h.api, methods=["GET", "HEAD"]),
        Route("/api.{suffix}", h.api, methods=["GET", "HEAD"]),
        Mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static"),
    ]
    app = _App(routes=routes, lifespan=lifespan,
               exception_handlers={ConfigError: _errors, StoreError: _errors, HTTPException: _http_errors,
                                   Exception: _errors})
    app.state.pool = pool
    app.state.read_only = read_only
    return app

