"""Records that flow through chronique: articles, mentions and events.

Every mention keeps the character offsets of the words it came from
(``start``/``end`` into ``Article.text``), so that any field of an event can be
traced back to its evidence. Records convert to plain dicts with ``as_dict()``
and back with ``from_dict()``; ``Event.as_dict()`` is the PLOVER JSON record
described in DESIGN.md.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

__all__ = [
    "Article",
    "Span",
    "Timex",
    "Place",
    "Actor",
    "Quantity",
    "Evidence",
    "Event",
    "MODALITIES",
    "PLOVER_TYPES",
]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "agreed", "planned", "denied", "hypothetical")


def _from_dict(cls: Any, data: dict[str, Any]) -> Any:
    """Build a dataclass from a dict, ignoring unknown keys (forward compatible)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    """One news report, as read by ``chronique.ingest``.

    ``id`` is the identifier given by the source (JSON ``id``, file name) or, when
    there is none, the content hash; ``published`` is an ISO date or date-time.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # file (and line or record) the article was read from

    @property
    def content_hash(self) -> str:
        """SHA-256 of title and text: the key that makes re-ingestion idempotent.

        Never raises: a lone surrogate (invalid Unicode that readers refuse, but that a
        library caller may pass) is hashed as its code unit ("surrogatepass"); every
        valid text hashes exactly as plain UTF-8."""
        h = hashlib.sha256()
        h.update((self.title or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _from_dict(cls, data)


@dataclass
class Timex:
    """A temporal expression with its TIMEX3 type and value.

    ``begin``/``finish`` are the calendar interval the value covers (ISO dates,
    both inclusive) when it denotes one, and ``precision`` its grain
    (day, week, month, season, quarter, year, decade, century, range); both are
    None for durations and sets.
    """

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    begin: str | None = None
    finish: str | None = None
    precision: str | None = None
    anchor: str | None = None  # "dct", "text", "inferred" (reference date guessed from the text)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        return _from_dict(cls, data)


@dataclass
class Place:
    """A place mention resolved to a GeoNames entry."""

    start: int
    end: int
    text: str
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    feature_code: str | None = None  # GeoNames feature code: PPLC, PCLI, ADM1, ...
    admin1: str | None = None
    precision: str | None = None  # point | city | admin1 | admin2 | country | region
    admin2: str | None = None
    admin1_id: int | None = None  # GeoNames ids of the admin1 and admin2 areas the place lies in (or is)
    admin2_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return _from_dict(cls, data)


@dataclass
class Actor:
    """An actor mention with its canonical name and PLOVER/CAMEO codes.

    ``country`` is ISO 3166-1 alpha-3 (None for international or stateless
    actors); ``sector`` a PLOVER/CAMEO sector code (GOV, MIL, REB, IGO, ...).
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    wikidata: str | None = None
    kind: str | None = None  # person | state | organisation | group | unknown

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return _from_dict(cls, data)


@dataclass
class Quantity:
    """A number attached to an event: ``value`` in ``unit`` (target, sortie, dead, ...)."""

    value: float | int
    unit: str | None
    text: str
    start: int | None = None
    end: int | None = None
    approximate: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return _from_dict(cls, data)


@dataclass(frozen=True)
class Evidence:
    """Which characters of the article support which field of an event."""

    start: int
    end: int
    field: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One real-world event, PLOVER-coded, with chronique's extensions."""

    id: str
    doc_id: str
    event: list[str]
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    date: str | None = None
    enddate: str | None = None
    date_precision: str | None = None
    event_loc: dict[str, Any] | None = None
    places: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dead: int | None = None
    injured: int | None = None
    size: int | None = None
    claimant: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    event_text: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    acled: dict[str, str] | None = None
    lang: str | None = None
    trigger: str | None = None
    # dated only by a decade or century, or decades from the publication: history told
    # as background, kept in the record but out of the store's default views and exports
    background: bool = False

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "doc_id": self.doc_id,
            "event": list(self.event),
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [a.as_dict() for a in self.actor],
            "recipient": [a.as_dict() for a in self.recipient],
            "date": self.date,
            "enddate": self.enddate,
            "date_precision": self.date_precision,
            "event_loc": self.event_loc,
            "places": self.places,
            "quantities": [q.as_dict() for q in self.quantities],
            "dead": self.dead,
            "injured": self.injured,
            "size": self.size,
            "claimant": [a.as_dict() for a in self.claimant],
            "modality": self.modality,
            "event_text": list(self.event_text),
            "evidence": [e.as_dict() for e in self.evidence],
            "acled": self.acled,
            "lang": self.lang,
            "trigger": self.trigger,
        }
        if self.background:  # written only when set: current events keep their shape
            d["background"] = True
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        d = dict(data)
        for key in ("actor", "recipient", "claimant"):
            d[key] = [Actor.from_dict(a) for a in d.get(key) or []]
        d["quantities"] = [Quantity.from_dict(q) for q in d.get("quantities") or []]
        d["evidence"] = [Evidence(**e) for e in d.get("evidence") or []]
        d["event"] = list(d.get("event") or [])
        return _from_dict(cls, d)
