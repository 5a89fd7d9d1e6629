"""Judging a cluster: independent origins, corroboration or contradiction, the estimate.

Independence is judged, not counted: a syndicated copy counts as its original; reports that go
back to one named source (a ministry, a newspaper, a person) are one line of evidence however
many outlets repeat them; an outlet's own unattributed statement is its own line. For a
disputed number the most conservative estimate is the lowest figure reported, following ACLED's
practice, with the range and every source of each figure.
"""

from __future__ import annotations

from claimgraph.link.records import ClaimCluster, Estimate, Member

_TOLERANCE = 0.05  # figures within 5% of each other are one figure, rounded differently
# Units that say how something is counted, not what: two percentages in look-alike sentences
# are often different polls or rates, so they neither anchor a cluster nor make a dispute.
GENERIC_UNITS = frozenset({"percent", "percentage", "points", "point", "percentage points",
                           "dollars", "dollar", "$", "usd", "euros", "pounds", "times", "years",
                           "days", "months", "weeks", "hours", "minutes"})


def specific(unit: str | None) -> bool:
    return bool(unit) and unit.lower() not in GENERIC_UNITS


def origin_of(member: Member, outlet_of_source: dict[str, str | None]) -> str:
    """The line of evidence a report belongs to: its original named source, else its outlet
    (the original's outlet for a syndicated copy)."""
    if member.speaker:
        return f"source:{member.speaker}"
    outlet = member.outlet
    if member.duplicate_of:
        outlet = outlet_of_source.get(member.duplicate_of) or member.duplicate_of
    return f"outlet:{outlet or member.source}"


def origin_label(m: Member) -> str:
    """An origin as a reader names it: the source, or the outlet's own reporting."""
    if m.origin.startswith("source:"):
        return m.speaker_name or m.origin.split(":", 1)[1]
    return f"{m.origin.split(':', 1)[1]} (own reporting)"


def _bounds(m: Member) -> tuple[float, float] | None:
    low = m.low if m.low is not None else m.value
    high = m.high if m.high is not None else (m.value if m.value is not None else low)
    if low is None:
        return None
    return low, high if high is not None else float("inf")


def _compatible(a: tuple[float, float], b: tuple[float, float]) -> bool:
    lo = min(a[1], b[1]) * (1 + _TOLERANCE)
    return max(a[0], b[0]) <= lo


def _figure(m: Member) -> str:
    """A figure as a reader compares it: "3,000", "200 or more", "3,000-5,000"."""
    low, high = _bounds(m)
    if high == float("inf"):
        return f"{low:,.10g} or more"
    return f"{low:,.10g}" if high == low else f"{low:,.10g}-{high:,.10g}"


def estimate(members: list[Member]) -> Estimate | None:
    """Range, most conservative figure and sources of the cluster's numbers, if it has any."""
    counted = [(m, b) for m in members if (b := _bounds(m)) is not None]
    if not counted:
        return None
    sources: dict[str, list[str]] = {}
    for m, _ in counted:
        who = m.speaker_name or "unattributed"
        sources.setdefault(_figure(m), []).append(f"{who} ({m.outlet or m.source})")
    lows = [b[0] for _, b in counted]
    highs = [b[1] for _, b in counted if b[1] != float("inf")] or lows
    measured = [b for m, b in counted if specific(m.unit)]
    disputed = any(not _compatible(a, b) for i, a in enumerate(measured) for b in measured[i + 1:])
    units = [m.unit for m, _ in counted if m.unit]
    return Estimate(unit=units[0] if units else None, low=min(lows), high=max(max(highs), *lows),
                    conservative=min(lows), disputed=disputed, sources=sources)


def judge(cluster: ClaimCluster) -> ClaimCluster:
    """The cluster with its status, the reasons for it, its estimate and its origins set."""
    members = cluster.members
    origins = list(dict.fromkeys(origin_label(m) for m in members))
    est = estimate(members)
    reasons = []
    if est is not None and est.disputed:
        figures = ", ".join(est.sources)
        reasons.append(f"incompatible figures: {figures}")
    statuses = {m.status for m in members}
    if "denied" in statuses and statuses & {"confirmed", "asserted", "attributed"}:
        reasons.append("confirmed by some, denied by others")
    if reasons:
        status = "contradicted"
    elif len(origins) >= 2:
        status = "corroborated"
        reasons.append(f"{len(origins)} independent origins agree")
    else:
        status = "single-sourced"
        reasons.append("one origin only" + (f" ({len(members)} reports)"
                                            if len(members) > 1 else ""))
    dates = [m.published for m in members if m.published]
    return cluster.model_copy(update={
        "status": status, "reasons": reasons, "origins": origins, "estimate": est,
        "first_reported": min(dates) if dates else None,
    })
