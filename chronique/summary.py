"""Readable summaries of a store and one-line renderings of events (for people, not programs)."""

from __future__ import annotations

from typing import Any

__all__ = ["event_line", "summarize"]


def _names(actors: list[dict[str, Any]] | None) -> str:
    out = []
    for a in actors or []:
        label = a.get("name") or a.get("text") or "?"
        code = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
        out.append(f"{label} ({code})" if code else label)
    return ", ".join(out) or "-"


def event_line(rec: dict[str, Any]) -> str:
    """One line: date, type/mode, place, parties, claimant."""
    when = rec.get("date") or "?"
    if rec.get("enddate") and rec["enddate"] != rec.get("date"):
        when += f"..{rec['enddate']}"
    what = "/".join(rec.get("event") or []) + (f"[{','.join(rec['mode'])}]" if rec.get("mode") else "")
    if rec.get("modality") and rec["modality"] != "asserted":
        what += f" ({rec['modality']})"
    loc = rec.get("event_loc") or {}
    where = f"{loc.get('name')}, {loc.get('country_code')}" if loc.get("name") else "-"
    line = f"{when:<23} {what:<22} @ {where:<24} {_names(rec.get('actor'))}"
    if rec.get("recipient"):
        line += f" -> {_names(rec['recipient'])}"
    if rec.get("claimant"):
        line += f"  [according to {_names(rec['claimant'])}]"
    if "reports" in rec:  # a merged event: how many reports tell it, from how many sources, its grade
        n = len(rec["reports"])
        line += (f"  {{{n} report{'s' if n != 1 else ''}, {rec.get('sources', 0)} source"
                 f"{'s' if rec.get('sources', 0) != 1 else ''}, {rec.get('corroboration')}}}")
    return line


def summarize(store: Any, examples: int = 5) -> str:
    """Articles read, events by type, and a few example events."""
    stats = store.stats()
    lines = [
        f"{stats['articles']} articles, {stats['events']} events "
        f"({stats.get('events_without_date', 0)} without a date of their own, "
        f"{stats.get('events_without_place', 0)} without a place)",
        "",
        "events by type:",
    ]
    by_type = stats.get("events_by_type") or {}
    for t, n in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {t:<10} {n:>6}")
    if examples:
        lines += ["", "examples:"]
        shown = 0
        for rec in store.query_events(limit=max(examples * 4, 20)):
            if not (rec.get("actor") and rec.get("event_loc")):
                continue
            lines.append("  " + event_line(rec))
            shown += 1
            if shown >= examples:
                break
    return "\n".join(lines)
