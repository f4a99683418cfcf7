"""What a newcomer meets first: missing stores, usage errors, the Parquet export, a fast --help.

None of these tests loads a spaCy model: the store is filled with hand-made events.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronique.cli import main
from chronique.model import Actor, Article, Event
from chronique.store import open_store

READ_COMMANDS = [["events"], ["summary"], ["export", "--format", "plover"]]


def _run(*args: str, code: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``chronique ARGS`` in a fresh interpreter (``code`` runs first), as a user's shell would."""
    script = f"import sys\n{code}\nfrom chronique.cli import run\nsys.argv = ['chronique', *{list(args)!r}]\nrun()\n"
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=cwd)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    """A SQLite store holding two events (Syria, Mali), written without the NLP pipeline."""
    path = str(tmp_path / "events.db")
    store = open_store(path)
    for n, (kind, place, cc) in enumerate([("ASSAULT", "Syria", "SY"), ("CONSULT", "Bamako", "ML")]):
        article = Article(id=f"doc{n}", text=f"Texte {n}.", published="2015-12-24", lang="fr")
        event = Event(id=f"doc{n}-e0", doc_id=f"doc{n}", event=[kind], date="2015-12-18",
                      actor=[Actor(text="l'armée", name="Army", country="RUS" if n == 0 else "MLI", sector="MIL")],
                      event_loc={"text": place, "name": place, "lat": 35.0, "lon": 38.0 - n * 46,
                                 "country_code": cc, "precision": "city"},
                      event_text=[f"Texte {n}."], lang="fr")
        assert store.add(article, [event])
    store.close()
    return path


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_cli_read_commands_refuse_a_missing_database(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    res = _run(*command, "--db", str(missing))
    assert res.returncode == 2, res.stderr
    assert res.stderr.count("\n") == 1 and "no such database" in res.stderr and str(missing) in res.stderr
    assert res.stdout == ""
    assert not missing.exists(), "a read command must not create a store"


def test_cli_read_commands_default_database_is_not_created(tmp_path: Path) -> None:
    res = _run("summary", cwd=tmp_path)  # no --db: the setting's default, chronique.db in the folder
    assert res.returncode == 2 and "chronique.db: no such database" in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_export_parquet_writes_the_events(db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the 'parquet' extra (the test extra has it)")
    out = tmp_path / "x.parquet"
    res = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote 2 events" in res.stderr
    table = pq.read_table(out)
    assert sorted(table.column("event").to_pylist()) == ["ASSAULT", "CONSULT"]
    assert {json.loads(r)["doc_id"] for r in table.column("record").to_pylist()} == {"doc0", "doc1"}


def test_cli_export_parquet_without_pyarrow_says_what_to_install(db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.parquet"
    res = _run("export", "--db", db, "--format", "parquet", "-o", str(out),
               code="sys.modules['pyarrow'] = None  # as if the 'parquet' extra were not installed")
    assert res.returncode == 1
    assert res.stderr.count("\n") == 1, res.stderr
    assert "needs pyarrow" in res.stderr and "chronique[parquet]" in res.stderr
    assert not out.exists(), "nothing is written when the export cannot be done"


def test_cli_export_parquet_needs_an_output_file(db: str) -> None:
    res = CliRunner().invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert res.exit_code == 2 and "-o FILE" in res.stderr


@pytest.mark.parametrize("args, says", [
    (["--from", "2015-13-01"], "'2015-13-01' is not a date"),
    (["--from", "yesterday"], "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["--to", "2015/12/31"], "is not a date"),
    (["--from", "2016", "--to", "2015-12"], "2016 is after --to 2015-12"),
    (["--limit", "-1"], "--limit"),
], ids=["month-13", "word", "slashes", "reversed", "negative-limit"])
def test_cli_events_usage_errors_exit_2(db: str, args: list[str], says: str) -> None:
    res = CliRunner().invoke(main, ["events", "--db", db, *args])
    assert res.exit_code == 2, res.output
    assert says in res.stderr and res.stdout == ""


def test_cli_events_date_range_of_different_grains_is_accepted(db: str) -> None:
    res = CliRunner().invoke(main, ["events", "--db", db, "--from", "2015-12-10", "--to", "2015-12"])
    assert res.exit_code == 0, res.output
    assert len(res.stdout.splitlines()) == 2


def test_cli_extract_malformed_dct_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Texte.", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--dct", "24/12/2015", str(f)])
    assert res.exit_code == 2 and "'24/12/2015' is not a date: use YYYY-MM-DD" in res.stderr


def test_cli_unknown_type_lists_the_plover_types(db: str) -> None:
    res = CliRunner().invoke(main, ["events", "--db", db, "--type", "BOMBING"])
    assert res.exit_code == 2
    assert "'BOMBING' is not a PLOVER type" in res.stderr
    assert "AGREE, CONSULT" in res.stderr and "COERCE, ASSAULT" in res.stderr
    ok = CliRunner().invoke(main, ["events", "--db", db, "--type", "assault"])  # any case
    assert ok.exit_code == 0 and [json.loads(x)["event"] for x in ok.stdout.splitlines()] == [["ASSAULT"]]


def test_cli_unknown_country_lists_the_iso_codes(db: str) -> None:
    res = CliRunner().invoke(main, ["export", "--db", db, "--format", "plover", "--country", "XYZ"])
    assert res.exit_code == 2
    assert "'XYZ' is not an ISO 3166-1 country code" in res.stderr
    assert "SYR/SY" in res.stderr and "MLI/ML" in res.stderr and "RUS/RU" in res.stderr
    for code, doc in (("SY", "doc0"), ("RUS", "doc0"), ("MLI", "doc1"), ("Mali", "doc1")):
        ok = CliRunner().invoke(main, ["events", "--db", db, "--country", code])
        assert ok.exit_code == 0 and [json.loads(x)["doc_id"] for x in ok.stdout.splitlines()] == [doc], code


def test_cli_help_never_imports_spacy() -> None:
    """Every --help answers from the CLI's own modules: spaCy (and pyspark, uvicorn) stay unloaded."""
    script = """
import json, sys
from chronique.cli import main
commands = sorted(main.commands)
for args in [["--help"], *[[c, "--help"] for c in commands]]:
    try:
        main(args, prog_name="chronique", standalone_mode=False)
    except SystemExit as exc:
        assert not exc.code, (args, exc.code)
heavy = sorted(m for m in ("spacy", "thinc", "pyspark", "uvicorn", "starlette", "trafilatura", "pyarrow")
               if m in sys.modules)
print(json.dumps({"commands": commands, "heavy": heavy}))
"""
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout.splitlines()[-1])
    assert {"extract", "ingest", "events", "export", "summary", "serve", "spark"} <= set(report["commands"])
    assert report["heavy"] == []
