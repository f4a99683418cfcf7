"""Loading of the ingest data files (``chronique/data/ingest/``), cached per process."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "ingest"
# Files holding per-language artefact patterns; langid.json is configuration, not a language.
_NOT_A_LANGUAGE = {"langid"}


def artefact_languages() -> list[str]:
    """Languages that have an artefact file (``<lang>.json``), sorted."""
    return sorted(p.stem for p in DATA_DIR.glob("*.json") if p.stem not in _NOT_A_LANGUAGE)


def load_json(name: str) -> dict[str, Any]:
    """One data file as a dict; a missing or broken file is a ModelError."""
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as exc:
        raise ModelError(f"[E101] cannot read ingest data file {path}: {exc}; reinstall chronique") from exc
    if not isinstance(data, dict):
        raise ModelError(f"[E102] ingest data file {path} must hold a JSON object")
    return data


@functools.cache
def boilerplate_pattern() -> re.Pattern[str]:
    """One full-line pattern uniting the boilerplate lines of every language.

    Every language's patterns apply to every text because clean-up runs before
    language identification, and the phrases are specific enough not to collide.
    """
    alternatives = [
        p for lang in artefact_languages() for p in load_json(f"{lang}.json")["boilerplate_lines"]
    ]
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in alternatives) + ")", re.IGNORECASE)


@functools.cache
def glued_exceptions() -> tuple[str, ...]:
    """Tokens (all languages) in which '.' before a capital is not a sentence end."""
    return tuple(
        sorted({t for lang in artefact_languages() for t in load_json(f"{lang}.json")["glued_exceptions"]})
    )


@dataclass(frozen=True)
class LangidConfig:
    """Settings of detect_lang (``chronique/data/ingest/langid.json``)."""

    languages: tuple[str, ...]
    primary: tuple[str, ...]
    short_text_letters: int
    fallback: str


@functools.cache
def langid_config() -> LangidConfig:
    """Candidate languages for detect_lang, primary languages for short texts, fallback."""
    data = load_json("langid.json")
    return LangidConfig(
        languages=tuple(data["languages"]),
        primary=tuple(data["primary"]),
        short_text_letters=int(data["short_text_letters"]),
        fallback=str(data["fallback"]),
    )
