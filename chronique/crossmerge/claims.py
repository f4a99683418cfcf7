"""One merged event from its reports: every claim kept, disagreements flagged, a grade.

``merged_record`` builds the record of a merged event from the article-level
records attached to it (its *reports*), each with what the store knows of its
article (outlet, publication time, whether it is a copy) and why it was
attached. The merged record has the PLOVER fields of an article-level record —
so every export and filter reads it unchanged — plus:

- ``reports``: one entry per report: ``doc_id``, the article-level record ``id``,
  ``event``, ``event_text``, ``published``, ``outlet``, ``claimant``, what it says
  (``date``, ``place``, ``actor``, ``recipient``, ``dead``, ``injured``, ``size``,
  ``modality``), ``copy_of`` when its article is a copy, and ``attached`` (the
  features and score that attached it, or null for the report that founded it);
- ``claims``: for ``dead``, ``injured``, ``size`` and ``date``, every value
  reported with the reports and claimants that give it;
- ``disagreements``: the fields whose reported values differ;
- ``sources`` (independent sources: copies count as the article they copy, and
  one outlet counts once) and ``corroboration``:
  ``contested`` (reports disagree on casualties or dates, or one report denies
  the event), else ``confirmed`` (the acting side itself claims it), else
  ``corroborated`` (two or more independent sources), else ``single-source``.

Summary figures follow ACLED's rule: the lowest credible figure (the smallest
value an asserting report gives); all values stay in ``claims``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

__all__ = ["GRADES", "Report", "corroboration", "disagreements", "merged_record"]

GRADES = ("confirmed", "corroborated", "single-source", "contested")
_FIGURES = ("dead", "injured", "size")
_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})

Report = dict[str, Any]  # {"record": article-level record, "outlet", "published", "copy_of", "attached"}


def _who(record: dict[str, Any], outlet: str | None) -> list[str]:
    """Who claims a report: its claimants' names, else the outlet that published it."""
    names = [c.get("name") or c.get("text") for c in record.get("claimant") or [] if c.get("name") or c.get("text")]
    return names or ([outlet] if outlet else [])


def _names(actors: list[dict[str, Any]] | None) -> list[str]:
    return [a.get("name") or a.get("text") for a in actors or [] if a.get("name") or a.get("text")]


def _sources(reports: list[Report]) -> set[str]:
    """Independent sources: one per outlet (else per article); a copy counts as the article it copies."""
    own = {r["record"].get("doc_id"): r.get("outlet") or r["record"].get("doc_id") for r in reports}
    found = set()
    for rep in reports:
        original = rep.get("copy_of")
        found.add(own.get(original, original) if original else own[rep["record"].get("doc_id")])
    return found


def _acting_side_claims(record: dict[str, Any]) -> bool:
    """A claimant who is the actor, or the actor's own state speaking for its forces."""
    actors = record.get("actor") or []
    for c in record.get("claimant") or []:
        for a in actors:
            if c.get("name") and c.get("name") == a.get("name"):
                return True
            if c.get("country") and c.get("country") == a.get("country") \
                    and (c.get("sector") or "") in _STATE and (a.get("sector") or "") in _STATE:
                return True
    return False


def _date_claim(record: dict[str, Any]) -> str | None:
    if not record.get("date") or record.get("date_precision") in ("publication", None):
        return None  # a publication date stands in for a date nobody claimed
    end = record.get("enddate")
    return record["date"] if not end or end == record["date"] else f"{record['date']}/{end}"


def _claims(reports: list[Report]) -> dict[str, list[dict[str, Any]]]:
    claims: dict[str, list[dict[str, Any]]] = {}
    for field in (*_FIGURES, "date"):
        values: dict[Any, dict[str, Any]] = {}
        for rep in reports:
            rec = rep["record"]
            value = _date_claim(rec) if field == "date" else rec.get(field)
            if value is None:
                continue
            entry = values.setdefault(value, {"value": value, "reports": [], "claimant": []})
            entry["reports"].append(rec.get("id"))
            for who in _who(rec, rep.get("outlet")):
                if who not in entry["claimant"]:
                    entry["claimant"].append(who)
        if values:
            claims[field] = sorted(values.values(), key=lambda e: str(e["value"]))
    return claims


def _dates_conflict(values: list[str]) -> bool:
    """True when two claimed dates (day or range) cannot be the same happening: no shared day."""
    spans = []
    for v in values:
        lo, _, hi = v.partition("/")
        spans.append((lo[:10], (hi or lo)[:10]))
    return any(a[0] > b[1] or b[0] > a[1] for i, a in enumerate(spans) for b in spans[i + 1:])


def corroboration(reports: list[Report], disagreements: list[str]) -> tuple[str, int]:
    """The grade of a merged event and its number of independent sources."""
    sources = len(_sources(reports))
    if disagreements or any(r["record"].get("modality") == "denied" for r in reports):
        return "contested", sources
    if any(_acting_side_claims(r["record"]) for r in reports):
        return "confirmed", sources
    return ("corroborated" if sources >= 2 else "single-source"), sources


def _union(reports: list[Report], role: str) -> list[dict[str, Any]]:
    seen, out = set(), []
    for rep in reports:
        for a in rep["record"].get(role) or []:
            key = (a.get("name") or (a.get("text") or "").casefold(), a.get("country"))
            if key not in seen:
                seen.add(key)
                out.append(a)
    return out


_PLACE_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_DATE_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "season": 4, "quarter": 5, "year": 6, "publication": 7}


def _report_entry(rep: Report) -> dict[str, Any]:
    rec = rep["record"]
    loc = rec.get("event_loc") or {}
    return {
        "doc_id": rec.get("doc_id"), "id": rec.get("id"), "event": rec.get("event") or [],
        "event_text": rec.get("event_text") or [], "published": rep.get("published"), "outlet": rep.get("outlet"),
        "claimant": rec.get("claimant") or [], "date": rec.get("date"), "enddate": rec.get("enddate"),
        "date_precision": rec.get("date_precision"), "place": loc.get("name") or loc.get("text"),
        "actor": _names(rec.get("actor")), "recipient": _names(rec.get("recipient")),
        "dead": rec.get("dead"), "injured": rec.get("injured"), "size": rec.get("size"),
        "modality": rec.get("modality"), "copy_of": rep.get("copy_of"), "attached": rep.get("attached"),
    }


def merged_record(event_id: str, reports: list[Report]) -> dict[str, Any]:
    """The record of the merged event ``event_id`` told by ``reports`` (founding report first)."""
    if not reports:
        raise ValueError(f"merged event {event_id!r} has no report")
    first = reports[0]["record"]
    record = {k: v for k, v in first.items()}
    record["id"] = event_id
    types = Counter(t for r in reports for t in r["record"].get("event") or [])
    record["event"] = [t for t in first.get("event") or []] + sorted(
        (t for t in types if t not in (first.get("event") or [])), key=lambda t: -types[t])
    for field in ("mode", "context"):
        record[field] = list(dict.fromkeys(m for r in reports for m in r["record"].get(field) or []))
    for role in ("actor", "recipient", "claimant"):
        record[role] = _union(reports, role)
    dated = min(reports, key=lambda r: _DATE_RANK.get(r["record"].get("date_precision") or "", 8))["record"]
    record.update(date=dated.get("date"), enddate=dated.get("enddate"), date_precision=dated.get("date_precision"))
    placed = [r["record"] for r in reports if r["record"].get("event_loc")]
    if placed:
        best = min(placed, key=lambda r: _PLACE_RANK.get((r.get("event_loc") or {}).get("precision") or "", 6))
        record["event_loc"] = best["event_loc"]
    claims = _claims(reports)
    asserting = [r["record"] for r in reports if r["record"].get("modality") != "denied"]
    for field in _FIGURES:
        values = [r[field] for r in asserting if r.get(field) is not None]
        record[field] = min(values) if values else None  # ACLED: the lowest credible figure
    record["event_text"] = list(dict.fromkeys(s for r in reports for s in r["record"].get("event_text") or []))
    record["evidence"] = []  # offsets belong to each report's article: see reports[].id
    if any(r["record"].get("modality") == "asserted" for r in reports):
        record["modality"] = "asserted"
    disagreements = [f for f in _FIGURES if len(claims.get(f, [])) > 1]
    if "date" in claims and _dates_conflict([c["value"] for c in claims["date"]]):
        disagreements.append("date")
    grade, sources = corroboration(reports, disagreements)
    record["reports"] = [_report_entry(r) for r in reports]
    record["claims"] = claims
    record["disagreements"] = disagreements
    record["sources"] = sources
    record["copies"] = sum(1 for r in reports if r.get("copy_of"))
    record["corroboration"] = grade
    return record


def disagreements(merged: dict[str, Any]) -> list[dict[str, Any]]:
    """What the reports of a merged event disagree on, for a reader: one entry per field in its
    ``disagreements``, each value with who claims it and the outlets and dates of the reports giving it."""
    by_id = {r.get("id"): r for r in merged.get("reports") or []}
    out = []
    for field in merged.get("disagreements") or []:
        values = []
        for claim in (merged.get("claims") or {}).get(field, []):
            reports = [by_id[i] for i in claim.get("reports") or [] if i in by_id]
            values.append({"value": claim.get("value"), "claimant": claim.get("claimant") or [],
                           "reports": [{"id": r.get("id"), "doc_id": r.get("doc_id"), "outlet": r.get("outlet"),
                                        "published": r.get("published")} for r in reports]})
        summary = merged.get(field) if field in _FIGURES else None
        out.append({"field": field, "values": values, "summary": summary})
    if any(r.get("modality") == "denied" for r in by_id.values()):
        out.append({"field": "modality", "summary": None, "values": [
            {"value": m, "claimant": [], "reports": [{"id": r.get("id"), "doc_id": r.get("doc_id"),
                                                      "outlet": r.get("outlet"), "published": r.get("published")}
                                                     for r in by_id.values() if r.get("modality") == m]}
            for m in dict.fromkeys(r.get("modality") for r in by_id.values())]})
    return out
