"""``run_spark``: the chronique pipeline over a corpus on Spark, written as Parquet.

    inputs ──plan──▶ units: ("line", (file, n, bytes)) per JSON line (read by Spark,
                     split across executors), ("file", path) per WARC/HTML/other file
           ──mapPartitions──▶ Articles (the ingest readers) ─▶ Pipeline ─▶ tagged rows
           ──write──▶ OUTPUT/articles/  OUTPUT/events/  OUTPUT/errors/   (Parquet)

The per-article work is exactly that of ``chronique ingest`` (same readers, same
pipeline, same ids), so a Spark run and a single-process run give the same
articles and events. pyspark is imported only here, and only when a job runs.
"""

from __future__ import annotations

import glob
import os
import shutil
import sys
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import ConfigError
from ..ingest import GZIP_MAGIC, format_from_name
from ._rows import ARTICLE, ARTICLE_COLUMNS, ERROR, ERROR_COLUMNS, EVENT, EVENT_COLUMNS, INTEGER_COLUMNS, STAT
from ._tasks import WEB_SCHEMES, tag_partition

__all__ = ["OUTPUT_TABLES", "plan_inputs", "run_spark"]

# sub-directory of OUTPUT -> (row tag, columns)
OUTPUT_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "articles": (ARTICLE, ARTICLE_COLUMNS),
    "events": (EVENT, EVENT_COLUMNS),
    "errors": (ERROR, ERROR_COLUMNS),
}
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def _is_local(path: str) -> bool:
    """Whether ``path`` is a plain local path (not a URL; a one-letter scheme is a Windows drive)."""
    scheme = urlsplit(path).scheme
    return scheme == "" or len(scheme) == 1


def _gzip_agrees(path: Path) -> bool:
    """Whether the name's .gz suffix and the gzip magic bytes agree (Hadoop decides by the name only)."""
    try:
        with path.open("rb") as f:
            magic = f.read(2) == GZIP_MAGIC
    except OSError:
        return False
    return magic == (path.suffix.lower() == ".gz")


def plan_inputs(inputs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split the inputs into JSON-lines files (read line by line by Spark) and whole-file units.

    A local JSONL file (``.jsonl``/``.ndjson``, optionally ``.gz``) or a remote
    one (``hdfs://``, ``s3a://`` ...) is read by Spark and its lines spread over
    the executors. Everything else (WARC, HTML, text, JSON, URLs to fetch, a
    missing path, which then gives its usual error) is one unit read by
    ``iter_articles`` in an executor. A folder is expanded into its files when it
    holds only JSONL and WARC files (their ids do not depend on the folder);
    otherwise it stays one unit, so that file-name ids are those of ``ingest``.
    """
    from ..ingest import walk  # the folder walk of ingest: same order, same skipped files

    jsonl: list[str] = []
    files: list[str] = []
    expanded: list[str] = []
    for given in inputs:
        # a quoted local pattern (too many files for the shell): expanded here, in name order
        matches = sorted(glob.glob(given)) if _is_local(given) and glob.has_magic(given) else []
        expanded.extend(matches or [given])
    for given in expanded:
        if not _is_local(given):
            url = urlsplit(given)
            # Spark reads JSONL from its own file systems (hdfs, s3a, gs, file); executors fetch the rest
            spark_reads = format_from_name(Path(url.path)) == "jsonl" and url.scheme not in WEB_SCHEMES
            (jsonl if spark_reads else files).append(given)
            continue
        path = Path(given)
        if path.is_dir():
            found = walk(path)
            kinds = {format_from_name(f) for f, _ in found}
            if found and kinds <= {"jsonl", "warc"}:
                for f, _ in found:
                    (jsonl if format_from_name(f) == "jsonl" and _gzip_agrees(f) else files).append(str(f))
            else:
                files.append(given)
        elif path.is_file() and format_from_name(path) == "jsonl" and _gzip_agrees(path):
            jsonl.append(given)
        else:
            files.append(given)
    return jsonl, files


def _session(master: str) -> tuple[Any, bool]:
    """The active SparkSession (reused, e.g. under spark-submit), else a new one on ``master``."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError("the Spark job needs pyspark: pip install pyspark (and a Java 17+ runtime)") from exc
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise ConfigError("Spark needs a Java runtime (17 or later) and none was found: install one "
                          "(Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME")
    # spark-submit sets this variable: its own --master and --conf then govern
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    local = master.startswith("local") and not submitted
    builder = SparkSession.builder.appName("chronique").config("spark.ui.showConsoleProgress", "false")
    if not submitted:
        builder = builder.master(master)
    if local:
        # Local workers inherit this environment: they must run this interpreter (it has chronique and
        # the models) and import this chronique even when it is not installed. Not on a cluster, where
        # the driver's paths mean nothing to the executors (spark.pyspark.python says what to run).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        parts = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
        if _PACKAGE_ROOT not in parts:
            os.environ["PYTHONPATH"] = os.pathsep.join([_PACKAGE_ROOT, *parts])
        # a web UI per engineer's test run would fight over ports on a shared machine
        builder = builder.config("spark.ui.enabled", "false")
    try:
        return builder.getOrCreate(), True
    except Exception as exc:  # the JVM failing to start: wrong master URL, no Java, port in use
        raise ConfigError(f"cannot start Spark on master {master!r}: {exc}") from exc


def _schema(columns: tuple[str, ...]) -> Any:
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    return StructType([StructField(c, LongType() if c in INTEGER_COLUMNS else StringType(), True)
                       for c in columns])


def _remote_files(sc: Any, pattern: str) -> list[str]:
    """The files a Hadoop glob (``hdfs:///news/*.jsonl.gz``) names, sorted; so that each file's
    lines are numbered from 1, as the single-process reader numbers them."""
    if _is_local(pattern) or not glob.has_magic(pattern):
        return [pattern]
    jvm = sc._jvm  # pyspark exposes Hadoop's FileSystem only through the JVM gateway
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    statuses = path.getFileSystem(sc._jsc.hadoopConfiguration()).globStatus(path)
    found = sorted(str(st.getPath().toString()) for st in statuses or [] if st.isFile())
    if not found:
        raise ConfigError(f"{pattern}: no file matches this pattern")
    return found


def _units(spark: Any, jsonl: list[str], files: list[str], partitions: int | None) -> Any:
    """One RDD of input units, spread over ``partitions`` (default: twice the cores)."""
    sc = spark.sparkContext
    target = partitions or max(2, 2 * sc.defaultParallelism)
    rdds = []
    for name in (f for pattern in jsonl for f in _remote_files(sc, pattern)):
        lines = sc.textFile(name, minPartitions=target, use_unicode=False)
        # zipWithIndex gives each line its number in its file, as the single-process reader counts them
        rdds.append(lines.zipWithIndex().map(lambda pair, n=name: ("line", (n, pair[1] + 1, pair[0]))))
    if files:
        rdds.append(sc.parallelize([("file", f) for f in files], min(len(files), target)))
    if not rdds:
        raise ConfigError("no input given: name JSONL, WARC, HTML or text files (or folders)")
    units = sc.union(rdds) if len(rdds) > 1 else rdds[0]
    if partitions is not None and units.getNumPartitions() != partitions:
        return units.repartition(partitions)
    if units.getNumPartitions() < sc.defaultParallelism:  # one gzipped file is one split: spread it
        return units.repartition(target)
    return units


def _check_output(output: str) -> None:
    if _is_local(output):
        for sub in OUTPUT_TABLES:
            if (Path(output) / sub).exists():
                raise ConfigError(f"{Path(output) / sub} already exists: remove it or choose another OUTPUT")


def run_spark(inputs: list[str], output: str, master: str = "local[2]", lang: str | None = None,
              partitions: int | None = None) -> dict[str, Any]:
    """Run the chronique pipeline over ``inputs`` on Spark and write Parquet under ``output``.

    ``inputs`` are JSONL files (split line by line across executors; local or any
    Hadoop file system URL), WARC/HTML/text/JSON files or folders (one task per
    file), or http(s) URLs of such files, fetched by the executors (CC-NEWS).
    ``master`` is a Spark master URL (``local[N]``, ``spark://host:7077``,
    ``yarn``); an already active SparkSession is used as it is, and under
    ``spark-submit`` its ``--master`` wins (see ``chronique/scale/submit.py``).
    ``lang`` forces the language of every article; ``partitions`` the number of
    tasks (default twice the cores).

    Writes ``output/articles`` (the store's article columns), ``output/events``
    (the Parquet export columns: flat summary + full ``record`` JSON) and
    ``output/errors`` (where, error class, message). Returns counts:
    ``articles``, ``events``, ``failed``, ``partitions``, ``workers`` (Python
    processes that ran tasks), ``seconds`` (wall),
    ``task_seconds`` (summed over tasks, model loading included),
    ``articles_per_core_second`` (all task time), ``model_load_seconds`` (spaCy
    model loads by fresh Python workers, within the task time) and
    ``steady_articles_per_core_second`` (task time without those loads). Raises ConfigError when pyspark or Java is
    missing, the master cannot be reached or an output table already exists.
    """
    if lang is not None and lang not in ("fr", "en"):
        raise ConfigError(f"--lang {lang!r} is not supported: choose fr or en")
    if partitions is not None and partitions < 1:
        raise ConfigError(f"partitions must be at least 1, not {partitions}")
    _check_output(output)
    jsonl, files = plan_inputs(inputs)
    t0 = time.perf_counter()
    spark, owned = _session(master)
    try:
        from pyspark import StorageLevel

        units = _units(spark, jsonl, files, partitions)
        ingested_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        tagged = units.mapPartitions(tag_partition(lang, ingested_at)).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            for sub, (tag, columns) in OUTPUT_TABLES.items():
                rows = tagged.filter(lambda r, t=tag: r[0] == t).map(lambda r: r[1])
                spark.createDataFrame(rows, _schema(columns)).write.mode("errorifexists").parquet(
                    f"{output.rstrip('/')}/{sub}")
            stats = tagged.filter(lambda r: r[0] == STAT).map(lambda r: r[1]).collect()
            n_partitions = units.getNumPartitions()
        finally:
            tagged.unpersist()
    finally:
        if owned:
            spark.stop()
    articles = sum(s[0] for s in stats)
    task_seconds = sum(s[3] for s in stats)
    # without the model loads: the rate a long job settles to once every worker has its model
    load_seconds = sum(s[4] for s in stats)
    work_seconds = task_seconds - load_seconds
    return {
        "articles": articles,
        "events": sum(s[1] for s in stats),
        "failed": sum(s[2] for s in stats),
        "partitions": n_partitions,
        "workers": len({s[5] for s in stats}),
        "seconds": round(time.perf_counter() - t0, 2),
        "task_seconds": round(task_seconds, 2),
        "articles_per_core_second": round(articles / task_seconds, 2) if task_seconds else None,
        "model_load_seconds": round(load_seconds, 2),
        "steady_articles_per_core_second": round(articles / work_seconds, 2) if work_seconds > 0 else None,
        "output": output,
    }
