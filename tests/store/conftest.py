"""Hand-made articles and events for the store tests (no spaCy model needed)."""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from chronique.model import Actor, Article, Event, Evidence, Quantity
from chronique.store import SQLiteStore, Store, open_store


def make_article(n: int, text: str | None = None, **kw: object) -> Article:
    """Article number ``n``; distinct text so distinct content hashes."""
    return Article(id=kw.pop("id", f"doc{n}"), text=text or f"Texte numéro {n}. Rien à signaler.",
                   title=kw.pop("title", f"Titre {n}"), published=kw.pop("published", "2015-12-24"),
                   lang=kw.pop("lang", "fr"), **kw)  # type: ignore[arg-type]


def make_event(doc_id: str, k: int = 0, **kw: object) -> Event:
    """Event ``k`` of article ``doc_id``, with sensible defaults every field can override."""
    base: dict[str, object] = {
        "id": f"{doc_id}-e{k}", "doc_id": doc_id, "event": ["ASSAULT"], "mode": ["aerial"],
        "actor": [Actor(text="les forces aériennes russes", name="Russian Aerospace Forces",
                        country="RUS", sector="MIL")],
        "recipient": [Actor(text="Daech", name="Islamic State", country=None, sector="REB")],
        "claimant": [Actor(text="le ministère russe de la Défense", name="Ministry of Defence of Russia",
                           country="RUS", sector="GOV")],
        "date": "2015-12-18", "enddate": "2015-12-23", "date_precision": "range",
        "event_loc": {"text": "Syrie", "name": "Syria", "geonameid": 163843, "lat": 35.0, "lon": 38.0,
                      "country_code": "SY", "admin1": None, "precision": "country"},
        "quantities": [Quantity(value=1093, unit="target", text="1.093 cibles")],
        "event_text": ["Les forces aériennes russes ont frappé 1.093 cibles en Syrie."],
        "evidence": [Evidence(start=0, end=20, field="event")],
        "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        "lang": "fr",
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty store of each backend (PostgreSQL skips when no server can be started)."""
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "test.db"))
        assert isinstance(s, SQLiteStore)
    else:
        s = open_store(request.getfixturevalue("pg_url"))
    yield s
    s.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A throw-away PostgreSQL server on a loopback port; yields its admin URL.

    Uses Debian's postgresql package (apt-get install postgresql). The server
    refuses to run as root, so as root the server runs as the 'postgres' user.
    """
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip("psycopg not installed: pip install 'psycopg[binary]' to test the PostgreSQL store")
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("PostgreSQL server binaries not found: apt-get install -y postgresql")
    preexec = None
    workdir = Path(tempfile.mkdtemp(prefix="chronique-pg-"))
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        os.chown(workdir, user.pw_uid, user.pw_gid)

        def preexec() -> None:  # type: ignore[misc]
            os.setgid(user.pw_gid)
            os.setuid(user.pw_uid)

    data, port = workdir / "data", _free_port()
    env = {**os.environ, "LC_ALL": "C"}
    run = {"preexec_fn": preexec, "env": env, "capture_output": True, "text": True, "timeout": 120}
    init = subprocess.run([initdb, "-D", str(data), "-U", "chronique", "--auth=trust", "-E", "UTF8",
                           "--no-locale"], check=False, **run)  # type: ignore[call-overload]
    if init.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[:300]}")
    opts = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = subprocess.run([pg_ctl, "-D", str(data), "-o", opts, "-l", str(workdir / "log"), "-w", "start"],
                           check=False, **run)  # type: ignore[call-overload]
    if start.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        pytest.skip(f"PostgreSQL did not start: {start.stderr.strip()[:300]}")
    try:
        yield f"postgresql://chronique@127.0.0.1:{port}"
    finally:
        subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"], check=False, **run)  # type: ignore[call-overload]
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_database(pg_server: str) -> str:
    """URL of the test server's database in which every test gets its own schema."""
    import psycopg

    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as admin:
        admin.execute("CREATE DATABASE chronique_test")
    return f"{pg_server}/chronique_test"


@pytest.fixture
def pg_url(pg_database: str) -> Iterator[str]:
    """URL of a new, empty schema on the test server (dropped afterwards).

    A schema per test, not a database: CREATE DATABASE costs most of a second.
    """
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_database, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    yield f"{pg_database}?options=-csearch_path%3D{name}"
    with psycopg.connect(pg_database, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture(name="make_article")
def make_article_fixture():  # type: ignore[no-untyped-def]
    """The ``make_article`` factory (fixtures, so test modules need no conftest import)."""
    return make_article


@pytest.fixture(name="make_event")
def make_event_fixture():  # type: ignore[no-untyped-def]
    """The ``make_event`` factory."""
    return make_event
