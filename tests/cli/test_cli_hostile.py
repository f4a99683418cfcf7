"""Issue 17's acceptance: 5 good articles, one bad one of each class, 5 good again: the 10 good
ones are stored, every bad one is one error line naming where it is, no traceback, exit 1."""

from __future__ import annotations

import gzip
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from ingest_inputs import article_html, write_warc  # noqa: E402

from chronique.cli import main  # noqa: E402

GOOD = "Le ministre de la Défense a rencontré {day} à Paris son homologue allemand numéro {i}, a indiqué le ministère."


def _good(prefix: str) -> list[str]:
    return [json.dumps({"id": f"{prefix}{i}", "text": GOOD.format(day="lundi", i=f"{prefix}{i}"), "lang": "fr",
                        "published": "2021-01-06"}) for i in range(5)]


def _damaged_warc(path: Path) -> None:
    page = article_html("Rencontre", [GOOD.format(day="mardi", i=k) for k in range(3)], "2021-01-06").encode()
    write_warc(path.with_suffix(".gz"), [(f"https://ex.org/{k}", "text/html", page, 200) for k in range(2)])
    data = gzip.decompress(path.with_suffix(".gz").read_bytes())
    path.with_suffix(".gz").unlink()
    path.write_bytes(data[: data.index(b"WARC/1", 10) + 500])  # second record cut in its body


BAD = {
    "surrogate": json.dumps({"id": "s", "text": "Le pr\ud800sident a rencontré lundi le ministre.", "lang": "fr"}),
    "huge": json.dumps({"id": "h", "text": "mot " * 3_000, "lang": "fr"}),
    "date": json.dumps({"id": "d", "text": GOOD.format(day="mardi", i=0), "published": "2020-13-45T99:99:99"}),
    "id_conflict": json.dumps({"id": "a0", "text": GOOD.format(day="jeudi", i="autre"), "lang": "fr"}),
    "malformed": '{"id": "m", "text": "Le pr',
}


@pytest.mark.parametrize("case", [*BAD, "warc"])
def test_cli_hostile_one_bad_article_never_costs_the_batch(tmp_path: Path, case: str, monkeypatch) -> None:
    monkeypatch.setenv("CHRONIQUE_MAX_ARTICLE_CHARS", "10000")
    inputs = []
    if case == "warc":
        first, warc, last = tmp_path / "first.jsonl", tmp_path / "cut.warc", tmp_path / "last.jsonl"
        first.write_text("\n".join(_good("a")) + "\n", encoding="utf-8")
        _damaged_warc(warc)
        last.write_text("\n".join(_good("b")) + "\n", encoding="utf-8")
        inputs = [str(first), str(warc), str(last)]
        where = f"{warc}#2"
    else:
        batch = tmp_path / "batch.jsonl"
        batch.write_text("\n".join([*_good("a"), BAD[case], *_good("b")]) + "\n", encoding="utf-8")
        inputs = [str(batch)]
        where = f"{batch}:6"
    db = tmp_path / "c.db"
    res = CliRunner().invoke(main, ["ingest", "--db", str(db), *inputs])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output + res.stderr
    assert res.exit_code == 1, res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("chronique: error:")]
    assert len(errors) == 1 and where in errors[0], errors
    if case == "id_conflict":
        assert "'a0'" in errors[0] and f"{inputs[0]}:1" in errors[0]  # both articles named
    ids = {r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles")}
    good = {f"a{i}" for i in range(5)} | {f"b{i}" for i in range(5)}
    assert good <= ids
    assert ids - good <= ({"https://ex.org/0"} if case == "warc" else set())
