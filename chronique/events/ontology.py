"""PLOVER ontology tables (modes per type, quad class) and the ACLED mapping.

Data in ``chronique/data/events/plover.json``; this module only applies it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any

from ..errors import ModelError
from ..model import PLOVER_TYPES

__all__ = ["acled_for", "acled_groups", "allowed_modes", "load_ontology", "quad_class", "retyped_for"]


@functools.lru_cache(maxsize=1)
def load_ontology() -> dict[str, Any]:
    """The PLOVER/ACLED tables, validated once."""
    path = resources.files("chronique") / "data" / "events" / "plover.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if set(data["types"]) != set(PLOVER_TYPES):
        raise ModelError("[E016] chronique/data/events/plover.json must list exactly the 16 PLOVER types")
    for modality, table in data.get("retype", {}).items():
        if not set(table) | set(table.values()) <= set(PLOVER_TYPES):
            raise ModelError(f"[E018] chronique/data/events/plover.json: retype[{modality!r}] names an unknown type")
    if not set(data.get("place_as_recipient", ())) <= set(PLOVER_TYPES):
        raise ModelError("[E019] chronique/data/events/plover.json: place_as_recipient names an unknown type")
    for rule in data["acled"]:
        if rule["event"] not in PLOVER_TYPES or not rule.get("sub_event_type") or set(rule) - _RULE_KEYS:
            raise ModelError(f"[E017] chronique/data/events/plover.json: bad ACLED rule {rule} "
                             f"(keys allowed: {sorted(_RULE_KEYS)})")
    subs = {(r["event_type"], r["sub_event_type"]) for r in data["acled"]}
    for name, pairs in data.get("acled_groups", {}).items():
        unknown = [p for p in pairs if tuple(p) not in subs]
        if unknown or len({p[1] for p in pairs}) != len(pairs):
            raise ModelError(f"[E021] chronique/data/events/plover.json: acled_groups[{name!r}] names a pair no "
                             f"ACLED rule gives, or one twice: {unknown}")
    return data


def allowed_modes(event_type: str) -> frozenset[str]:
    """Modes the PLOVER manual defines for ``event_type``."""
    return frozenset(load_ontology()["types"][event_type]["modes"])


def retyped_for(event_type: str, modality: str) -> str:
    """The PLOVER type of an event told with ``modality`` ("will support" is AGREE, "plans to
    impose restrictions" THREATEN, "would not meet the demands" REJECT); unchanged otherwise."""
    return str(load_ontology().get("retype", {}).get(modality, {}).get(event_type, event_type))


def needs_actor(event_type: str) -> bool:
    """Whether a record of this type needs an identified actor to be an event at all."""
    return event_type not in set(load_ontology()["actorless_ok"])


def quad_class(event_type: str) -> str:
    """PLOVER quad class of ``event_type`` (verbal/material cooperation/conflict)."""
    return str(load_ontology()["types"][event_type]["quad"])


_RULE_KEYS = {"event", "event_type", "sub_event_type", "mode_any", "mode_none", "cue_any", "cue_all", "cue_none",
              "symmetric", "state_actor"}


def acled_for(event_type: str, modes: list[str], symmetric: bool = False, cues: Iterable[str] = (),
              state_actor: bool | None = None) -> dict[str, str] | None:
    """ACLED event_type / sub_event_type for a PLOVER type, its modes and the cue classes
    found in its sentences (``cues``: names of ``acled_cues`` of the language lexicon, e.g.
    "grenade", "police"); ``state_actor`` tells whether the actor is a state force.

    Rules are tried in order; the first whose conditions all hold applies.
    """
    cue_set = set(cues)
    for rule in load_ontology()["acled"]:
        if rule["event"] != event_type:
            continue
        if "mode_any" in rule and not set(rule["mode_any"]) & set(modes):
            continue
        if set(rule.get("mode_none", ())) & set(modes):
            continue
        if "cue_any" in rule and not set(rule["cue_any"]) & cue_set:
            continue
        if not set(rule.get("cue_all", ())) <= cue_set:
            continue
        if set(rule.get("cue_none", ())) & cue_set:
            continue
        if rule.get("symmetric") and not symmetric:
            continue
        if "state_actor" in rule and bool(state_actor) != rule["state_actor"]:
            continue
        return {"event_type": rule["event_type"], "sub_event_type": rule["sub_event_type"]}
    return None


def acled_groups() -> dict[str, dict[str, str]]:
    """Groups of ACLED sub-event types the PLOVER mapping cannot tell apart (the same PLOVER
    type and modes: an armed clash or an attack on civilians...), each sub-event with its ACLED
    event type; a trained model may choose within a group (``events.detector.refine_acled``)."""
    return {name: {sub: etype for etype, sub in pairs}
            for name, pairs in load_ontology().get("acled_groups", {}).items()}
