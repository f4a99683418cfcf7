"""Near-duplicate articles: MinHash over word shingles, banded for lookup in the store.

A syndicated copy or a lightly edited version of an article (headline words
swapped, a sentence added, a caption dropped) is not a second source: it is
recorded as a copy of the first article stored, and its reports never count as
corroboration. Exact copies are already caught by the content hash; this is for
the others.

Shingles are runs of ``shingle`` words of the casefolded, accent-free text
(MinHash with ``num_perm`` permutations, datasketch). The signature is cut into
``bands`` bands of ``rows`` rows: two articles whose signatures agree on a whole
band are candidates, and a candidate is a copy when the estimated Jaccard
similarity of their shingle sets reaches ``threshold`` — a value measured on
edited copies and on the most similar distinct articles of OrangeSum
(``bench/neardup_threshold.py``, figures in ``docs/cross-merge.md``), kept in
``chronique/data/merge/merge.json``.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash

from ._data import fold, settings

__all__ = ["Signature", "signature", "similarity"]

_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Signature:
    """The MinHash of one article's text, with its band keys (strings the store indexes)."""

    values: np.ndarray

    def bands(self) -> list[str]:
        """One key per band: 'band number:hash of its rows'."""
        cfg = settings()["neardup"]
        rows = cfg["rows"]
        keys = []
        for b in range(cfg["bands"]):
            chunk = self.values[b * rows:(b + 1) * rows].tobytes()
            keys.append(f"{b}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
        return keys

    def hex(self) -> str:
        """The signature as text (stored beside the article)."""
        return self.values.astype("<u8").tobytes().hex()

    @classmethod
    def from_hex(cls, text: str) -> Signature:
        return cls(np.frombuffer(bytes.fromhex(text), dtype="<u8").astype(np.uint64))


def signature(title: str | None, text: str) -> Signature | None:
    """MinHash signature of an article (title and text), or None when it is too short to judge."""
    cfg = settings()["neardup"]
    words = _words(f"{title or ''} {text}")
    if len(words) < cfg["min_words"]:
        return None  # two three-line briefs sharing a phrase are not copies of each other
    k = cfg["shingle"]
    m = MinHash(num_perm=cfg["num_perm"], seed=cfg["seed"])
    m.update_batch([" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)])
    return Signature(m.hashvalues.astype(np.uint64))


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of two articles' shingle sets."""
    if len(a.values) != len(b.values):
        return 0.0
    return float(np.count_nonzero(a.values == b.values)) / len(a.values)


def is_copy(sim: float, published: str | None = None, other_published: str | None = None) -> bool:
    """Whether two articles this similar, published then, are copies of one source."""
    cfg = settings()["neardup"]
    if sim < float(cfg["threshold"]):
        return False
    try:
        days = abs((date.fromisoformat(published[:10]) - date.fromisoformat(other_published[:10])).days)  # type: ignore[index]
    except (TypeError, ValueError):
        return True  # an undated article: similarity alone decides
    return days <= cfg["max_days_apart"]


def describe() -> dict[str, Any]:
    """The near-duplicate settings in force (for reports and docs)."""
    return dict(settings()["neardup"])
