"""The secretariat's overview of a year: every agreement's goals with their latest follow-up.

Returns data only; `ia status` prints it, `export` writes it as HTML and Excel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ia.diagnostics import Diagnostic
from ia.followup import PERIODS
from ia.followup.views import ALL_STATUSES, MET, MISSED, Count, GoalLine, goal_lines


@dataclass
class Center:
    """One agreement of the year and the follow-up the overview shows for it."""

    id: str
    unit_name: str
    unit_short: str
    period: str | None  # None: no follow-up yet
    date: dt.date | None
    reported_by: str
    lines: list[GoalLine]

    @property
    def period_name(self) -> str:
        return PERIODS[self.period] if self.period else "ingen opfølgning endnu"

    def count(self, status: str) -> int:
        return sum(1 for line in self.lines if line.status == status)

    @property
    def counts(self) -> list[Count]:
        return [Count(status, self.count(status)) for status in ALL_STATUSES]

    @property
    def kpis_missed(self) -> int:
        return sum(len(line.missed) for line in self.lines)

    @property
    def kpis_met(self) -> int:
        return sum(1 for line in self.lines for table in line.kpis for kpi in table.lines if kpi.verdict == MET)


@dataclass
class Overview:
    year: int
    period: str | None  # the period asked for; None: each agreement's latest
    centers: list[Center] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Agreements that could not be read well enough to show (their errors are in diagnostics).
    unreadable: list[str] = field(default_factory=list)

    @property
    def date(self) -> dt.date:
        """The newest follow-up's date, else 1 January of the year: what the exports are stamped with."""
        dates = [c.date for c in self.centers if c.date]
        return max(dates) if dates else dt.date(self.year, 1, 1)

    @property
    def missed(self) -> list[tuple[Center, GoalLine]]:
        return [(center, line) for center in self.centers for line in center.lines if line.missed]


def latest_year(root: Path) -> int | None:
    """Return the newest year that has agreements."""
    from ia.workspace import documents

    years = [ref.year for ref in documents(root, kind="agreement")]
    return max(years) if years else None


def overview(root: Path, *, year: int, period: str | None = None) -> Overview:
    """Load every agreement of `year` with its follow-up for `period` (default: its latest).

    An agreement whose agreement.yaml, rules or goals cannot be read is left out and named
    in `unreadable`; every diagnostic is kept, so the caller can print them and fail.
    """
    from ia.pipeline import load
    from ia.workspace import documents

    result = Overview(year, period)
    for ref in documents(root, kind="agreement", year=year):
        loaded = load(root, ref)
        result.diagnostics.extend(loaded.diagnostics)
        agreement = loaded.agreement
        if agreement is None or agreement.meta is None or agreement.rules is None or agreement.unread_goals:
            result.unreadable.append(ref.id)
            continue
        chosen = period if period else next((p for p in ("aar", "midtvejs") if p in agreement.followups), None)
        followup = agreement.followups.get(chosen) if chosen else None
        result.centers.append(Center(
            id=agreement.id, unit_name=agreement.meta.unit_name, unit_short=agreement.meta.unit_short,
            period=chosen if followup else None, date=followup.meta.date if followup else None,
            reported_by=f"{followup.meta.reported_by.name}, {followup.meta.reported_by.title}" if followup else "",
            lines=goal_lines(agreement, followup)))
    return result
