"""Progress on stderr: plain lines when it is not a terminal, a rate that leaves model loading out."""

from __future__ import annotations

import io

from chronique._progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_plain_lines_every_few_seconds_with_rate_events_and_time_left() -> None:
    out, clock = io.StringIO(), Clock()
    with Progress(100, "ingest", out, warmup=10, every=5.0, tty=False, clock=clock) as p:
        clock.now = 30.0  # the models load: no article comes out for 30 s
        for _ in range(10):  # the first batch, all at once
            p.update(events=2)
        for _ in range(40):  # then 2 articles a second
            clock.now += 0.5
            p.update(events=1)
    lines = out.getvalue().splitlines()
    assert lines[0] == "ingest: 0/100 articles, loading models, 0 events"
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()
    # a line at most every 5 s of the 20 s after loading, plus the first one and the last one
    assert 5 <= len(lines) <= 7, lines
    # 2 articles/s from the end of the first batch: the 30 s of loading do not count
    assert lines[-2].startswith("ingest: ") and "2.0 articles/s" in lines[-2] and "left" in lines[-2]
    assert lines[-1] == "ingest: 50/100 articles, 2.0 articles/s, 60 events, 25 s left"


def test_progress_time_left_ignores_model_loading() -> None:
    out, clock = io.StringIO(), Clock()
    p = Progress(1000, "ingest", out, warmup=16, tty=False, clock=clock)
    clock.now = 60.0  # a slow model load
    for _ in range(16):
        p.update()
    for _ in range(100):
        clock.now += 0.1  # 10 articles a second
        p.update()
    assert p.rate() is not None and abs(p.rate() - 10.0) < 1e-6
    # 884 articles left at 10/s (counting the load, 116 articles in 70 s would say 8 min 53 s)
    assert p.line().endswith("1 min 28 s left"), p.line()


def test_progress_skipped_articles_count_as_done_not_in_the_rate() -> None:
    out, clock = io.StringIO(), Clock()
    p = Progress(30, "ingest", out, warmup=1, tty=False, clock=clock)
    for _ in range(10):
        p.skip()
    p.update(events=3)
    for _ in range(4):
        clock.now += 1.0
        p.update(events=1)
    assert p.done == 15 and p.rate() == 1.0
    assert p.line() == "ingest: 15/30 articles, 1.0 articles/s, 7 events, 10 already stored, 15 s left"


def test_progress_on_a_terminal_rewrites_one_line_and_keeps_messages() -> None:
    out, clock = io.StringIO(), Clock()
    with Progress(None, "ingest", out, tty=True, clock=clock) as p:
        clock.now = 1.0
        p.update(events=1)
        p.write("chronique: error: a.txt: empty")
        clock.now = 2.0
        p.update()
    text = out.getvalue()
    assert text.startswith("\ringest: 0 articles, loading models, 0 events\x1b[K")
    assert "\r\x1b[Kchronique: error: a.txt: empty\n" in text
    assert text.endswith("\r\x1b[Kingest: 2 articles, 1.0 articles/s, 1 event\n")
