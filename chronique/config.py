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

__all__ = ["SETTINGS", "Setting", "load_settings", "config_path"]


def _positive_int(value: Any) -> int:
    n = int(value)
    if n < 1:
        raise ValueError("must be 1 or more")
    return n


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
}


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
