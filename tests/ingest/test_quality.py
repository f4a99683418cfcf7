"""Quality floors measured on the shared dev corpora (skipped when ../shared is absent).

Floors sit slightly below the measured values (see each test) so a regression
fails CI while machine noise does not.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from chronique.errors import InputError
from chronique.ingest import align_offsets, clean_text, iter_articles, raw_span
from chronique.model import Article

# Measured 2026-11-25: mean token F1 0.963 over 181 pages, no page below 0.3 F1.
HTML_EN_F1_FLOOR = 0.95
# Measured: 150/150 French pages give an article with title, date and body.
ORANGESUM_HTML_OK_FLOOR = 0.97


def token_f1(predicted: str, reference: str) -> float:
    """Bag-of-words F1 between two texts (lower-cased word tokens)."""
    p = Counter(re.findall(r"\w+", predicted.lower()))
    g = Counter(re.findall(r"\w+", reference.lower()))
    overlap = sum((p & g).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def test_quality_html_en_body_f1(shared: Path) -> None:
    folder = shared / "corpus" / "html-en"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(folder.glob("*.html.gz"))
    got = {a.id.removesuffix(".html.gz"): a for a in iter_articles(map(str, pages)) if isinstance(a, Article)}
    scores = [token_f1(got[k].text if k in got else "", v["articleBody"]) for k, v in truth.items()]
    mean = sum(scores) / len(scores)
    assert mean >= HTML_EN_F1_FLOOR, f"HTML body token F1 {mean:.3f} < {HTML_EN_F1_FLOOR}"


def test_quality_orangesum_html_title_date_body(shared: Path) -> None:
    pages = sorted((shared / "corpus" / "orangesum-fr" / "html").glob("*.html.gz"))
    items = list(iter_articles(map(str, pages)))
    good = [
        a
        for a in items
        if isinstance(a, Article)
        and a.lang == "fr"
        and a.title
        and a.published
        and re.fullmatch(r"(19|20)\d\d-\d\d-\d\d", a.published)
        and len(a.text) > 300
    ]
    assert len(items) == len(pages)
    assert len(good) / len(pages) >= ORANGESUM_HTML_OK_FLOOR


def test_quality_orangesum_jsonl_all_read_and_unglued(shared: Path) -> None:
    path = shared / "corpus" / "orangesum-fr" / "articles.jsonl"
    articles = list(iter_articles([str(path)]))
    assert len(articles) == 4000 and not any(isinstance(a, InputError) for a in articles)
    glued = re.compile(r"[a-zà-ÿ]{3}\.[A-ZÀ-Ý][a-zà-ÿ]{2}")
    raw_glued = sum(len(glued.findall(json.loads(line)["text"])) for line in path.open(encoding="utf-8"))
    left = sum(len(glued.findall(a.text)) for a in articles if isinstance(a, Article))
    assert raw_glued > 1000 and left <= raw_glued * 0.01  # measured: 0 left


def test_quality_seed_cleaned(shared: Path) -> None:
    path = shared / "seeds" / "000_33919806caea0c94.txt"
    (article,) = iter_articles([str(path)])
    assert isinstance(article, Article)
    assert article.id == "000_33919806caea0c94.txt" and article.lang == "fr"
    assert article.title is not None and article.title.startswith("Les chefs d’état-major")
    assert article.text.count("son homologue de la Fédération de Russie") == 1
    assert "Temps de lecture" not in article.text and ",," not in article.text
    assert "1.093 cibles" in article.text and "Su-24" in article.text
    assert clean_text(article.text) == article.text


def test_quality_seed_offsets_map_back(shared: Path) -> None:
    raw = (shared / "seeds" / "000_33919806caea0c94.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    offsets = align_offsets(raw, cleaned)
    words = list(re.finditer(r"\w+", cleaned))
    assert len(words) > 500
    for word in words:
        start, end = raw_span(offsets, word.start(), word.end())
        assert raw[start:end] == word.group()
