"""Executor-side reading: JSON lines handed over one by one read exactly as ``iter_articles`` reads
the file, whole files (also by URL) likewise; rows tagged per article (no Spark, no spaCy model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scale_inputs import write_jsonl, write_warc

from chronique.errors import InputError
from chronique.ingest import iter_articles
from chronique.model import Article
from chronique.pipeline import Pipeline
from chronique.scale._rows import ARTICLE, ERROR, EVENT, STAT
from chronique.scale._tasks import file_items, jsonl_line_items, process_items, tag_partition


def _key(item: Article | InputError) -> tuple[Any, ...]:
    if isinstance(item, InputError):
        return ("error", type(item).__name__, item.where, item.problem)
    return ("article", tuple(sorted(item.as_dict().items())))


def _lines(path: Path) -> list[tuple[str, int, bytes]]:
    # as Spark's textFile + zipWithIndex give them: line terminators dropped, numbered from 1
    return [(str(path), n, raw) for n, raw in enumerate(path.read_bytes().split(b"\n"), start=1)]


def test_tasks_jsonl_lines_read_as_the_file_reader(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl")
    expected = [_key(i) for i in iter_articles([str(path)])]
    got = [_key(i) for i in jsonl_line_items(_lines(path), None)]
    assert got == expected
    kinds = [k[0] for k in got]
    assert kinds.count("article") == 4 and kinds.count("error") == 3


def test_tasks_jsonl_lines_in_any_order_keep_their_numbers(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl")
    expected = sorted(_key(i) for i in iter_articles([str(path)], lang="fr"))
    got = sorted(_key(i) for i in jsonl_line_items(reversed(_lines(path)), "fr"))
    assert got == expected


def test_tasks_file_items_read_warc_by_path_and_by_url(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "news.warc.gz")
    expected = [_key(i) for i in iter_articles([str(path)])]
    assert [_key(i) for i in file_items([str(path)], None)] == expected
    url = path.as_uri()
    by_url = list(file_items([url], None))
    assert [a.id for a in by_url] == ["https://exemple.fr/monde/1", "https://exemple.fr/monde/2"]
    assert all(isinstance(a, Article) and a.source and a.source.startswith(url + "#") for a in by_url)
    assert [a.text for a in by_url] == [a.text for a in iter_articles([str(path)])]  # type: ignore[union-attr]


def test_tasks_file_items_report_unreachable_url(tmp_path: Path) -> None:
    url = (tmp_path / "missing.warc.gz").as_uri()
    (item,) = list(file_items([url], None))
    assert isinstance(item, InputError) and item.where == url


def test_tasks_process_items_tags_rows_and_counts(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl")
    rows = list(process_items(iter_articles([str(path)]), Pipeline(stages=("lang", "time")), "T"))
    tags = [tag for tag, _ in rows]
    assert tags.count(ARTICLE) == 4 and tags.count(ERROR) == 3 and tags.count(EVENT) == 0
    assert tags[-1] == STAT and tags.count(STAT) == 1
    done, events, failed, seconds, load_seconds, _pid = rows[-1][1]
    assert (done, events, failed) == (4, 0, 3) and seconds >= 0
    assert load_seconds == 0.0  # no parse stage: no model to load
    assert all(values[-1] == "T" for tag, values in rows if tag == ARTICLE)


def test_tasks_tag_partition_reads_mixed_units(tmp_path: Path) -> None:
    jsonl, warc = write_jsonl(tmp_path / "in.jsonl"), write_warc(tmp_path / "news.warc.gz")
    units = [("line", line) for line in _lines(jsonl)] + [("file", str(warc)), ("bogus", "x")]
    run = tag_partition("fr", "T", make_pipeline=lambda: Pipeline(lang="fr", stages=("lang", "time")))
    rows = list(run(iter(units)))
    ids = [values[0] for tag, values in rows if tag == ARTICLE]
    assert ids[:3] == ["fr-1", "fr-2", "fr-3"] and ids[-2:] == ["https://exemple.fr/monde/1", "https://exemple.fr/monde/2"]
    errors = [values for tag, values in rows if tag == ERROR]
    assert len(errors) == 4 and errors[-1][0] == "x"
