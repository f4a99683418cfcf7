"""How many articles an input holds, cheaply, for the progress bar's ETA."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

__all__ = ["count_hint"]

_ONE_ARTICLE = (".txt", ".html", ".htm", ".html.gz", ".htm.gz")


def _count(path: Path) -> int | None:
    name = path.name.lower()
    if name.endswith(".jsonl"):
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    if name.endswith(_ONE_ARTICLE):
        return 1
    return None  # WARC, JSON arrays: unknown without reading them


def count_hint(inputs: Sequence[str]) -> int | None:
    """Number of articles in ``inputs`` when it can be known without parsing, else None."""
    total = 0
    for raw in inputs:
        if raw == "-":
            return None
        path = Path(raw)
        if path.is_dir():
            for root, _dirs, files in os.walk(path):
                for f in files:
                    n = _count(Path(root) / f)
                    if n is None:
                        return None
                    total += n
        elif path.is_file():
            n = _count(path)
            if n is None:
                return None
            total += n
    return total
