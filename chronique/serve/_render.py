"""HTML rendering: the Jinja2 environment (autoescaping always on) and the colour palette.

Article text is untrusted: templates only ever print it through Jinja2's
autoescape, never with ``|safe``, and the page's Content-Security-Policy
forbids inline scripts, so an article carrying ``<script>`` or ``onerror=``
shows them as text.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..errors import ConfigError
from ..model import PLOVER_TYPES
from .openapi import VERSION

__all__ = ["STATIC_DIR", "environment", "palette", "palette_css", "render"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_CSS_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@lru_cache(maxsize=1)
def palette() -> dict[str, Any]:
    """Colours per PLOVER type and per highlight label (``chronique/data/serve/palette.json``), validated."""
    path = resources.files("chronique").joinpath("data", "serve", "palette.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = set(PLOVER_TYPES) - set(data.get("types", {}))
    if missing:
        raise ConfigError(f"chronique/data/serve/palette.json: no colour for {', '.join(sorted(missing))}")
    colours = [*data["types"].items(), *data["labels"].items(),
               ("other_type", data["other_type"]), ("other_label", data["other_label"])]
    for name, colour in colours:
        # checked because both end up verbatim in a stylesheet
        if not _CSS_NAME.match(name) or not isinstance(colour, str) or not _HEX.match(colour):
            raise ConfigError(f"chronique/data/serve/palette.json: bad entry {name!r}: {colour!r} (want #rrggbb)")
    return data


@lru_cache(maxsize=1)
def palette_css() -> str:
    """A stylesheet with one class per type (``t-ASSAULT``) and per label (``l-actor``)."""
    data = palette()
    lines = [f".t-{t}{{--c:{c}}}" for t, c in data["types"].items()]
    lines += [f".l-{label}{{--c:{c}}}" for label, c in data["labels"].items()]
    lines.append(f".t-other{{--c:{data['other_type']}}}")
    lines.append(f"mark{{--c:{data['other_label']}}}")
    return "\n".join(lines) + "\n"


def _path(value: Any) -> str:
    """One URL path segment (ids may hold '/', '?', '#')."""
    return quote(str(value), safe="")


def _type_class(value: Any) -> str:
    return f"t-{value}" if value in palette()["types"] else "t-other"


def _label_class(labels: list[str]) -> str:
    known = palette()["labels"]
    return " ".join(f"l-{label}" for label in labels if label in known)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment (autoescape for every template, undefined names fail loudly in tests)."""
    env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["path"] = _path
    env.filters["type_class"] = _type_class
    env.filters["label_class"] = _label_class
    env.globals["palette"] = palette
    env.globals["version"] = VERSION
    return env


def render(template: str, **context: Any) -> str:
    """Render one template with ``context``."""
    return environment().get_template(template).render(**context)
