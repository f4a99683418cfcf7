"""Draw trigger candidates from news for labelling (seeded, reproducible), in French or English.

    python train/events/draw.py CORPUS.jsonl OUT.jsonl [--articles 420] [--seed 13] [--exclude GOLD_ARTICLES.jsonl ...]
    python train/events/draw.py --lang en SOURCE ... OUT.jsonl --candidates 2400 --parts 4
    python train/events/draw.py --lang en SOURCE ... OUT.jsonl --articles 0 --acled-groups --exclude EN-0.jsonl ...

Every candidate chronique's trigger lexicon proposes in a seeded random sample of
articles, one line per trigger (not per date): the sentence, the trigger's offsets
in it, the sentences before and after, and what the rules said (type, modality,
whether the mention looks like a back-reference). Articles listed in the
``--exclude`` files (the hand-coded gold articles, or candidates already drawn) are
never drawn.

Sources (see :func:`read_source`): a JSON-lines corpus (the French OrangeSum dev
corpus), a folder of HTML pages (read by chronique's own ingest), or an XML file of
the geoparsing sets LGL and GeoVirus (their article texts only). English rows carry
``corpus``, the set they were drawn from, so that a test can check that none comes
from an evaluation set. The French output is unchanged byte for byte (the labelled
French candidates stay reproducible).

``--acled-groups`` (English) keeps only the candidates whose rules' ACLED sub-event is in one of the
groups the PLOVER mapping cannot tell apart (``acled_groups`` of ``plover.json``: armed clash or
attack, peaceful protest or protest met with force...), the ones the ACLED classifier decides.
An ``--exclude`` file may be candidate rows (their ``doc`` is excluded) or article records (``id``).

``--candidates N`` keeps whole articles, in the seeded order, until at least N
candidates are drawn; ``--parts K`` writes OUT's stem ``-0`` … ``-(K-1)``, K files of
about equal size that keep each article whole.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from chronique import events
from chronique._sections import SECTION_CHARS
from chronique.events.detector import candidate_features
from chronique.events.merge import rule_acled
from chronique.ingest import iter_articles
from chronique.pipeline import Pipeline

# never drawn from: they measure the English pipeline (issue 14)
EVALUATION_SETS = ("plover-gsr", "case2021-task2")


def _jsonl_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _html_records(folder: Path) -> list[dict[str, Any]]:
    """The HTML pages of ``folder`` as chronique's ingest reads them (``ground-truth.json`` and
    ``LICENSE`` beside them are not articles)."""
    pages = sorted(p for p in folder.iterdir() if ".htm" in "".join(p.suffixes).lower())
    truth = folder / "ground-truth.json"  # page addresses (its reference bodies are not used)
    urls = ({k: v.get("url") for k, v in json.loads(truth.read_text(encoding="utf-8")).items()}
            if truth.exists() else {})
    out: list[dict[str, Any]] = []
    for item in iter_articles([str(p) for p in pages]):
        if not hasattr(item, "text"):
            print(f"skip {item}", file=sys.stderr)
            continue
        stem = item.id.split(".")[0]
        out.append({"id": f"{folder.name}-{stem[:16]}", "title": item.title, "published": item.published,
                    "url": item.url or urls.get(stem), "text": item.text, "corpus": folder.name})
    return out


def _lgl_records(root: ET.Element) -> list[dict[str, Any]]:
    """LGL (local US news, March 2009): the text repeats the title as its first sentence; dropped,
    as the title is kept apart in the other corpora. Three LGL items are a bare headline: their text comes
    out empty and the ingest skips them."""
    out = []
    for a in root.iter("article"):
        title = (a.findtext("title") or "").strip()
        text = a.findtext("text") or ""
        if title and text.startswith(title):
            text = text[len(title):].lstrip(" .:-\n")
        out.append({"id": f"lgl-{a.get('docid')}", "title": title or None,
                    "published": (a.findtext("dltime") or "")[:10] or None, "url": a.findtext("url"),
                    "text": text, "corpus": "lgl"})
    return out


def _geovirus_records(root: ET.Element) -> list[dict[str, Any]]:
    """GeoVirus (Wikinews on epidemics, no dates): some stories come as several <article>
    paragraphs with the same source; they are joined back into one article."""
    by_url: dict[str, list[str]] = {}
    for a in root.iter("article"):
        by_url.setdefault((a.findtext("source") or "").strip(), []).append((a.findtext("text") or "").strip())
    return [{"id": f"geovirus-{n}", "title": unquote(url.rsplit("/", 1)[-1]).replace("_", " ") or None,
             "published": None, "url": url, "text": "\n\n".join(texts), "corpus": "geovirus"}
            for n, (url, texts) in enumerate(by_url.items())]


def read_source(path: Path) -> list[dict[str, Any]]:
    """The article records of one source, in a fixed order."""
    if any(name in path.resolve().parts for name in EVALUATION_SETS):
        raise ValueError(f"{path}: an evaluation set ({', '.join(EVALUATION_SETS)}) is never drawn from")
    if path.is_dir():
        return _html_records(path)
    if path.suffix == ".xml":
        root = ET.parse(path).getroot()
        first = root.find("article")
        if first is not None and first.get("docid") is not None:
            return _lgl_records(root)
        return _geovirus_records(root)
    return _jsonl_records(path)


def _records(rows: list[dict[str, Any]], exclude: set[str], n: int, seed: int) -> list[dict[str, Any]]:
    rows = [r for r in rows if r["id"] not in exclude]
    random.Random(seed).shuffle(rows)
    return rows[:n]


def candidate_rows(pipe: Pipeline, articles: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """The candidates of ``articles`` as labelling rows (one per trigger)."""
    out: list[dict[str, Any]] = []
    captured: dict[str, list[Any]] = {}

    def keep(p: Any, candidates: list[Any]) -> None:
        captured[p.article.id] = candidates

    pipe._merge = keep  # type: ignore[method-assign]  # stop before merging: we want every trigger
    events.detect = lambda cands, doc, lang: cands  # the lexicon's candidates, before any trained model
    tmp.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    by_id = {a["id"]: a for a in articles}
    for p in pipe.run(iter_articles([str(tmp)])):
        if p.error is not None:
            print(f"skip {p.article.id}: {p.error}", file=sys.stderr)
            continue
        seen: set[int] = set()
        for c in captured.get(p.article.id, []):
            if c.trigger.idx in seen:
                continue
            seen.add(c.trigger.idx)
            sent = c.sent
            sents = list(sent.doc.sents)
            text = sent.doc.text
            prev = sents[c.sent_index - 1] if c.sent_index > 0 else None
            nxt = sents[c.sent_index + 1] if c.sent_index + 1 < len(sents) else None
            start = c.trigger.idx - sent.start_char
            row = {
                "id": f"{p.article.id}:{c.trigger.idx}",
                "doc": p.article.id,
                "published": by_id[p.article.id].get("published"),
                "title": by_id[p.article.id].get("title"),
                "prev": text[prev.start_char:prev.end_char] if prev is not None else "",
                "sentence": text[sent.start_char:sent.end_char],
                "next": text[nxt.start_char:nxt.end_char] if nxt is not None else "",
                "trigger": {"start": start, "end": start + len(c.trigger.text), "text": c.trigger.text,
                            "lemma": c.trigger.lemma_},
                "features": candidate_features(c),
                "rule": {"event": c.event_type, "modality": c.modality, "weak": c.weak,
                         "actor": [a.text for a in c.actors], "recipient": [a.text for a in c.recipients]},
            }
            if "corpus" in by_id[p.article.id]:  # the English sources; the French rows stay as they were
                row["corpus"] = by_id[p.article.id]["corpus"]
                # what the PLOVER -> ACLED mapping reads for this trigger alone (the rules the
                # ACLED classifier is measured against)
                row["rule"]["acled"] = (rule_acled([c], pipe.lang) or {}).get("sub_event_type")
            out.append(row)
    return out


def first_candidates(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The rows of the first articles (in row order) that give at least ``n`` rows."""
    kept: list[dict[str, Any]] = []
    for i, r in enumerate(rows):
        if len(kept) >= n and r["doc"] != rows[i - 1]["doc"]:
            break
        kept.append(r)
    return kept


def split_by_article(rows: list[dict[str, Any]], k: int) -> list[list[dict[str, Any]]]:
    """``rows`` cut into ``k`` consecutive parts of about equal size, never inside an article:
    each cut is the article boundary nearest to its ideal position."""
    bounds = [i for i in range(1, len(rows)) if rows[i]["doc"] != rows[i - 1]["doc"]]
    cuts = [0]
    for j in range(1, k):
        ideal = j * len(rows) / k
        cuts.append(min((b for b in bounds if b > cuts[-1]), key=lambda b: abs(b - ideal), default=len(rows)))
    cuts.append(len(rows))
    return [rows[a:b] for a, b in zip(cuts, cuts[1:])]


def _write(rows: list[dict[str, Any]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, nargs="+", help="JSONL corpus, HTML folder, LGL or GeoVirus XML")
    ap.add_argument("out", type=Path)
    ap.add_argument("--lang", default="fr", choices=("fr", "en"))
    ap.add_argument("--articles", type=int, default=420, help="articles drawn (0: every article)")
    ap.add_argument("--candidates", type=int, default=0, help="whole articles until this many candidates")
    ap.add_argument("--parts", type=int, default=1, help="split the output by article into this many files")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[])
    ap.add_argument("--acled-groups", action="store_true",
                    help="only candidates the rules map to a sub-event of an ACLED group (English)")
    a = ap.parse_args()
    exclude = set()
    for f in a.exclude:
        for line in f.open(encoding="utf-8"):
            if line.strip():
                rec = json.loads(line)
                exclude.add(rec.get("doc") or rec["id"])
    pool = [r for src in a.corpus for r in read_source(src)]
    articles = _records(pool, exclude, a.articles or len(pool), a.seed)
    for r in articles:
        if len(r["text"]) > SECTION_CHARS:  # parsed by sections: only the last one's candidates would be kept
            print(f"warning: {r['id']} is longer than {SECTION_CHARS} characters", file=sys.stderr)
    rows = candidate_rows(Pipeline(lang=a.lang), articles, a.out.with_suffix(".articles.tmp.jsonl"))
    a.out.with_suffix(".articles.tmp.jsonl").unlink()
    if a.acled_groups:
        from chronique.events.ontology import acled_groups

        grouped = {sub for members in acled_groups().values() for sub in members}
        rows = [{**r, "draw": "acled-groups"} for r in rows if r["rule"].get("acled") in grouped]
    if a.candidates:
        rows = first_candidates(rows, a.candidates)
    if a.parts > 1:
        for n, part in enumerate(split_by_article(rows, a.parts)):
            path = a.out.with_name(f"{a.out.stem}-{n}{a.out.suffix}")
            _write(part, path)
            print(f"{len(part)} candidates from {len({r['doc'] for r in part})} articles -> {path}",
                  file=sys.stderr)
    else:
        _write(rows, a.out)
    n_docs = len({r["doc"] for r in rows}) if a.candidates else len(articles)
    where = f"{a.parts} parts" if a.parts > 1 else a.out
    print(f"{len(rows)} candidates from {n_docs} articles -> {where}", file=sys.stderr)


if __name__ == "__main__":
    main()
