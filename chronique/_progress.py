"""Progress of a long run on stderr, and how many articles an input holds (for its ETA).

:class:`Progress` shows articles done, their rate, events found and the time left:
rewritten in place on a terminal, a plain line every few seconds elsewhere (a log
file, ``nohup``, CI), so that a run's log says how far it got.

The rate, and so the time left, is measured from the end of the first batch: the
first articles come out only after the spaCy models are loaded (seconds), and counting
that time would make the early estimates several times too long. Until then the line
says the models are loading.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TextIO

__all__ = ["Progress", "count_hint"]

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


def _duration(seconds: float) -> str:
    s = int(round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


class Progress:
    """Articles done, rate, events and time left for a run over ``total`` articles (None: unknown).

    ``tty`` (default: whether ``stream`` is a terminal) chooses between a line rewritten
    in place at most every ``redraw`` seconds and a plain line every ``every`` seconds;
    either way a last line is written by :meth:`close`. ``warmup`` is how many processed
    articles make the first batch, after which the rate is measured (see the module
    docstring). ``clock`` is for tests.
    """

    def __init__(self, total: int | None, desc: str, stream: TextIO, *, warmup: int = 1, every: float = 5.0,
                 tty: bool | None = None, redraw: float = 0.2,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.desc = desc
        self.stream = stream
        self.warmup = max(1, warmup)
        self.tty = stream.isatty() if tty is None else tty
        self.interval = redraw if self.tty else every
        self.clock = clock
        self.processed = 0  # articles through the pipeline (failed ones included)
        self.skipped = 0  # already stored: no work, so left out of the rate
        self.events = 0
        self._rate_from: tuple[float, int] | None = None  # (time, processed) at the end of the first batch
        self._last_shown = clock()
        self._drawn = False
        self._closed = False

    @property
    def done(self) -> int:
        """Articles dealt with: processed or skipped."""
        return self.processed + self.skipped

    def rate(self) -> float | None:
        """Articles per second since the end of the first batch (None before, or too soon to say)."""
        if self._rate_from is None:
            return None
        t0, n0 = self._rate_from
        elapsed = self.clock() - t0
        return (self.processed - n0) / elapsed if elapsed > 0 and self.processed > n0 else None

    def line(self) -> str:
        """The status line: ``ingest: 120/400 articles, 7.1 articles/s, 310 events, 39 s left``."""
        of = f"/{self.total}" if self.total is not None else ""
        parts = [f"{self.desc}: {self.done}{of} articles"]
        rate = self.rate()
        if self.processed == 0 and not self._closed:
            parts.append("loading models")
        elif rate is not None:
            parts.append(f"{rate:.1f} articles/s")
        parts.append(f"{self.events} event{'' if self.events == 1 else 's'}")
        if self.skipped:
            parts.append(f"{self.skipped} already stored")
        if rate and self.total is not None and self.total > self.done:
            parts.append(f"{_duration((self.total - self.done) / rate)} left")
        return ", ".join(parts)

    def update(self, events: int = 0) -> None:
        """One article went through the pipeline, giving ``events`` events."""
        self.processed += 1
        self.events += events
        if self._rate_from is None and self.processed >= self.warmup:
            self._rate_from = (self.clock(), self.processed)
        self._maybe_show()

    def skip(self) -> None:
        """One article was already stored (not parsed)."""
        self.skipped += 1
        self._maybe_show()

    def write(self, message: str) -> None:
        """A message line (an error) that the status line must not overwrite."""
        self._clear()
        self.stream.write(message + "\n")
        self.stream.flush()

    def start(self) -> None:
        """Write the first status line (before the models load)."""
        self._show(self.clock())

    def close(self) -> None:
        """Write the last status line (and end the line rewritten in place)."""
        self._closed = True
        self._clear()
        self.stream.write(self.line() + "\n")
        self.stream.flush()

    def _maybe_show(self) -> None:
        now = self.clock()
        if now - self._last_shown >= self.interval:
            self._show(now)

    def _show(self, now: float) -> None:
        self._last_shown = now
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K")
            self._drawn = True
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def _clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self._drawn = False

    def __enter__(self) -> Progress:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.close()
        else:
            self._clear()
