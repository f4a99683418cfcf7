"""Per-language place knowledge read from ``chronique/data/geo/<lang>.json``."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from ..errors import ModelError
from ._build import DATA_DIR
from ._normalize import name_key

__all__ = ["Lexicon", "inflect", "lexicon"]


def inflect(lemma: str, lang: str) -> list[str]:
    """Forms of a demonym adjective: French gender and number, English plural."""
    if lang == "fr":
        if lemma.endswith("e"):
            fem = lemma
        elif lemma.endswith(("ien", "éen")):
            fem = lemma + "ne"
        elif lemma.endswith("grec"):
            fem = lemma + "que"
        elif lemma.endswith("turc"):
            fem = lemma[:-1] + "que"
        else:
            fem = lemma + "e"
        masc_pl = lemma if lemma.endswith(("s", "x")) else lemma + "s"
        return sorted({lemma, fem, masc_pl, fem + "s"})
    if lemma.endswith(("sh", "ch", "ese", "ss", "Swiss")):
        return [lemma]
    return [lemma, lemma + "s"]


@dataclass(frozen=True)
class Lexicon:
    """Demonyms (key of every form -> name to resolve), cues, metonymy verbs, non-places."""

    lang: str
    demonyms: dict[str, str]
    cues: dict[str, str]
    admin_suffixes: dict[str, str]
    metonymy_verbs: frozenset[str]
    not_places: frozenset[str]
    location_nouns: frozenset[str]
    aliases: dict[str, str]
    articles: tuple[str, ...]
    place_preps: frozenset[str]
    trailing_cues: dict[str, str]
    container_glue: frozenset[str]
    feature_words: frozenset[str]
    demonym_firsts: frozenset[str] = frozenset()  # first words of the demonym keys

    def __post_init__(self) -> None:
        # derived, so that a scan can skip every token that opens no demonym
        object.__setattr__(self, "demonym_firsts", frozenset(k.split()[0] for k in self.demonyms if k))


@functools.cache
def lexicon(lang: str) -> Lexicon:
    """The place lexicon of ``lang`` (English when the language has none)."""
    path = DATA_DIR / f"{lang}.json"
    if not path.exists():
        path = DATA_DIR / "en.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"[G003] cannot read place lexicon {path}: {exc}") from exc
    demonyms: dict[str, str] = {}
    for lemma, target in data["demonyms"].items():
        for form in inflect(lemma, lang):
            demonyms[name_key(form)] = target
    return Lexicon(
        lang=lang,
        demonyms=demonyms,
        cues={k.lower(): v for k, v in data["cues"].items()},
        admin_suffixes=dict(data.get("admin_suffixes", {})),
        metonymy_verbs=frozenset(data["metonymy_verbs"]),
        not_places=frozenset(name_key(n) for n in data["not_places"]),
        location_nouns=frozenset(data.get("location_nouns", [])),
        aliases=dict(data.get("aliases", {})),
        articles=tuple(data.get("articles", [])),
        place_preps=frozenset(data.get("place_preps", [])),
        trailing_cues=dict(data.get("trailing_cues", {})),  # lower-case words only: 'Kirkuk city', not 'Kansas City'
        feature_words=frozenset(data.get("feature_words", [])),
        container_glue=frozenset(w.casefold() for w in data.get("container_glue", [])),
    )
