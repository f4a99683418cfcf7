"""The Spark job in local mode gives exactly the single-process output.

One run over hand-made JSON lines (with bad lines), a hand-made WARC and, when
``../shared`` is present, the first 200 articles of the OrangeSum French corpus;
compared with ``Pipeline().run(iter_articles(...))`` as ``chronique ingest`` runs it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from scale_inputs import write_jsonl, write_warc

from chronique.export import summary
from chronique.ingest import iter_articles
from chronique.pipeline import Pipeline
from chronique.scale import ARTICLE_COLUMNS, EVENT_COLUMNS, run_spark, spark_command
from chronique.store import _rows as store_rows

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "orangesum-fr" / "articles.jsonl"
SAMPLE = 200
PARTITIONS = 4  # two per core: the second task of each worker shows the warm per-core rate


def _parquet(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("spark-inputs")
    paths = [write_jsonl(folder / "hand.jsonl"), write_warc(folder / "news.warc.gz")]
    if CORPUS.is_file():
        with CORPUS.open("rb") as src:
            sample = b"".join(line for _, line in zip(range(SAMPLE), src))
        (folder / "orangesum-200.jsonl").write_bytes(sample)
        paths.append(folder / "orangesum-200.jsonl")
    return [str(p) for p in paths]


@pytest.fixture(scope="module")
def single(inputs: list[str]) -> dict[str, Any]:
    """What one process finds: article rows (store columns), event records, errors."""
    articles, events, errors = {}, {}, set()
    for p in Pipeline().run(iter_articles(inputs)):
        if p.error is not None:
            errors.add((getattr(p.error, "where", p.article.id), type(p.error).__name__, str(p.error)))
            continue
        articles[p.article.id] = store_rows.article_row(p.article, "")[:-1]
        for ev in p.events:
            events[ev.id] = ev.as_dict()
    return {"articles": articles, "events": events, "errors": errors}


@pytest.fixture(scope="module")
def spark_run(spark: Any, inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("spark-out") / "run"
    counts = run_spark(inputs, str(out), master="local[2]", partitions=PARTITIONS)
    print(f"\nspark local[2] counts: {json.dumps(counts)}")  # per-core rates, for docs/scale.md
    return {"counts": counts, "articles": _parquet(out / "articles"), "events": _parquet(out / "events"),
            "errors": _parquet(out / "errors")}


def test_spark_local_articles_equal_single_process(spark_run: dict[str, Any], single: dict[str, Any]) -> None:
    rows = spark_run["articles"]
    assert rows and list(rows[0]) == list(ARTICLE_COLUMNS)
    got = {r["id"]: tuple(r[c] for c in ARTICLE_COLUMNS[:-1]) for r in rows}
    assert len(got) == len(rows)  # no article written twice
    assert got == single["articles"]
    assert len({r["ingested_at"] for r in rows}) == 1


def test_spark_local_events_equal_single_process(spark_run: dict[str, Any], single: dict[str, Any]) -> None:
    rows = spark_run["events"]
    assert single["events"], "the inputs should hold events, else this comparison proves nothing"
    assert rows and list(rows[0]) == list(EVENT_COLUMNS)
    got = {r["id"]: json.loads(r["record"]) for r in rows}
    assert len(got) == len(rows)
    assert got == single["events"]
    for row in rows:  # the flat columns are the Parquet export's summary of the record
        flat = summary(got[row["id"]])
        assert row["event"] == flat["event"] and row["place"] == flat["place"]
        assert row["geonameid"] == flat["geonameid"] and row["dead"] == flat["dead"]


def test_spark_local_errors_equal_single_process(spark_run: dict[str, Any], single: dict[str, Any]) -> None:
    got = {(r["where"], r["error"], r["message"]) for r in spark_run["errors"]}
    assert len(got) == 3 and got == single["errors"]


def test_spark_local_counts_match_outputs(spark_run: dict[str, Any]) -> None:
    counts = spark_run["counts"]
    assert counts["articles"] == len(spark_run["articles"])
    assert counts["events"] == len(spark_run["events"])
    assert counts["failed"] == len(spark_run["errors"])
    assert counts["partitions"] == PARTITIONS
    assert counts["task_seconds"] > 0 and counts["articles_per_core_second"] > 0
    # the first tasks run in fresh Python workers, which load the French model before their articles
    assert 0 < counts["model_load_seconds"] < counts["task_seconds"]
    assert counts["steady_articles_per_core_second"] > counts["articles_per_core_second"]
    assert 1 <= counts["workers"] <= PARTITIONS


def test_spark_local_reads_corpus_sample(spark_run: dict[str, Any]) -> None:
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} is absent: only the hand-made inputs were compared")
    ids = {r["id"] for r in spark_run["articles"]}
    assert sum(1 for i in ids if i.startswith("orangesum-")) == SAMPLE


def test_spark_command_writes_parquet_and_reports(spark: Any, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "hand.jsonl")
    out = tmp_path / "out"
    pattern = tmp_path.as_uri() + "/*.jsonl"  # a Hadoop glob: expanded file by file, lines numbered per file
    result = CliRunner().invoke(spark_command, ["--lang", "fr", "--partitions", "2", pattern, str(out)])
    assert result.exit_code == 1, result.output  # three bad lines: the run reports failures
    counts = json.loads(result.stdout.splitlines()[0])
    assert (counts["articles"], counts["failed"]) == (4, 3)
    assert {r["lang"] for r in _parquet(out / "articles")} == {"fr"}
    wheres = sorted(r["where"] for r in _parquet(out / "errors"))
    assert [w.rsplit(":", 1)[1] for w in wheres] == ["2", "6", "8"]
    assert all(w.rsplit(":", 1)[0].endswith(str(source)) for w in wheres)
    again = CliRunner().invoke(spark_command, [str(source), str(out)])
    assert again.exit_code == 1 and "already exists" in again.output
