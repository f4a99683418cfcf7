"""The colour data file covers every PLOVER type and every highlight label the pages use."""

from __future__ import annotations

import re

from chronique.model import PLOVER_TYPES
from chronique.serve._highlight import _LABELS
from chronique.serve._render import palette, palette_css


def test_palette_data_covers_types_and_labels() -> None:
    data = palette()
    assert set(data["types"]) == set(PLOVER_TYPES)
    used = set(_LABELS.values()) | {"actor", "recipient", "claimant", "date", "trigger", "place", "quantity"}
    assert used <= set(data["labels"])
    colours = [*data["types"].values(), *data["labels"].values()]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c, re.IGNORECASE) for c in colours)
    assert len(set(data["types"].values())) == len(PLOVER_TYPES)  # types are told apart on the map


def test_palette_data_stylesheet_has_a_class_per_type() -> None:
    css = palette_css()
    for t in PLOVER_TYPES:
        assert f".t-{t}{{--c:" in css
