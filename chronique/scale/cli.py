"""``chronique spark INPUT... OUTPUT``: the click command, registered by ``chronique.cli``.

Thin, like every command: parse the options, call :func:`chronique.scale.run_spark`,
print its counts (one JSON line on stdout, a sentence on stderr).
"""

from __future__ import annotations

import json
import sys

import click

from ..errors import ChroniqueError

__all__ = ["spark_command"]


@click.command("spark")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master URL: local[N], spark://host:7077, yarn, k8s://... "
                   "(an active session, as under spark-submit, is used instead).")
@click.option("--lang", type=click.Choice(["fr", "en"]),
              help="Language of every input (default: record's, else detected).")
@click.option("--partitions", type=click.IntRange(min=1),
              help="Number of tasks the input is split into (default: twice the cores).")
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output", nargs=1)
def spark_command(master: str, lang: str | None, partitions: int | None, inputs: tuple[str, ...],
                  output: str) -> None:
    """Extract events from INPUTS (JSONL, WARC, HTML, text files or folders) on Spark.

    Writes OUTPUT/articles, OUTPUT/events and OUTPUT/errors as Parquet, with the
    columns of the store's articles and of `chronique export --format parquet`.
    """
    from .spark import run_spark

    try:
        counts = run_spark(list(inputs), output, master=master, lang=lang, partitions=partitions)
    except ChroniqueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(counts))
    click.echo(f"spark: {counts['articles']} articles, {counts['events']} events, {counts['failed']} failed "
               f"in {counts['seconds']} s ({counts['partitions']} partitions); Parquet under {output}",
               err=True)
    if counts["failed"]:
        sys.exit(1)
