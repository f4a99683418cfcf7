"""``chronique serve``: the click command the main CLI registers (``main.add_command(serve_command)``)."""

from __future__ import annotations

import click

from ..errors import ChroniqueError

__all__ = ["serve_command"]


@click.command("serve")
@click.option("--db", "db_url", default="chronique.db", show_default=True, envvar="CHRONIQUE_DB",
              help="Database: a SQLite file path or a postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (the default keeps the page on this machine).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
def serve_command(db_url: str, host: str, port: int) -> None:
    """Serve the map, timeline and event pages (and the JSON API) of a store, read-only."""
    import uvicorn  # imported here: the other commands do not need a web server

    from .app import create_app

    try:
        app = create_app(db_url, read_only=True)
    except ChroniqueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"chronique: serving {db_url} on http://{host}:{port}/  (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
