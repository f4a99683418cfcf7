"""The analyst's web page and JSON API over a chronique store.

    >>> from chronique.serve import create_app
    >>> app = create_app("chronique.db")        # an ASGI app: uvicorn.run(app)

``serve_command`` is the ``chronique serve`` click command.
"""

from __future__ import annotations

from .app import create_app
from .cli import serve_command
from .openapi import openapi_document

__all__ = ["create_app", "openapi_document", "serve_command"]
