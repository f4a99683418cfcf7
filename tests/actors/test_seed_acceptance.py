"""The founding case: every actor and claimant of seed.gold.jsonl comes out of the API."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from chronique.actors import ActorCoder
from chronique.model import Actor

SEED = "seeds/000_33919806caea0c94.txt"


def _norm(s: str) -> str:
    """The scorer's normalisation (shared/eval/score_events.py)."""
    s = unicodedata.normalize("NFKD", str(s)).encode("ascii", "ignore").decode().lower().replace("\u2019", "'")
    return re.sub(r"[^a-z0-9']+", " ", s).strip()


def _contains(hay: str, needle: str) -> bool:
    return bool(needle) and re.search(r"(^| )" + re.escape(needle) + r"( |$)", hay) is not None


def _matches(gold: dict, a: Actor) -> bool:
    aliases = [_norm(x) for x in gold.get("aliases", [])]
    for s in (a.text, a.name):
        ns = _norm(s or "")
        if ns and (any(_contains(ns, x) for x in aliases) or (len(ns) >= 4 and any(_contains(x, ns) for x in aliases))):
            return True
    return bool(gold.get("match_by_country") and a.country == gold.get("country"))


@pytest.fixture(scope="module")
def seed(shared: Path, nlp_fr: Any, fr: ActorCoder) -> tuple[Any, list[Actor], dict[int, list[Actor]], list[dict]]:
    text = (shared / SEED).read_text(encoding="utf-8")
    doc = nlp_fr(text)
    gold = [json.loads(line) for line in (shared / "gold" / "seed.gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return doc, fr.mentions(doc), fr.claimants(doc), gold


def test_seed_acceptance_every_gold_actor_is_a_mention(seed: tuple) -> None:
    _, mentions, _, gold = seed
    for g in gold:
        for role in ("participants", "actors", "recipients"):
            for ent in g.get(role, []):
                hits = [a for a in mentions if _matches(ent, a)]
                assert hits, f"{g['id']} {role}: {ent['aliases'][0]}"
                if ent.get("country"):
                    assert any(a.country == ent["country"] for a in hits), f"{g['id']}: {ent['aliases'][0]}"


def test_seed_acceptance_every_gold_claimant_is_found(seed: tuple) -> None:
    _, _, claims, gold = seed
    found = [a for v in claims.values() for a in v]
    for g in gold:
        for ent in g.get("claimants", []):
            assert any(_matches(ent, a) for a in found), f"{g['id']}: {ent['aliases'][0]}"


@pytest.mark.parametrize("words, country", [
    ("302 sorties", "RUS"), ("Su-24 a attaqué", "RUS"), ("Ahrar al-Sham", "RUS"), ("camp d’entraînement", "RUS"),
    ("cibles djihadistes en Syrie", "RUS"), ("par téléphone", "FRA"), ("les parties ont échangé", "RUS"),
])
def test_seed_acceptance_event_sentences_carry_their_claimant(seed: tuple, words: str, country: str) -> None:
    doc, _, claims, _ = seed
    k = next(i for i, s in enumerate(doc.sents) if words in s.text)
    assert any(a.country == country and "Défense" in a.text for a in claims.get(k, [])), words
