"""iter_articles: every input format, and one clear error per bad file or record."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from ingest_inputs import WARC_DATE, article_html, write_warc

from chronique.errors import EmptyInputError, EncodingError, FormatError, InputError, NoArticleError
from chronique.ingest import iter_articles
from chronique.model import Article

FR_TEXT = (
    "Les chefs d'état-major russe et français se sont rencontrés à Moscou\n\n"
    "Le général Pierre de Villiers a rencontré mercredi à Moscou son homologue russe, le général "
    "Valéri Guérassimov, pour coordonner la lutte contre le groupe État islamique en Syrie."
)
EN_PARAGRAPHS = [
    "Russian aircraft struck more than a thousand targets in Syria over five days, the defence ministry said.",
    "The strikes hit command posts, ammunition depots and supply routes used by the Islamic State group.",
    "French and Russian military chiefs met in Moscow on Wednesday to coordinate their campaigns.",
]


def read(*paths: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(iter_articles([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def test_readers_txt_id_title_lang(tmp_path: Path) -> None:
    path = tmp_path / "000_rapport.txt"
    path.write_text(FR_TEXT, encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.id == "000_rapport.txt"
    assert article.title == "Les chefs d'état-major russe et français se sont rencontrés à Moscou"
    assert article.text.startswith(article.title)  # the headline stays in the text
    assert article.lang == "fr"
    assert article.source == str(path)


def test_readers_txt_without_headline_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Une seule phrase qui se termine par un point.\n\nEt une autre.", encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article) and article.title is None


def test_readers_lang_precedence(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [{"id": "x", "text": FR_TEXT}, {"id": "y", "text": FR_TEXT, "lang": "EN-gb"}]
    path.write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    x, y = read(path)
    assert isinstance(x, Article) and x.lang == "fr"  # detected
    assert isinstance(y, Article) and y.lang == "en"  # the record's, normalised
    x, y = read(path, lang="de")
    assert isinstance(x, Article) and isinstance(y, Article) and x.lang == y.lang == "de"  # --lang wins


def test_readers_jsonl_records_and_line_errors(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        b'{"id": "a1", "text": "Le gouvernement a c\xc3\xa9d\xc3\xa9 jeudi.Les syndicats ont salu\xc3\xa9 la d\xc3\xa9cision.",'
        b' "title": "Recul", "published": "2020-07-02T19:09:00+02:00", "url": "https://ex.fr/a", "outlet": "Ex"}\n'
        b"\n"
        b'{"id": "a2", "text": \n'
        b'{"id": "a3"}\n'
        b'{"id": "a4", "text": "   "}\n'
        b'["not", "an", "object"]\n'
        b'{"id": "a5", "text": "caf\xe9"}\n'
        b'{"text": "Un article sans identifiant, mais avec du texte.", "published": null}\n'
        b'{"id": "a6", "text": "Un article dat\xc3\xa9 de fa\xc3\xa7on impossible.", "published": "2020-13-45T99:99:99"}\n'
        b'{"id": "a7", "text": "Un article dat\xc3\xa9 en toutes lettres.", "published": "hier"}\n'
    )
    items = read(path)
    assert [type(i) for i in items] == [
        Article,
        FormatError,
        FormatError,
        EmptyInputError,
        FormatError,
        EncodingError,
        Article,
        FormatError,
        FormatError,
    ]
    # a publication date is checked, never silently dropped or passed on: the field is named
    assert all('"published"' in str(e) and f"{path}:" in str(e) for e in items[-2:])
    items = items[:-2]
    first = items[0]
    assert isinstance(first, Article)
    assert (first.id, first.title, first.published, first.url, first.outlet) == (
        "a1",
        "Recul",
        "2020-07-02T19:09:00+02:00",
        "https://ex.fr/a",
        "Ex",
    )
    assert first.text == "Le gouvernement a cédé jeudi. Les syndicats ont salué la décision."
    assert first.source == f"{path}:1"
    assert [e.where for e in items[1:6]] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7)]
    assert all(str(e).startswith(f"{path}:") and "\n" not in str(e) for e in items[1:6])
    last = items[-1]
    assert isinstance(last, Article)
    assert last.id == last.content_hash[:16]  # no id: content hash prefix
    assert last.published is None  # none given


def test_readers_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "o", "text": "Texte de l'objet unique."}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "m1", "text": "Premier."}, {"id": "m2"}]), encoding="utf-8")
    items = read(one, many)
    assert [getattr(i, "id", None) for i in items[:2]] == ["o", "m1"]
    assert isinstance(items[2], FormatError) and items[2].where == f"{many}[1]"


def test_readers_html_gz_title_date_body(tmp_path: Path) -> None:
    page = article_html("Frappes russes en Syrie", EN_PARAGRAPHS, date="2015-12-23")
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page.encode("utf-8")))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.id == "page.html.gz"
    assert article.title == "Frappes russes en Syrie"
    assert article.published == "2015-12-23"
    assert "command posts" in article.text
    assert "Accueil" not in article.text and "droits réservés" not in article.text
    assert article.lang == "en"


def test_readers_html_keeps_outlet_url_and_title(tmp_path: Path) -> None:
    head = ('<link rel="canonical" href="https://www.lemonde.fr/international/article/syrie.html">'
            '<meta property="og:site_name" content="Le Monde">')
    page = article_html("Frappes russes en Syrie", EN_PARAGRAPHS, date="2015-12-23").replace("<head>", "<head>" + head)
    path = tmp_path / "syrie.html"
    path.write_text(page, encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert (article.outlet, article.url) == ("Le Monde", "https://www.lemonde.fr/international/article/syrie.html")
    assert article.title == "Frappes russes en Syrie" and article.id == "syrie.html"
    # a page without them keeps none (never a file name as outlet), and a scripted "canonical" is no URL
    bare = tmp_path / "bare.html"
    bare.write_text(article_html("Titre", EN_PARAGRAPHS).replace(
        "<head>", '<head><link rel="canonical" href="javascript:alert(1)">'), encoding="utf-8")
    (article,) = read(bare)
    assert isinstance(article, Article) and article.url is None and article.outlet != "bare.html"


def test_readers_gzip_detected_by_magic_bytes(tmp_path: Path) -> None:
    path = tmp_path / "page.html"  # no .gz suffix, gzipped content
    path.write_bytes(gzip.compress(article_html("Titre", EN_PARAGRAPHS).encode("utf-8")))
    (article,) = read(path)
    assert isinstance(article, Article) and "Islamic State" in article.text


def test_readers_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text('<html><body><nav><a href="/">Accueil</a></nav></body></html>', encoding="utf-8")
    (error,) = read(path)
    assert isinstance(error, NoArticleError) and error.where == str(path)


def test_readers_warc_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    page = article_html("Moscow talks", EN_PARAGRAPHS).encode("utf-8")
    write_warc(
        path,
        [
            ("https://news.example/a", "text/html; charset=utf-8", page, 200),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", 200),
            ("https://news.example/old", "text/html", b"<html>moved</html>", 301),
            ("https://news.example/empty", "text/html", b"<html><body><p>Hi</p></body></html>", 200),
        ],
    )
    items = read(path)
    assert [type(i) for i in items] == [Article, NoArticleError]
    article, error = items
    assert isinstance(article, Article)
    assert (article.id, article.url, article.source) == (
        "https://news.example/a",
        "https://news.example/a",
        f"{path}#1",
    )
    assert article.published == WARC_DATE  # the page gives no date: WARC-Date is the fallback
    assert error.where == f"{path}#4"


def test_readers_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Article z, dans un sous-dossier.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Article a, à la racine.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "Article c1."}\n', encoding="utf-8")
    (tmp_path / "LICENSE").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden" / "h.txt").write_text("cache", encoding="utf-8")
    ids = [getattr(i, "id", None) for i in read(tmp_path)]
    assert ids == ["a.txt", "b/z.txt", "c1"]
    assert ids == [getattr(i, "id", None) for i in read(tmp_path)]  # deterministic


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.txt", b"", EmptyInputError),
        ("blank.jsonl", b"\n  \n", EmptyInputError),
        ("latin1.txt", "Le député a été élu.".encode("latin-1"), EncodingError),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", FormatError),
        ("mystery.bin", b"\x00\x01\x02\x03", FormatError),
        ("broken.json", b'{"id": "x", "text": ', FormatError),
    ],
)
def test_readers_bad_file_gives_one_line_error(
    tmp_path: Path, name: str, content: bytes, error: type
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Un article lisible, pour vérifier que la lecture continue.", encoding="utf-8")
    items = read(bad, good)
    assert isinstance(items[0], error)
    assert items[0].where == str(bad) and str(items[0]).startswith(f"{bad}: ") and "\n" not in str(items[0])
    assert isinstance(items[1], Article) and items[1].id == "good.txt"


def test_readers_missing_path(tmp_path: Path) -> None:
    (error,) = read(tmp_path / "nope.txt")
    assert isinstance(error, InputError) and "no such file" in str(error)


def test_readers_unknown_extension_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "dump.dat"
    path.write_text('{"id": "s1", "text": "Premier."}\n{"id": "s2", "text": "Second."}\n', encoding="utf-8")
    assert [getattr(i, "id", None) for i in read(path)] == ["s1", "s2"]


def test_readers_stdin_jsonl() -> None:
    stdin = io.BytesIO(b'\n{"id": "s1", "text": "Premier article."}\n{"id": \n')
    items = list(iter_articles(["-"], stdin=stdin))
    assert isinstance(items[0], Article) and items[0].id == "s1"
    assert isinstance(items[1], FormatError) and items[1].where == "<stdin>:3"


def test_readers_stdin_text() -> None:
    stdin = io.StringIO("The ministry said on Thursday that talks would resume.\n")
    (article,) = iter_articles(["-"], stdin=stdin)
    assert isinstance(article, Article)
    assert (article.id, article.lang, article.source) == ("stdin", "en", "<stdin>")


def test_readers_clean_false_keeps_text_verbatim(tmp_path: Path) -> None:
    text = "\n  Réunion jeudi.Le gouvernement,, dit-on.\n"
    path = tmp_path / "raw.jsonl"
    path.write_text(json.dumps({"id": "r", "text": text}) + "\n", encoding="utf-8")
    (kept,) = read(path, clean=False)
    (cleaned,) = read(path)
    assert isinstance(kept, Article) and kept.text == text
    assert isinstance(cleaned, Article) and cleaned.text == "Réunion jeudi. Le gouvernement, dit-on."


def test_readers_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(("Une phrase d'article assez longue pour être compressée. " * 200).encode("utf-8"))
    bad = tmp_path / "cut.txt.gz"
    bad.write_bytes(data[: len(data) // 2])
    lines = tmp_path / "cut.jsonl.gz"
    records = "".join(json.dumps({"id": f"r{i}", "text": f"Article {i} " * 50}) + "\n" for i in range(200))
    packed = gzip.compress(records.encode("utf-8"))
    lines.write_bytes(packed[: len(packed) // 2])
    items = read(bad, lines)
    assert isinstance(items[0], FormatError) and "gzip" in items[0].problem
    assert isinstance(items[1], Article) and items[1].id == "r0"  # records before the cut are kept
    assert isinstance(items[-1], FormatError) and items[-1].where == str(lines)


def test_readers_html_copyright_year_is_not_a_date(tmp_path: Path) -> None:
    path = tmp_path / "undated.html"
    path.write_text(article_html("Sans date", EN_PARAGRAPHS), encoding="utf-8")  # footer: "© Exemple 2020"
    (article,) = read(path)
    assert isinstance(article, Article) and article.published is None
