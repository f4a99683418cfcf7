"""Scale: the chronique pipeline on Spark, for corpora beyond one machine.

``run_spark(inputs, output, master="local[2]", lang=None, partitions=None)``
reads JSONL (split line by line across executors) and WARC/HTML/text files,
runs the same extraction as ``chronique ingest`` in each partition (models
loaded once per executor process) and writes ``output/articles``,
``output/events`` and ``output/errors`` as Parquet. ``spark_command`` is the
``chronique spark`` click command. pyspark is imported only when a job runs.
"""

from typing import Any

from ._rows import ARTICLE_COLUMNS, ERROR_COLUMNS, EVENT_COLUMNS
from .cli import spark_command

_FROM_SPARK = ("OUTPUT_TABLES", "plan_inputs", "run_spark")


def __getattr__(name: str) -> Any:
    # .spark imports the pipeline and so spaCy: loaded on first use, so that registering
    # `chronique spark` does not slow every command (`chronique --help` imports this package)
    if name in _FROM_SPARK:
        from . import spark

        return getattr(spark, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["ARTICLE_COLUMNS", "ERROR_COLUMNS", "EVENT_COLUMNS", "OUTPUT_TABLES", "plan_inputs", "run_spark",
           "spark_command"]
