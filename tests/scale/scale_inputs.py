"""Hand-made inputs of the scale tests (not in conftest: helper modules must have unique names)."""

from __future__ import annotations

import io
import json
from pathlib import Path

# Short French reports with events, plus lines the reader must refuse or skip.
FRENCH_RECORDS = [
    {"id": "fr-1", "published": "2015-12-24", "title": "Frappes russes en Syrie",
     "text": "Les forces aériennes russes ont frappé mardi des positions de l'Etat islamique près de Raqqa, "
             "a annoncé le ministère russe de la Défense. Douze combattants ont été tués."},
    {"id": "fr-2", "published": "2020-07-02",
     "text": "Des milliers de manifestants ont défilé samedi à Paris contre la réforme des retraites, "
             "selon la préfecture de police. La police a arrêté vingt personnes."},
    {"id": "fr-3", "published": "2019-03-11", "lang": "fr",
     "text": "Le président Emmanuel Macron a rencontré lundi à Berlin la chancelière Angela Merkel. "
             "Les deux dirigeants ont signé un accord de coopération."},
    {"text": "Un article sans identifiant : la police a interpellé trois suspects jeudi à Lyon."},
]
BAD_LINES = ['{"id": "broken"', "", '{"id": "empty", "text": "   "}', '["not", "an", "object"]']


def write_jsonl(path: Path) -> Path:
    """The records, with bad and blank lines mixed in, one per line (a BOM on the first)."""
    lines = [json.dumps(r, ensure_ascii=False) for r in FRENCH_RECORDS]
    mixed = [lines[0], BAD_LINES[0], lines[1], BAD_LINES[1], lines[2], BAD_LINES[2], lines[3], BAD_LINES[3]]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(mixed).encode("utf-8") + b"\n")
    return path


def write_warc(path: Path) -> Path:
    """A gzipped WARC holding two French news pages and one image (skipped), written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [
        ("https://exemple.fr/monde/1", "Attaque à Kaboul",
         ["Un attentat suicide a tué quinze personnes mercredi à Kaboul, selon le ministère afghan de l'Intérieur.",
          "Les talibans ont revendiqué l'attaque dans un communiqué publié le jour même."]),
        ("https://exemple.fr/monde/2", "Sommet à Bruxelles",
         ["Les ministres européens se sont réunis jeudi à Bruxelles pour discuter des sanctions contre la Russie.",
          "Ils ont décidé de prolonger les mesures pour six mois."]),
    ]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, title, paragraphs in pages:
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            html = (f"<html><head><title>{title}</title>"
                    '<meta property="article:published_time" content="2016-03-02"></head><body>'
                    f"<article><h1>{title}</h1>{body}</article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                          http_headers=headers))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://exemple.fr/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG"), http_headers=headers))
    return path
