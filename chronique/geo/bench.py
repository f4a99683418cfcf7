"""Figures for `make bench`: gazetteer load time and memory, places per second."""

from __future__ import annotations

import resource
import time
from collections.abc import Iterable
from typing import Any

from .gazetteer import Gazetteer
from .places import find_places

__all__ = ["bench"]


def bench(docs: Iterable[Any], lang: str) -> dict[str, float]:
    """Time the places stage on parsed ``docs`` (spaCy Docs of ``lang``).

    Returns ``load_s`` (what :meth:`Gazetteer.load` took in this process: a
    build when the cache file was missing), ``gazetteer_open_s`` (opening the
    existing file), the process's peak memory (MB, spaCy model included), and
    documents, places and places per second of :func:`find_places` alone
    (parsing excluded).
    """
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    Gazetteer(gaz.path).candidates("Paris")  # what opening costs once the file exists
    open_s = time.perf_counter() - t1
    n_docs = n_places = 0
    t2 = time.perf_counter()
    for doc in docs:
        n_docs += 1
        n_places += len(find_places(doc, lang))
    elapsed = time.perf_counter() - t2
    return {
        "load_s": round(load_s, 3),
        "gazetteer_open_s": round(open_s, 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "docs": n_docs,
        "places": n_places,
        "places_per_s": round(n_places / elapsed, 1) if elapsed else 0.0,
        "docs_per_s": round(n_docs / elapsed, 1) if elapsed else 0.0,
    }
