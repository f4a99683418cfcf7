"""The command line: extract, times, places, ingest (idempotent, robust), events, export, summary."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronique.cli import main

FR = ("Le ministre français de la Défense a rencontré mardi 3 mars 2020 à Bamako son homologue malien. "
      "Les deux ministres ont convenu de renforcer leur coopération, a indiqué le ministère.")
EN = "Protesters rallied in Lagos on Tuesday, police said. Police arrested two men in Abuja on Monday."


def _lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.strip()]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_cli_extract_txt_prints_plover_records(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "bamako.txt"
    f.write_text(FR, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(f)])
    assert res.exit_code == 0, res.output
    recs = _lines(res.stdout)
    assert {r["doc_id"] for r in recs} == {"bamako.txt"}
    types = {t for r in recs for t in r["event"]}
    assert {"CONSULT", "AGREE"} <= types
    for r in recs:
        for key in ("id", "event", "actor", "recipient", "date", "event_loc", "claimant", "modality", "evidence"):
            assert key in r


def test_cli_extract_reads_jsonl_from_stdin(runner: CliRunner) -> None:
    line = json.dumps({"id": "a1", "text": EN, "lang": "en", "published": "2022-10-05"})
    res = runner.invoke(main, ["extract", "-"], input=line + "\n")
    assert res.exit_code == 0, res.output
    recs = _lines(res.stdout)
    assert recs and all(r["doc_id"] == "a1" for r in recs)
    assert "COERCE" in {t for r in recs for t in r["event"]}


def test_cli_times_offsets_point_into_input(runner: CliRunner, tmp_path: Path) -> None:
    text = "\n\nHier matin, le conseil s'est réuni.\n"
    f = tmp_path / "t.jsonl"
    f.write_text(json.dumps({"id": "d", "text": text, "published": "1999-05-20", "lang": "fr"}) + "\n")
    res = runner.invoke(main, ["times", "--lang", "fr", str(f)])
    assert res.exit_code == 0, res.output
    (rec,) = _lines(res.stdout)
    assert text[rec["start"]:rec["end"]] == rec["text"]
    assert rec["value"].startswith("1999-05-19")


def test_cli_places_resolves_geonames(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps({"id": "p", "text": "Heavy rain hit Nairobi and Mombasa.", "lang": "en"}) + "\n")
    res = runner.invoke(main, ["places", "--lang", "en", str(f)])
    assert res.exit_code == 0, res.output
    recs = _lines(res.stdout)
    assert {r["name"] for r in recs} >= {"Nairobi", "Mombasa"}
    assert all(r["country_code"] == "KE" and r["geonameid"] for r in recs)


def test_cli_ingest_twice_stores_once_then_queries_and_exports(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "fr1", "text": FR, "lang": "fr", "published": "2020-03-04"}) + "\n"
                   + json.dumps({"id": "en1", "text": EN, "lang": "en", "published": "2022-10-05"}) + "\n")
    db = str(tmp_path / "c.db")
    first = runner.invoke(main, ["ingest", "--db", db, str(src)])
    assert first.exit_code == 0, first.output
    # stderr is not a terminal here: plain progress lines, the first before the models load
    progress = [x for x in first.stderr.splitlines() if x.startswith("ingest: ")]
    assert progress[0] == "ingest: 0/2 articles, loading models, 0 events"
    assert progress[-1].startswith("ingest: 2/2 articles, ") and progress[-1].endswith(" events")
    n_events = sqlite3.connect(db).execute("SELECT COUNT(*) FROM events").fetchone()[0]
    again = runner.invoke(main, ["ingest", "--db", db, str(src)])
    assert again.exit_code == 0
    assert "2 already stored" in again.stderr, again.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    assert con.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_events

    q = runner.invoke(main, ["events", "--db", db, "--type", "CONSULT"])
    assert q.exit_code == 0
    assert _lines(q.stdout) and all("CONSULT" in r["event"] for r in _lines(q.stdout))
    q = runner.invoke(main, ["events", "--db", db, "--country", "MLI", "--format", "table"])
    assert "CONSULT" in q.stdout

    out = tmp_path / "e.csv"
    ex = runner.invoke(main, ["export", "--db", db, "--format", "acled-csv", "--acled-all", "-o", str(out)])
    assert ex.exit_code == 0, ex.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == n_events and "event_date" in rows[0]
    # by default only what ACLED codes: the consultation (a meeting) is left out
    ex = runner.invoke(main, ["export", "--db", db, "--format", "acled-csv", "-o", str(out)])
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert 0 < len(rows) < n_events and all(r["sub_event_type"] != "Other" for r in rows)
    gj = runner.invoke(main, ["export", "--db", db, "--format", "geojson"])
    assert json.loads(gj.stdout)["type"] == "FeatureCollection"

    summ = runner.invoke(main, ["summary", "--db", db])
    assert "2 articles" in summ.stdout and "CONSULT" in summ.stdout


def test_cli_ingest_bad_inputs_are_reported_and_the_rest_stored(runner: CliRunner, tmp_path: Path) -> None:
    d = tmp_path / "batch"
    d.mkdir()
    (d / "good.txt").write_text(FR, encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Le général a été reçu à Moscou.".encode("latin-1"))
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "lines.jsonl").write_text('{"id": "ok", "text": "Police arrested two men in Abuja.", "lang": "en"}\n'
                                   '{"id": "broken", "text": \n', encoding="utf-8")
    (d / "nav.html").write_text("<html><body><nav><a href='/'>Accueil</a></nav></body></html>", encoding="utf-8")
    db = str(tmp_path / "c.db")
    res = runner.invoke(main, ["ingest", "--db", db, str(d)])
    assert res.exit_code == 1
    errors = [x for x in res.stderr.splitlines() if x.startswith("chronique: error:")]
    for name in ("binary.txt", "latin1.txt", "empty.txt", "lines.jsonl:2", "nav.html"):
        assert sum(name in e for e in errors) == 1, (name, errors)
    ids = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles")}
    assert ids == {"good.txt", "ok"}


@pytest.mark.parametrize("processes", ["1", "2"])
def test_cli_ingest_killed_then_rerun_stores_every_article_once(tmp_path: Path, processes: str) -> None:
    src = tmp_path / "many.jsonl"
    n = 240
    with open(src, "w", encoding="utf-8") as f:
        for i in range(n):
            text = f"Le maire de la commune numéro {i} a rencontré lundi à Lyon le préfet du Rhône."
            f.write(json.dumps({"id": f"a{i}", "text": text, "lang": "fr", "published": "2021-01-06"}) + "\n")
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "chronique", "ingest", "--quiet", "-j", processes, "--db", str(db), str(src)]
    # its own process group: with -j 2 the kill takes the workers too, as a machine crash would
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 240
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.1)
        if db.exists():
            try:
                stored = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 1:
                break
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < n, "the run should be killed midway"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(f"a{i}" for i in range(n))
    orphans = con.execute("SELECT COUNT(*) FROM events WHERE doc_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    assert orphans == 0
    per_article = dict(con.execute("SELECT doc_id, COUNT(*) FROM events GROUP BY doc_id").fetchall())
    assert set(per_article.values()) == {1}, "every article reports one meeting, stored once"
