"""Settings: packaged defaults -> user file -> environment -> command-line flags.

The user file is TOML (``$CHRONIQUE_CONFIG``, else ``~/.config/chronique/config.toml``)
with the setting names as keys::

    db = "/data/events.db"
    processes = 2

Every setting is validated here, at the boundary, and documented in the README
(a test checks that each one is).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["SETTINGS", "Limits", "Setting", "load_settings", "config_path"]


def _positive_int(value: Any) -> int:
    n = int(value)
    if n < 1:
        raise ValueError("must be 1 or more")
    return n


def _positive_float(value: Any) -> float:
    x = float(value)
    if not x > 0:
        raise ValueError("must be more than 0")
    return x


@dataclass(frozen=True)
class Setting:
    """One setting: its default, the environment variable that overrides it, its type."""

    default: Any
    env: str
    parse: Callable[[Any], Any]
    help: str


SETTINGS: dict[str, Setting] = {
    "db": Setting("chronique.db", "CHRONIQUE_DB", str,
                  "event store: a SQLite path or a postgresql:// URL"),
    "processes": Setting(1, "CHRONIQUE_PROCESSES", _positive_int,
                         "worker processes for extract and ingest"),
    "batch_size": Setting(16, "CHRONIQUE_BATCH_SIZE", _positive_int,
                          "articles parsed together by spaCy"),
    "cache": Setting(str(Path.home() / ".cache" / "chronique"), "CHRONIQUE_CACHE", str,
                     "folder of the gazetteer built on first use"),
    # Limits against hostile or broken input (see Limits and the README's "Limits" section).
    "max_article_chars": Setting(2_000_000, "CHRONIQUE_MAX_ARTICLE_CHARS", _positive_int,
                                 "longest article text read; a longer one is refused with a message"),
    "max_sentence_tokens": Setting(150, "CHRONIQUE_MAX_SENTENCE_TOKENS", _positive_int,
                                   "longest sentence fed to the parser; longer runs of words are split"),
    "article_time_budget": Setting(300.0, "CHRONIQUE_ARTICLE_TIME_BUDGET", _positive_float,
                                   "seconds one article may take in the pipeline before it is given up"),
}


@dataclass(frozen=True)
class Limits:
    """The guards against hostile input, read from the settings.

    ``max_article_chars``: a longer text is refused, not cut: a cut article would be
    stored as if whole and its events would silently miss the rest; 2,000,000
    characters (about 300,000 words) is forty times the longest news report of the
    corpora we read, and what the spaCy models are allowed (``nlp.max_length``). ``max_sentence_tokens``: unpunctuated text is split into
    pieces of at most this many tokens before the parser (whose cost and memory grow
    with the length of what it is given). ``article_time_budget``: seconds per article.
    """

    max_article_chars: int = SETTINGS["max_article_chars"].default
    max_sentence_tokens: int = SETTINGS["max_sentence_tokens"].default
    article_time_budget: float = SETTINGS["article_time_budget"].default

    @classmethod
    def from_settings(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The limits in force (defaults, user file, environment)."""
        s = load_settings(environ)
        return cls(s["max_article_chars"], s["max_sentence_tokens"], s["article_time_budget"])


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the user file is looked for."""
    env = os.environ if environ is None else environ
    return Path(env.get("CHRONIQUE_CONFIG") or Path.home() / ".config" / "chronique" / "config.toml")


def load_settings(environ: Mapping[str, str] | None = None, path: Path | None = None) -> dict[str, Any]:
    """The settings in force: defaults, overridden by the user file, then the environment.

    Raises ConfigError naming the file or variable and the problem.
    """
    env = os.environ if environ is None else environ
    values = {name: s.default for name, s in SETTINGS.items()}
    file = path or config_path(env)
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{file}: not a readable TOML file ({exc})") from exc
        unknown = sorted(set(data) - set(SETTINGS))
        if unknown:
            raise ConfigError(f"{file}: unknown settings {unknown}; known: {sorted(SETTINGS)}")
        for name, raw in data.items():
            values[name] = _parse(name, raw, str(file))
    for name, s in SETTINGS.items():
        if s.env in env:
            values[name] = _parse(name, env[s.env], f"${s.env}")
    return values


def _parse(name: str, raw: Any, where: str) -> Any:
    try:
        return SETTINGS[name].parse(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: bad value {raw!r} for {name} ({exc})") from exc
