"""The analyst's web page and JSON API over a chronique store.

    >>> from chronique.serve import create_app
    >>> app = create_app("chronique.db")        # an ASGI app: uvicorn.run(app)

``serve_command`` is the ``chronique serve`` click command.
"""

from __future__ import annotations

from typing import Any

from .cli import serve_command

__all__ = ["create_app", "openapi_document", "serve_command"]


def __getattr__(name: str) -> Any:
    # the app (Starlette, Jinja) loads on first use: every chronique command imports this
    # package to register `serve`, and only `serve` needs the app (~0.3 s of start-up)
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "openapi_document":
        from .openapi import openapi_document

        return openapi_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
