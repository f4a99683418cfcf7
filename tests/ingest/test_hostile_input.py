"""Hostile and broken input: every bad article is one InputError naming where it is; nothing raises,
nothing bad passes silently, and the good articles around it are read."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_inputs import article_html, write_warc

from chronique.errors import EncodingError, FormatError, InputError
from chronique.ingest import Options, iter_articles
from chronique.ingest._records import article_from_record
from chronique.model import Article

GOOD = "Le ministre a rencontré lundi à Paris son homologue allemand pour parler de la crise."
PARAGRAPHS = [GOOD, "Les deux ministres ont signé mardi un accord de coopération militaire à Berlin.",
              "La prochaine réunion aura lieu au printemps à Varsovie, selon le ministère."]
PAGE = article_html("Rencontre à Paris", PARAGRAPHS, "2021-01-06").encode()


def read(*paths: Path, **kwargs: object) -> list[Article | InputError]:
    return list(iter_articles([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["text", "title", "id", "outlet", "url", "published"])
def test_hostile_input_lone_surrogate_in_any_field_is_one_error(tmp_path: Path, field: str) -> None:
    good = [json.dumps({"id": f"g{i}", "text": GOOD, "lang": "fr"}) for i in range(5)]
    bad = {"id": "bad", "text": GOOD, "lang": "fr", field: "Le pr\ud800sident"}
    path = tmp_path / "batch.jsonl"
    # json.dumps writes the lone surrogate as the escape "\ud800", as the probe did
    path.write_text("\n".join([*good, json.dumps(bad), *good]) + "\n", encoding="utf-8")
    items = read(path)
    assert sum(isinstance(i, Article) for i in items) == 10
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert isinstance(err, EncodingError) and err.where == f"{path}:6" and f'"{field}"' in err.problem
    for a in items:
        if isinstance(a, Article):
            a.content_hash  # noqa: B018 - must not raise


def test_hostile_input_content_hash_never_raises() -> None:
    assert len(Article(id="x", text="Le pr\ud800sident", title="\udfff").content_hash) == 64
    assert Article(id="x", text="é").content_hash == Article(id="y", text="é").content_hash


def test_hostile_input_oversize_text_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("mot " * 300, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "big.jsonl").write_text(json.dumps({"id": "b", "text": "mot " * 300}) + "\n", encoding="utf-8")
    opts = Options(max_chars=1000)
    err = article_from_record({"id": "b", "text": "x" * 1001}, "f.jsonl:1", opts)
    assert isinstance(err, InputError) and "max_article_chars" in err.problem and err.where == "f.jsonl:1"
    import os

    os.environ["CHRONIQUE_MAX_ARTICLE_CHARS"] = "1000"
    try:
        items = read(tmp_path)
    finally:
        del os.environ["CHRONIQUE_MAX_ARTICLE_CHARS"]
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Article"]
    assert all("max_article_chars" in str(i) for i in items[:2])


@pytest.mark.parametrize("value", ["2020-13-45T99:99:99", "2021-02-30", "2020-01-01T25:00", "hier", 20200101])
def test_hostile_input_impossible_publication_date_is_refused_naming_the_field(value: object) -> None:
    err = article_from_record({"id": "a", "text": GOOD, "published": value}, "f.jsonl:3", Options(max_chars=10**6))
    assert isinstance(err, FormatError) and '"published"' in err.problem and err.where == "f.jsonl:3"


@pytest.mark.parametrize("value", ["2020-07-02", "2020-07-02T19:09:00+02:00", "2020-07-02 19:09", "2020-07-02T19:09Z"])
def test_hostile_input_real_publication_dates_are_kept(value: str) -> None:
    art = article_from_record({"id": "a", "text": GOOD, "published": value}, "f", Options(max_chars=10**6))
    assert isinstance(art, Article) and art.published == value.replace(" ", "T")


def _warc(tmp_path: Path) -> bytes:
    path = tmp_path / "src.warc.gz"
    write_warc(path, [(f"https://ex.org/{i}", "text/html; charset=utf-8", PAGE, 200) for i in range(3)])
    return gzip.decompress(path.read_bytes())


def _damaged(data: bytes) -> dict[str, bytes]:
    second = data.index(b"WARC/1", 10)
    third = data.index(b"WARC/1", second + 10)
    length = data[:second].split(b"Content-Length: ")[1].split(b"\r\n")[0]
    return {
        "body_cut": data[: second + 600],
        "header_cut": data[: second + 40],
        "header_only": data[: data.index(b"\r\n\r\n") + 4],
        "length_huge": data.replace(b"Content-Length: " + length, b"Content-Length: 99999999", 1),
        "length_small": data.replace(b"Content-Length: " + length, b"Content-Length: 300", 1),
        "length_big": data[:third] + data[third:].replace(b"Content-Length: " + length,
                                                          b"Content-Length: " + str(int(length) + 50).encode(), 1),
        "length_garbage": data.replace(b"Content-Length: " + length, b"Content-Length: abc", 1),
    }


@pytest.mark.parametrize("case", ["body_cut", "header_cut", "header_only", "length_huge", "length_small",
                                  "length_big", "length_garbage"])
def test_hostile_input_damaged_warc_is_reported_never_silent(tmp_path: Path, case: str) -> None:
    path = tmp_path / f"{case}.warc"
    path.write_bytes(_damaged(_warc(tmp_path))[case])
    items = read(path)
    errors = [i for i in items if isinstance(i, InputError)]
    assert errors, f"{case}: damage passed silently ({items})"
    assert all(str(e).startswith(f"{path}#") or str(e).startswith(str(path)) for e in errors)
    # no damaged record became an article: every article is one of the whole pages
    for a in items:
        if isinstance(a, Article):
            assert all(p in a.text for p in PARAGRAPHS) and "WARC" not in a.text


def test_hostile_input_damaged_warc_names_record_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    path.write_bytes(_damaged(_warc(tmp_path))["body_cut"])
    first, err = read(path)
    assert isinstance(first, Article)
    assert isinstance(err, FormatError) and err.where == f"{path}#2" and "at byte" in err.problem


# --- fuzzing every reader ----------------------------------------------------------------

_SEEDS = {
    "jsonl": (json.dumps({"id": "a", "text": GOOD, "published": "2021-01-06", "title": "T"}) + "\n").encode() * 2,
    "json": json.dumps([{"id": "a", "text": GOOD}, {"id": "b", "text": GOOD}]).encode(),
    "html": PAGE,
    "txt": ("Titre\n\n" + GOOD).encode(),
}


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for pos, cut, insert in edits:
        pos %= len(data) + 1
        data = data[:pos] + insert + data[pos + cut:]
    return data


_EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                            st.sampled_from([b"", b"\\ud800", b"\x00", b"\xff\xfe", b"\"", b"{", b"]", b"\n",
                                             b"<script>", b"\r\n\r\n", b"Content-Length: 9999999\r\n",
                                             b"\xed\xa0\x80", b"2020-13-45T99:99:99"])),
                  min_size=1, max_size=4)
_FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _check(items: list[Article | InputError]) -> None:
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            for value in (item.id, item.text, item.title, item.url, item.outlet, item.published):
                if value is not None:
                    value.encode("utf-8")  # no lone surrogate got through
            item.content_hash  # noqa: B018
        else:
            assert "\n" not in str(item) and str(item).strip()


@pytest.mark.parametrize("fmt", sorted(_SEEDS))
@_FUZZ
@given(edits=_EDITS)
def test_hostile_input_fuzz_mutated_inputs_never_raise(tmp_path: Path, fmt: str, edits: list) -> None:
    path = tmp_path / f"in.{fmt}"
    path.write_bytes(_mutate(_SEEDS[fmt], edits))
    _check(read(path))


@_FUZZ
@given(edits=_EDITS, gz=st.booleans())
def test_hostile_input_fuzz_mutated_warc_never_raises(tmp_path: Path, edits: list, gz: bool) -> None:
    if not hasattr(test_hostile_input_fuzz_mutated_warc_never_raises, "seed"):
        test_hostile_input_fuzz_mutated_warc_never_raises.seed = _warc(tmp_path)  # type: ignore[attr-defined]
    data = _mutate(test_hostile_input_fuzz_mutated_warc_never_raises.seed, edits)  # type: ignore[attr-defined]
    path = tmp_path / ("in.warc.gz" if gz else "in.warc")
    path.write_bytes(gzip.compress(data) if gz else data)
    _check(read(path))


@_FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.txt", "x.jsonl", "x.json", "x.html", "x.warc", "x"]))
def test_hostile_input_fuzz_random_bytes_never_raise(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    _check(read(path))


@_FUZZ
@given(text=st.text(alphabet=st.characters(codec=None, categories=None), max_size=300))
def test_hostile_input_fuzz_any_unicode_record(text: str) -> None:
    line = json.dumps({"id": text[:20] or "x", "text": text, "title": text[:30], "published": text[:19]})
    from chronique.ingest import iter_jsonl

    _check(list(iter_jsonl([line], "fuzz.jsonl", Options(max_chars=10**6))))
