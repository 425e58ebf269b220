"""What a follow-up report and the overview show, already formatted: plain data for templates.

The same rows serve the report, `ia status` in the terminal, its HTML page and the
Excel export, so a goal's status and a KPI's verdict read the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ia.document import Agreement, Goal
from ia.followup.checks import misses_target
from ia.followup.document import FollowUp
from ia.followup.model import STATUSES
from ia.models import Kpi, KpiRow, KpiValue
from ia.render.tables import CellView, kpi_value

NO_STATUS = "ingen status"
# Status -> CSS class. The colour repeats what the status text says; it never stands alone.
STATUS_CLASS = {"opfyldt": "met", "delvist opfyldt": "partly", "ikke opfyldt": "unmet",
                "udskudt": "postponed", "ikke påbegyndt": "not-started", NO_STATUS: "no-status"}
ALL_STATUSES: tuple[str, ...] = (*STATUSES, NO_STATUS)
# Verdicts of an actual value against its target.
MET, MISSED, NOT_MEASURED, NOT_JUDGED = "nået", "ikke nået", "ikke målt", "–"


def status_label(status: str) -> str:
    """Return the status as a reader sees it: 'Delvist opfyldt', 'Ingen status'."""
    return status[:1].upper() + status[1:]


@dataclass(frozen=True)
class KpiLine:
    """One KPI row with baseline, target and actual side by side."""

    kpi_id: str
    caption: str
    indicator: str
    baseline: CellView
    target: CellView
    actual: CellView
    verdict: str  # MET, MISSED, NOT_MEASURED or NOT_JUDGED
    raw_baseline: KpiValue = None
    raw_target: KpiValue = None
    raw_actual: KpiValue = None


@dataclass(frozen=True)
class KpiTableView:
    kpi: Kpi
    lines: list[KpiLine]


@dataclass
class GoalLine:
    """A goal with its follow-up: what the agreement promised and how it went."""

    number: int
    key: str
    title: str
    area: str  # the area's title
    area_key: str
    status: str  # one of ALL_STATUSES
    explanation: str | None  # as written (Markdown), for the overview and the export
    kpis: list[KpiTableView] = field(default_factory=list)
    goal: Goal | None = None

    @property
    def status_class(self) -> str:
        return STATUS_CLASS[self.status]

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def missed(self) -> list[KpiLine]:
        return [line for table in self.kpis for line in table.lines if line.verdict == MISSED]


def verdict(kpi: Kpi, row: KpiRow, actual: KpiValue) -> str:
    """Say how an actual value stands against its row's target."""
    if actual is None:
        return NOT_MEASURED
    if kpi.scale == "tekst" or not all(isinstance(v, int | Decimal) for v in (row.target, actual)):
        return NOT_JUDGED
    return MISSED if misses_target(kpi, row.baseline, row.target, actual) else MET


def goal_lines(agreement: Agreement, followup: FollowUp | None) -> list[GoalLine]:
    """Every goal of the agreement in number order, with its status and KPI values."""
    areas = {area.key: area.title for area in agreement.rules.areas} if agreement.rules else {}
    entries = followup.meta.goals if followup is not None else {}
    lines = []
    for goal in sorted(agreement.goals, key=lambda g: g.number):
        entry = entries.get(goal.key)
        given = entry.kpis if entry is not None else {}
        tables = []
        for kpi in goal.meta.kpis:
            actuals = {row.indicator: row.actual for row in given.get(kpi.id, [])}
            tables.append(KpiTableView(kpi, [
                KpiLine(kpi.id, kpi.caption or kpi.id, row.indicator, kpi_value(row.baseline, kpi), kpi_value(row.target, kpi),
                        kpi_value(actuals.get(row.indicator), kpi), verdict(kpi, row, actuals.get(row.indicator)),
                        row.baseline, row.target, actuals.get(row.indicator))
                for row in kpi.rows]))
        lines.append(GoalLine(
            number=goal.number, key=goal.key, title=goal.meta.title, area=areas.get(goal.meta.area, goal.meta.area),
            area_key=goal.meta.area, status=(entry.status if entry is not None and entry.status else NO_STATUS),
            explanation=entry.explanation if entry is not None else None, kpis=tables, goal=goal))
    return lines


@dataclass(frozen=True)
class Count:
    status: str
    count: int

    @property
    def status_class(self) -> str:
        return STATUS_CLASS[self.status]

    @property
    def status_label(self) -> str:
        return status_label(self.status)


def counts(lines: list[GoalLine]) -> list[Count]:
    """Goals by status, in the fixed order; 'ingen status' only when some goal has none."""
    found = [Count(status, sum(1 for line in lines if line.status == status)) for status in ALL_STATUSES]
    return [c for c in found if c.status != NO_STATUS or c.count]


@dataclass(frozen=True)
class AreaCounts:
    title: str
    counts: list[Count]
    total: int


def by_area(agreement: Agreement, lines: list[GoalLine]) -> list[AreaCounts]:
    """Goals by area (in the rules' order) and status."""
    statuses = [c.status for c in counts(lines)]
    result = []
    for area in agreement.rules.areas if agreement.rules else []:
        mine = [line for line in lines if line.area_key == area.key]
        if mine:
            result.append(AreaCounts(area.title, [Count(s, sum(1 for line in mine if line.status == s)) for s in statuses],
                                     len(mine)))
    return result
