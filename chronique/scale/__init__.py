"""Scale: the chronique pipeline on Spark, for corpora beyond one machine.

``run_spark(inputs, output, master="local[2]", lang=None, partitions=None)``
reads JSONL (split line by line across executors) and WARC/HTML/text files,
runs the same extraction as ``chronique ingest`` in each partition (models
loaded once per executor process) and writes ``output/articles``,
``output/events`` and ``output/errors`` as Parquet. ``spark_command`` is the
``chronique spark`` click command. pyspark is imported only when a job runs.
"""

from ._rows import ARTICLE_COLUMNS, ERROR_COLUMNS, EVENT_COLUMNS
from .cli import spark_command
from .spark import OUTPUT_TABLES, plan_inputs, run_spark

__all__ = ["ARTICLE_COLUMNS", "ERROR_COLUMNS", "EVENT_COLUMNS", "OUTPUT_TABLES", "plan_inputs", "run_spark",
           "spark_command"]
