"""Whether two reports tell one event: blocking keys, explainable features, one score.

A report is reduced to a small *key* (``report_key``): its event family and
types, the days its date may cover given its precision, its place and how
precise that place is, its parties, the content words of its sentences, its
casualty figures, its modality and which source it comes from (a copy counts
as the source it copies). Keys are what the store keeps per merged event to
score newcomers against, so scoring never re-reads full records.

``features`` compares two keys and returns each feature in [0, 1] (``place``
may be -1: two precise places too far apart). ``score`` is their weighted sum
(weights in ``chronique/data/merge/merge.json``), and ``decide`` adds the hard
rules: a pair merges when its score reaches the threshold *and* something
beyond type and date ties it (a shared party, shared names, a close place — or a
country and a place in it on the same day —, nearly the same sentences or a
copy; a place conflict costs score but is not a rule), and never across
modalities that cannot be the same happening (a plan and a fact), across precise
dates two days apart, or within one article (the in-document merge has already
made one record per event there).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import Any

from ._data import country_words, family_of, fold, generic_party_words, office_holders, settings, stopwords

__all__ = ["candidate_window", "dates_meet", "decide", "features", "may_tie", "plain", "report_key", "score"]

_WORD = re.compile(r"[^\W\d_]+")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")




def _bounds(value: str | None) -> tuple[str, str] | None:
    from ..store._rows import date_bounds  # the store's reading of dates, so both agree

    return date_bounds(value)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _party_keys(actors: list[dict[str, Any]] | None) -> tuple[list[str], list[str]]:
    """Named keys (canonical name, else the words as written) and coarse keys (country/sector)."""
    names, coarse = [], []
    for a in actors or []:
        name = a.get("name")
        if name:
            names.append(fold(name))
        elif a.get("text"):
            words = [w for w in _WORD.findall(fold(a["text"])) if w not in stopwords()]
            if words:
                names.append(" ".join(words))
        if a.get("country") or a.get("sector"):
            coarse.append(f"{a.get('country') or ''}/{a.get('sector') or ''}")
    return names, coarse


def _content_words(sentences: list[str]) -> list[str]:
    cfg = settings()["words"]
    stems = {w[:cfg["stem"]] for s in sentences for w in _WORD.findall(fold(s))
             if len(w) >= cfg["min_length"] and w not in stopwords()}
    return sorted(stems)


_PROPER = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][^\W\d_]+(?:-[A-ZÀ-Ý][^\W\d_]+)*)")


def _proper_names(sentences: list[str]) -> list[str]:
    """Capitalised words inside the sentences (not the first of each): the names they share."""
    cfg = settings()["words"]
    found = set()
    for s in sentences:
        for m in _PROPER.finditer(s):
            if m.start() == 0 or s[:m.start()].rstrip().endswith((".", "!", "?", "«", '"', ":")):
                continue
            word = fold(m.group(1))
            if len(word) >= cfg["min_length"] and word not in stopwords():
                found.add(word[:cfg["stem"] + 2])
    return sorted(found)


def _place_words(loc: dict[str, Any]) -> frozenset[str]:
    """The words of an event place's text and name, each folded and also cut as proper names are."""
    cut = settings()["words"]["stem"] + 2
    words = {w for v in (loc.get("text"), loc.get("name")) if v for w in _WORD.findall(fold(v))
             if w not in stopwords()}
    return frozenset(words | {w[:cut] for w in words})


def _holders(names: list[str], day: tuple[str, str] | None) -> list[str]:
    """The registry's holders, in the report's year, of offices named as parties ('president of france'
    in 2019: 'emmanuel macron'): one party told by its title in one report and by its name in another."""
    if not day:
        return []
    year = int(day[0][:4])
    return [name for n in names for name, first, last in office_holders().get(n.replace(" the ", " "), ())
            if first <= year <= last]


def _is_place(actor: dict[str, Any], place_words: frozenset[str]) -> bool:
    """A party that is only the event's place ('Paris' as recipient of a protest in Paris)."""
    words = [w for w in _WORD.findall(fold(actor.get("text") or actor.get("name") or "")) if w not in stopwords()]
    return bool(place_words) and bool(words) and all(w in place_words for w in words)


def _in_lead(record: dict[str, Any]) -> bool:
    """Whether the report is told in its article's lead (the news itself, not a mention in passing)."""
    starts = [e.get("start") for e in record.get("evidence") or [] if isinstance(e.get("start"), int)]
    return bool(starts) and min(starts) < settings()["lead_chars"]


def report_key(record: dict[str, Any], source: str | None = None, published: str | None = None) -> dict[str, Any]:
    """The compact key of one article-level event record (what blocking and scoring read).

    ``source`` names the independent source the report comes from (the article a copy
    copies, else the article itself); ``published`` is the article's publication time.
    """
    types = [str(t).upper() for t in record.get("event") or []]
    cfg = settings()
    prec = record.get("date_precision") or ""
    lo_hi = _bounds(record.get("date"))
    end = _bounds(record.get("enddate"))
    lo = lo_hi[0] if lo_hi else None
    hi = (end or lo_hi)[1] if lo_hi else None
    if lo and hi:
        slack = cfg["date_slack_days"].get(prec, cfg["date_slack_days"]["default"])
        lo, hi = _shift(lo, -slack[0]), _shift(hi, slack[1])
    loc = record.get("event_loc") or {}
    place_words = _place_words(loc)
    # the event's own place written as a party ("Paris" as a recipient) or as a name of its sentences is
    # kept apart (pnames, pcoarse, pproper): see features
    parties = (record.get("actor") or []) + (record.get("recipient") or [])
    names, coarse = _party_keys([a for a in parties if not _is_place(a, place_words)])
    names += _holders(names, lo_hi)
    pnames, pcoarse = _party_keys([a for a in parties if _is_place(a, place_words)])
    proper = _proper_names(record.get("event_text") or [])
    return {
        "id": record.get("id"), "doc": record.get("doc_id"), "src": source or record.get("doc_id"),
        "family": family_of().get(types[0]) if types else None, "types": types,
        "lo": lo, "hi": hi, "prec": prec,
        "lat": loc.get("lat"), "lon": loc.get("lon"), "cc": (loc.get("country_code") or "").upper() or None,
        "gid": loc.get("geonameid"), "gprec": loc.get("precision"),
        "ptext": " ".join(_WORD.findall(fold(loc.get("text") or ""))) or None,
        "names": sorted(set(names)), "coarse": sorted(set(coarse)),
        "pnames": sorted(set(pnames)), "pcoarse": sorted(set(pcoarse)),
        "words": _content_words(record.get("event_text") or []),
        "proper": [w for w in proper if w not in place_words], "pproper": [w for w in proper if w in place_words],
        "dead": record.get("dead"), "modality": record.get("modality") or "asserted",
        "trigger": fold(record.get("trigger") or "")[:settings()["words"]["stem"]] or None,
        "background": bool(record.get("background")), "published": published,
        "lead": _in_lead(record),
    }


def candidate_window(key: dict[str, Any]) -> tuple[str, str] | None:
    """The days a stored event must touch to be a candidate for this report; None: never merged.

    Reports dated only by a month or more (or not at all) are too vague to block on,
    and background history is not news of the day: they stay events of their own.
    """
    if key["background"] or not key["family"] or not key["lo"] or not key["hi"]:
        return None
    if _days(key["lo"], key["hi"]) > settings()["max_span_days"]:
        return None
    return key["lo"], key["hi"]


def dates_meet(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two reports' date windows (slack included) share a day. Two precise dates may be a day
    apart (one report's days meet the other's window), not two: the slack of each would otherwise add up
    (on OrangeSum the rockets on the US embassy at Baghdad on 5 January joined Soleimani's killing on the
    3rd, and the eve of the 17 December strike day the eve of the 10th)."""
    if not (a["lo"] and b["lo"] and a["lo"] <= b["hi"] and b["lo"] <= a["hi"]):
        return False
    inner = _sets(a).inner
    if inner is None or _sets(b).inner is None:
        return True
    return inner[0] <= b["hi"] and b["lo"] <= inner[1]


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = map(math.radians, (float(a["lat"]), float(a["lon"]), float(b["lat"]),
                                                     float(b["lon"])))
    except (TypeError, ValueError, KeyError):
        return None
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place(a: dict[str, Any], b: dict[str, Any], same_day: bool = False) -> float:
    """1 same place .. 0.5 at the edge of the tolerance; 0 unknown; -1 too far apart or other country."""
    if a["gid"] is not None and a["gid"] == b["gid"]:
        return 1.0
    if same_day and a.get("ptext") and a.get("ptext") == b.get("ptext"):
        # both reports write the same place name on the same day and the gazetteer read it as two places
        # (Manchester in England and in Jamaica, Minneapolis in Minnesota and in Kansas, Ottawa in Canada
        # and in Kansas): one reading is wrong, which one is the gazetteer's question, and the name is one
        # place. A day apart the conflict stands (on OrangeSum a report of a killing in Jerusalem placed at
        # the Minneapolis its sentences mention, a day after the Minneapolis riots)
        return settings()["same_place_name"]
    if a["cc"] and b["cc"] and a["cc"] != b["cc"]:
        return -1.0
    tolerance = settings()["place_tolerance_km"]
    coarse = [p for p in (a["gprec"], b["gprec"]) if p]
    if not coarse or {"country", "region"} & set(coarse):
        return settings()["same_country_place"] if a["cc"] and a["cc"] == b["cc"] else 0.0
    km = _km(a, b)
    if km is None:
        return 0.0
    tol = max(tolerance.get(p, tolerance["default"]) for p in coarse)
    return 1.0 - 0.5 * km / tol if km <= tol else -1.0


def _country_tie(a: dict[str, Any], b: dict[str, Any], feats: dict[str, float]) -> bool:
    """One report places the event only in a country, the other in a place of that country ('en France'
    and 'à Paris'): the place agrees as far as the coarser report tells it, which ties two reports of the
    same day(s) whose sentences share words (>= anchor.country_words: on OrangeSum a healthcare workers'
    march 'en France' and a police rally at Saint-Denis the same day share almost none)."""
    return (feats["date"] >= 1.0 and feats["words"] >= settings()["anchor"]["country_words"]
            and bool(a["cc"]) and a["cc"] == b["cc"] and "country" in (a["gprec"], b["gprec"])
            and a["gid"] != b["gid"])


def _date(a: dict[str, Any], b: dict[str, Any]) -> float:
    """1 the same day(s) told precisely, or a day and a night holding it (a range of two days: 'la
    nuit de lundi à mardi' against 'lundi soir' or 'mardi'); 0.6 precise ranges that overlap; 0.4
    precise days one day apart (within the slack); 0.2 a vague date (publication, week, month) that
    allows it; 0 never."""
    if not dates_meet(a, b):
        return 0.0
    if a["prec"] not in ("day", "range") or b["prec"] not in ("day", "range"):
        return 0.2
    if a["lo"] == b["lo"] and a["hi"] == b["hi"]:
        return 1.0
    a_lo, a_hi = _sets(a).inner or (a["lo"], a["hi"])
    b_lo, b_hi = _sets(b).inner or (b["lo"], b["hi"])
    for (d_lo, d_hi), (n_lo, n_hi) in (((a_lo, a_hi), (b_lo, b_hi)), ((b_lo, b_hi), (a_lo, a_hi))):
        if d_lo == d_hi and n_lo <= d_lo <= n_hi and _days(n_lo, n_hi) == 1:
            return 1.0
    return 0.6 if a_lo <= b_hi and b_lo <= a_hi else 0.4


def _name_words(names: list[str]) -> list[str]:
    """Words of party names, cut to a stem: 'police forces of belgium' meets 'police officers of belgium'."""
    cfg = settings()["words"]
    generic = generic_party_words()
    return sorted({w[:cfg["stem"]] for n in names for w in _WORD.findall(n)
                   if len(w) >= cfg["party_min_length"] and w not in stopwords() and w not in generic})


class _Sets:
    """What features compare of one key, made once and kept in it (``_sets``): a newcomer is compared
    with every report of its candidates, and the store keeps parsed candidates between articles.
    Names, coarse parties and proper names with the place's own words, and without them (``own_``);
    ``tie_`` without country names (a country's name is where, not which event: ``_ties``); the days
    a precise date covers without the slack (``inner``)."""

    __slots__ = ("coarse", "inner", "names", "own_names", "own_proper", "own_tie_proper", "proper",
                 "tie_proper", "words")

    def __init__(self, key: dict[str, Any]) -> None:
        proper = list(key.get("proper") or [])
        self.words = frozenset(key.get("words") or ())
        self.own_names = frozenset(_name_words(list(key.get("names") or [])))
        self.names = self.own_names.union(_name_words(list(key.get("pnames") or [])))
        self.coarse = frozenset(list(key.get("coarse") or []) + list(key.get("pcoarse") or []))
        self.proper = frozenset(proper + list(key.get("pproper") or []))
        self.own_proper = frozenset(proper)
        self.tie_proper = self.proper - country_words()
        self.own_tie_proper = self.own_proper - country_words()
        self.inner: tuple[str, str] | None = None
        if key.get("prec") in ("day", "range") and key.get("lo") and key.get("hi"):
            slack = settings()["date_slack_days"].get(key["prec"], [0, 0])
            self.inner = _shift(key["lo"], slack[0]), _shift(key["hi"], -slack[1])


def _sets(key: dict[str, Any]) -> _Sets:
    memo = key.get("_sets")
    if memo is None:
        memo = key["_sets"] = _Sets(key)
    return memo


def plain(key: dict[str, Any]) -> dict[str, Any]:
    """A key without what scoring kept in it (what the store writes)."""
    return {k: v for k, v in key.items() if k != "_sets"}


def _share(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared items over the smaller set (0 when one is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def features(a: dict[str, Any], b: dict[str, Any]) -> dict[str, float]:
    """Each feature of a pair of report keys (names as in merge.json's weights)."""
    if a["types"] and b["types"] and a["types"][0] == b["types"][0]:
        type_f = 1.0
    elif set(a["types"]) & set(b["types"]):
        type_f = 0.6
    else:
        type_f = 0.3 if a["family"] == b["family"] else 0.0
    date_f = _date(a, b)
    sa, sb = _sets(a), _sets(b)
    words_a, words_b = sa.words, sb.words
    # cosine of the word sets: a one-sentence brief and a long report of one event share few
    # of the long one's words, which Jaccard would punish twice
    words = len(words_a & words_b) / math.sqrt(len(words_a) * len(words_b)) if words_a and words_b else 0.0
    place = _place(a, b, same_day=date_f >= 1.0)
    # the event's own place written as a party ('Paris' as a recipient) or a name of its sentences adds
    # to the score as any shared name does; whether it may also *tie* the pair is decide's business
    # (_ties): the place alone ties a pair only on one day
    parties = _share(sa.names, sb.names)
    coarse = _share(sa.coarse, sb.coarse)
    proper = _share(sa.proper, sb.proper)
    dead = 1.0 if a["dead"] is not None and a["dead"] == b["dead"] else 0.0
    trigger = 1.0 if a["trigger"] and a["trigger"] == b["trigger"] else 0.0
    return {"type": type_f, "date": date_f, "place": place, "parties": parties, "coarse_parties": coarse,
            "words": round(words, 3), "proper": round(proper, 3), "dead": dead, "trigger": trigger,
            "copy": 1.0 if a["src"] == b["src"] else 0.0}


def score(feats: dict[str, float]) -> float:
    """Weighted sum of the features (weights in merge.json)."""
    weights = settings()["weights"]
    return round(sum(weights[name] * value for name, value in feats.items()), 3)


def _ties(a: dict[str, Any], b: dict[str, Any], feats: dict[str, float]) -> tuple[float, float]:
    """(parties, proper) as evidence that ties a pair beyond type, date and place: when the place
    feature has credited two close places, the place's own words written as a party ('Paris' as the
    recipient of a protest in Paris) or a name of the sentences are that place again, not a party or a
    name shared besides it (they tied the climate school strike on Friday to the Marche du siècle and
    the gilets jaunes' acte 18 on Saturday, all in Paris). When the places are unknown or disagree,
    the shared name is the evidence of place and ties as any name does — and so, as a place, a
    country's name ties nothing a day apart: the days of one strike named 'France' by both reports (the
    15th and the 17th, the 5th and the 6th of December on OrangeSum, the United States' protests of two
    days) are as many events."""
    day_apart = settings()["vague_date"]["date"] < feats["date"] <= settings()["anchor"]["place_date"]
    sa, sb = _sets(a), _sets(b)
    if feats["place"] < settings()["anchor"]["place"]:
        return feats["parties"], _share(sa.tie_proper, sb.tie_proper) if day_apart else feats["proper"]
    own = _share(sa.own_tie_proper, sb.own_tie_proper) if day_apart else _share(sa.own_proper, sb.own_proper)
    return _share(sa.own_names, sb.own_names), own


def may_tie(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """False when ``decide`` cannot merge two reports, told cheaply: nothing can tie them (no shared
    party word, no shared name, not one source, no place of one country where one is only the country,
    no same place name, places farther apart than half their tolerance). Most candidates of a busy
    day are such pairs; the store skips scoring them (same decisions, measured on OrangeSum)."""
    if a["src"] == b["src"]:
        return True
    sa, sb = _sets(a), _sets(b)
    if not sa.names.isdisjoint(sb.names) or not sa.proper.isdisjoint(sb.proper):
        return True
    if a["cc"] and a["cc"] == b["cc"] and "country" in (a["gprec"], b["gprec"]):
        return True
    if a.get("ptext") and a.get("ptext") == b.get("ptext"):
        return True
    return _place(a, b) >= settings()["anchor"]["place"]


_PLANS = frozenset({"planned", "hypothetical", "agreed"})


def decide(a: dict[str, Any], b: dict[str, Any]) -> tuple[bool, dict[str, float], float]:
    """(same event?, features, score) for two report keys."""
    feats = features(a, b)
    s = score(feats)
    cfg = settings()
    if a["doc"] == b["doc"] or a["family"] != b["family"]:
        return False, feats, s
    if (a["modality"] in _PLANS or b["modality"] in _PLANS) and a["modality"] != b["modality"]:
        return False, feats, s
    if not feats["date"]:
        return False, feats, s
    if feats["copy"]:
        return s >= cfg["copy_threshold"], feats, s
    if feats["date"] <= cfg["vague_date"]["date"] and feats["words"] < cfg["vague_date"]["words"]:
        # a report dated only by its publication, a week or a month mostly mentions the event in
        # passing: only the same sentences, nearly word for word, tie it to one happening
        return False, feats, s
    parties, proper = _ties(a, b, feats)
    if a["family"] in cfg["party_required_families"]:
        # statements, meetings, agreements: the same words on the same day are often two
        # people saying the same thing; one statement has one speaker
        anchored = parties > 0
    else:
        # a place does not tie two precise dates a day apart: in one city they are as often two
        # events (the climate strike on Friday, the climate march on Saturday; Charlie Hebdo on
        # Wednesday, Montrouge on Thursday; on OrangeSum the islamophobia march and a cinema
        # blockade, a protest and a fire in Paris) as one event dated apart: a party or names decide.
        # A vague date (publication, month) ties only nearly the same sentences (above), where the
        # place still anchors (one paragraph reprinted by three articles of the Essex lorry inquiry)
        day_apart = cfg["vague_date"]["date"] < feats["date"] <= cfg["anchor"]["place_date"]
        anchored = (parties > 0 or proper >= cfg["anchor"]["proper"]
                    or (not day_apart and feats["place"] >= cfg["anchor"]["place"])
                    or _country_tie(a, b, feats))
    # the news of the day is told in the lead; later paragraphs mention other events in passing,
    # with the same words and names: two reports not both in a lead need more to be one event
    needed = cfg["threshold"] if a.get("lead", True) and b.get("lead", True) else cfg["threshold_in_passing"]
    return anchored and s >= needed, feats, s
