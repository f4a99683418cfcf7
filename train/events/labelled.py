"""The labelled candidates: loading, validation, the seeded train/dev split, spaCy examples.

Imported by ``train.py`` and by the tests (never by chronique at run time).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODALITIES = ("asserted", "agreed", "planned", "hypothetical", "denied")
VERDICTS = ("event", "background", "not")


def _acled_subevents() -> tuple[str, ...]:
    """ACLED's sub-event types, from the table chronique's ACLED export uses (one source of truth)."""
    from importlib import resources

    path = resources.files("chronique") / "data" / "export" / "acled.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    return tuple(sub for subs in table["event_types"].values() for sub in subs)


ACLED_SUBEVENTS = _acled_subevents()


def _grouped_subevents() -> tuple[str, ...]:
    """The sub-event types of ``acled_groups`` (``chronique/data/events/plover.json``), in order."""
    from chronique.events.ontology import acled_groups

    return tuple(sub for members in acled_groups().values() for sub in members)


def targeted(row: dict[str, Any]) -> bool:
    """A candidate of a targeted draw (``draw.py --acled-groups``): a fine example, but not a
    sample of what the lexicon proposes, so the event filter is not measured on it."""
    return row.get("draw") == "acled-groups"
SOURCES = {"en": ("html-en", "lgl", "geovirus")}  # the corpora labels may come from (never an evaluation set)
ACLED_REQUIRED = ("en",)  # languages whose labels must say the ACLED sub-event (issue 14); optional elsewhere
SPLIT_SEED = "chronique-events-13"
DEV_SHARE = 5  # one article in five (by a seeded hash of its id) is held out for measuring


def validate(label: dict[str, Any], where: str, lang: str = "fr") -> None:
    """Raise ValueError naming ``where`` when a label line breaks the guide's constraints.

    ``acled`` (the ACLED sub-event type or null) is required in the languages of ``ACLED_REQUIRED``
    and checked wherever it is given; a ``not`` label has none."""
    if label.get("event") not in VERDICTS:
        raise ValueError(f"{where}: event must be one of {VERDICTS}, not {label.get('event')!r}")
    if label["event"] == "not":
        if label.get("type") is not None or label.get("modality") is not None:
            raise ValueError(f"{where}: a 'not' label has no type or modality")
    else:
        if label.get("type") not in TYPES:
            raise ValueError(f"{where}: unknown PLOVER type {label.get('type')!r}")
        if label.get("modality") not in MODALITIES:
            raise ValueError(f"{where}: unknown modality {label.get('modality')!r}")
    if "acled" in label or lang in ACLED_REQUIRED:
        if "acled" not in label:
            raise ValueError(f"{where}: an {lang} label says its ACLED sub-event type "
                             "(\"acled\": a name or null)")
        if label["acled"] is not None and label["acled"] not in ACLED_SUBEVENTS:
            raise ValueError(f"{where}: unknown ACLED sub-event type {label['acled']!r} "
                             f"(one of {', '.join(ACLED_SUBEVENTS)}, or null)")
        if label["event"] == "not" and label["acled"] is not None:
            raise ValueError(f"{where}: a 'not' label has no ACLED sub-event type")
    if not label.get("labeller"):
        raise ValueError(f"{where}: the labeller is not named")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def load_labelled(root: Path = HERE, lang: str = "fr") -> list[dict[str, Any]]:
    """Every labelled candidate of ``lang``: the candidate record with its ``label``, in file order."""
    out: list[dict[str, Any]] = []
    for cand_file in sorted((root / "candidates").glob(f"{lang}-*.jsonl")):
        label_file = root / "labels" / cand_file.name
        if not label_file.exists():
            continue
        cands = {c["id"]: c for c in _jsonl(cand_file)}
        if lang in SOURCES:
            bad = next((c for c in cands.values() if c.get("corpus") not in SOURCES[lang]), None)
            if bad is not None:
                raise ValueError(f"{cand_file}: candidate {bad['id']!r} comes from {bad.get('corpus')!r}, "
                                 f"not from the {lang} training sources {SOURCES[lang]}")
        seen: set[str] = set()
        for n, label in enumerate(_jsonl(label_file), 1):
            where = f"{label_file}:{n}"
            validate(label, where, lang)
            if label["id"] not in cands:
                raise ValueError(f"{where}: no candidate {label['id']!r} in {cand_file.name}")
            if label["id"] in seen:
                raise ValueError(f"{where}: {label['id']!r} labelled twice")
            seen.add(label["id"])
            out.append({**cands[label["id"]], "label": label})
    return out


def is_dev(row: dict[str, Any]) -> bool:
    """The seeded article-level split: a whole article is in train or in dev."""
    digest = hashlib.sha1(f"{SPLIT_SEED}:{row['doc']}".encode()).hexdigest()
    return int(digest[:8], 16) % DEV_SHARE == 0


def model_text(row: dict[str, Any]) -> str:
    from chronique.events.detector import candidate_text

    t = row["trigger"]
    return candidate_text(row["sentence"], t["start"], t["end"], row["rule"]["event"], row.get("features", ()))


def cats_for(row: dict[str, Any], decision: str) -> dict[str, float] | None:
    """The classifier targets of one labelled row for ``decision`` (None: not an example of it)."""
    label = row["label"]
    if decision == "event":
        return {k: float(label["event"] == v) for k, v in (("EVENT", "event"), ("BACKGROUND", "background"),
                                                            ("NOT", "not"))}
    if label["event"] == "not":
        return None
    if decision == "type":
        return {t: float(label["type"] == t) for t in TYPES}
    if decision == "modality":
        if label["event"] != "event":
            return None
        return {m.upper(): float(label["modality"] == m) for m in MODALITIES}
    if decision == "acled":
        # acts (news or background) of a sub-event the PLOVER mapping cannot tell from its group's
        # others: the model only ever chooses within a group (ten classes keep its weights small)
        grouped = _grouped_subevents()
        if label.get("acled") not in grouped:
            return None
        return {s: float(label["acled"] == s) for s in grouped}
    raise ValueError(f"unknown decision {decision!r}")
