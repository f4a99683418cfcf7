"""How inputs are split between Spark's line reader and whole-file tasks (no Spark needed)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from chronique.errors import ConfigError
from chronique.scale import plan_inputs, run_spark


def test_spark_plan_splits_jsonl_from_whole_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "x"}\n')
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "2", "text": "y"}\n'))
    (tmp_path / "fake.jsonl.gz").write_text('{"id": "3", "text": "z"}\n')  # named .gz, not gzipped
    (tmp_path / "c.warc.gz").write_bytes(b"")
    (tmp_path / "page.html").write_text("<html></html>")
    given = [str(tmp_path / n) for n in ("a.jsonl", "b.jsonl.gz", "fake.jsonl.gz", "c.warc.gz", "page.html")]
    jsonl, files = plan_inputs([*given, str(tmp_path / "missing.jsonl")])
    assert jsonl == given[:2]
    assert files == [*given[2:], str(tmp_path / "missing.jsonl")]


def test_spark_plan_expands_folders_of_jsonl_and_warc_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2016").mkdir(parents=True)
    (corpus / "2016" / "b.jsonl").write_text("{}\n")
    (corpus / "a.warc.gz").write_bytes(b"")
    (corpus / ".hidden.jsonl").write_text("{}\n")
    jsonl, files = plan_inputs([str(corpus)])
    assert jsonl == [str(corpus / "2016" / "b.jsonl")] and files == [str(corpus / "a.warc.gz")]
    # a text file's id is its path in the folder: the folder stays one unit so that ids match ingest
    (corpus / "note.txt").write_text("Une note.")
    assert plan_inputs([str(corpus)]) == ([], [str(corpus)])


def test_spark_plan_routes_urls_by_who_can_read_them() -> None:
    jsonl, files = plan_inputs(["hdfs://nn/news/2016.jsonl", "s3a://bucket/x.ndjson.gz",
                                "https://data.commoncrawl.org/crawl-data/CC-NEWS/2016/09/x.warc.gz",
                                "https://example.org/dump.jsonl"])
    assert jsonl == ["hdfs://nn/news/2016.jsonl", "s3a://bucket/x.ndjson.gz"]
    assert files == ["https://data.commoncrawl.org/crawl-data/CC-NEWS/2016/09/x.warc.gz",
                     "https://example.org/dump.jsonl"]


def test_spark_run_refuses_bad_arguments_before_starting(tmp_path: Path) -> None:
    (tmp_path / "out" / "events").mkdir(parents=True)
    with pytest.raises(ConfigError, match="already exists"):
        run_spark(["x.jsonl"], str(tmp_path / "out"))
    with pytest.raises(ConfigError, match="not supported"):
        run_spark(["x.jsonl"], str(tmp_path / "new"), lang="de")
    with pytest.raises(ConfigError, match="at least 1"):
        run_spark(["x.jsonl"], str(tmp_path / "new"), partitions=0)


def test_spark_plan_expands_quoted_local_patterns(tmp_path: Path) -> None:
    for name in ("b.jsonl", "a.jsonl", "c.warc.gz"):
        (tmp_path / name).write_bytes(b"" if name.endswith(".gz") else b"{}\n")
    jsonl, files = plan_inputs([str(tmp_path / "*.jsonl"), str(tmp_path / "*.warc.gz"), str(tmp_path / "z*.txt")])
    assert jsonl == [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    assert files == [str(tmp_path / "c.warc.gz"), str(tmp_path / "z*.txt")]  # no match: reported as missing


def test_spark_session_says_how_to_get_pyspark(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from chronique.scale.spark import _session

    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # as if pyspark were not installed
    with pytest.raises(ConfigError, match="pip install pyspark"):
        _session("local[1]")


def test_spark_session_says_how_to_get_java(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: .venv/bin/pip install pyspark")
    from pyspark.sql import SparkSession

    from chronique.scale import spark as spark_module

    monkeypatch.setattr(SparkSession, "getActiveSession", classmethod(lambda cls: None))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(spark_module.shutil, "which", lambda name: None)
    with pytest.raises(ConfigError, match="openjdk-17-jre-headless"):
        spark_module._session("local[1]")
