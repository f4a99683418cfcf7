"""Opening the app: read-only connections, missing databases, the click command, the OpenAPI document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from chronique import serve
from chronique.errors import StoreError
from chronique.model import Article
from chronique.serve import create_app, openapi_document, serve_command
from chronique.serve._params import FILTER_PARAMS


def test_app_setup_public_names() -> None:
    assert sorted(serve.__all__) == ["create_app", "openapi_document", "serve_command"]
    assert all(hasattr(serve, name) for name in serve.__all__)


def test_app_setup_read_only_connections_refuse_writes(store_path: Path) -> None:
    app = create_app(str(store_path))
    store = app.state.pool.get()
    with pytest.raises(StoreError):
        store.add(Article(id="intruder", text="should not be stored"))
    assert store.get_article("intruder") is None
    app.state.pool.close()


@pytest.mark.parametrize("url", [":memory:", "sqlite://"])
def test_app_setup_refuses_memory_databases(url: str) -> None:
    with pytest.raises(StoreError, match="in-memory"):
        create_app(url)


def test_app_setup_missing_database_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(StoreError, match="chronique ingest"):
        create_app(str(path))
    assert not path.exists()
    create_app(str(path), read_only=False).state.pool.close()  # writable: created and migrated
    assert path.exists()


def test_app_setup_command_options_and_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(serve_command, ["--help"]).output
    for option in ("--db", "--host", "--port", "127.0.0.1", "8000"):
        assert option in help_text
    result = runner.invoke(serve_command, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "chronique ingest" in result.output


def test_app_setup_openapi_lists_what_the_app_serves(client: Any) -> None:
    doc = client.get("/openapi.json").json()
    assert doc == openapi_document(doc["info"]["version"]) and doc["openapi"].startswith("3.")
    names = {p["name"] for p in doc["paths"]["/events.json"]["get"]["parameters"]}
    assert set(FILTER_PARAMS) | {"limit", "offset", "sort"} == names
    for path in doc["paths"]:
        url = path.replace("{event_id}", "e1").replace("{article_id}", "a2").replace("{name}", "Gunmen")
        assert client.get(url).status_code == 200, url
    assert "/events.json" in client.get("/api").text and client.get("/api.json").json() == doc


def test_app_setup_every_page_file_is_package_data() -> None:
    """Every template, script, stylesheet and vendored file (with its licence) goes into the wheel:
    pyproject's package-data globs, expanded as setuptools does (glob, recursive ``**``), cover them."""
    import glob
    import tomllib

    root = Path(__file__).resolve().parents[2]
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["chronique"]
    package = root / "chronique"
    shipped = {Path(p) for pattern in patterns for p in glob.glob(str(package / pattern), recursive=True)}
    needed = [p for folder in ("serve/static", "serve/templates") for p in (package / folder).rglob("*")
              if p.is_file() and "__pycache__" not in p.parts]
    assert needed and not [str(p.relative_to(package)) for p in needed if p not in shipped]
    vendored = {p.relative_to(package / "serve/static/vendor").parts[0] for p in needed if "vendor" in p.parts}
    assert {"leaflet", "leaflet.markercluster", "world-atlas"} <= vendored
    for library in vendored:  # each library with its licence and where it came from
        assert (package / "serve/static/vendor" / library / "LICENSE").is_file(), library
        assert (package / "serve/static/vendor" / library / "README.md").is_file(), library
