"""Checks of the follow-ups against their agreement: one small function per rule.

Each takes the agreement and one follow-up and yields diagnostics at the follow-up's
line to change. Rules that need every goal (unknown keys, goals without status) wait
while a goal file cannot be read, as the agreement's own counting checks do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from ia.checks._where import at
from ia.checks.kpis import LIMITS
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Goal
from ia.followup.document import FollowUp
from ia.markdown import directive, line_of
from ia.models import Kpi, KpiValue
from ia.suggest import hint_args

FollowUpCheck = Callable[[Agreement, FollowUp], Iterable[Diagnostic]]


def goal_keys(agreement: Agreement) -> Iterator[Diagnostic]:
    """Two goals with one key would share a follow-up: the second is an error."""
    first: dict[str, Goal] = {}
    for goal in sorted(agreement.goals, key=lambda g: g.path):
        if goal.key in first:
            span = at(goal.path, goal.positions, "key") if goal.meta.key else Span(goal.path, 1, 1)
            yield Diagnostic("IA559", span, {"key": goal.key, "other": first[goal.key].path})
        else:
            first[goal.key] = goal


def unknown_goals(agreement: Agreement, followup: FollowUp) -> Iterator[Diagnostic]:
    """A follow-up for a goal the agreement does not have."""
    if agreement.unread_goals:
        return  # the key may be that goal's
    keys = [goal.key for goal in agreement.goals]
    for key in followup.meta.goals:
        if key not in keys:
            args, hint = hint_args(key, keys)
            yield Diagnostic("IA550", at(followup.path, followup.positions, "goals", key, key=True),
                             {"key": key, "expected": ", ".join(keys), **args}, hint)


def missing_status(agreement: Agreement, followup: FollowUp) -> Iterator[Diagnostic]:
    """Every goal has a status: an error at year-end, a warning at mid-year."""
    if agreement.unread_goals:
        return
    code = "IA551" if followup.year_end else "IA552"
    for goal in agreement.goals:
        entry = followup.meta.goals.get(goal.key)
        if entry is not None and entry.status is not None:
            continue
        where = ("goals", goal.key) if entry is not None else ("goals",)
        span = at(followup.path, followup.positions, *where, key=True)
        if not span.line:
            span = Span(followup.path, 1, 1)
        yield Diagnostic(code, span, {"number": goal.number, "title": goal.meta.title, "key": goal.key,
                                      "report": followup.name.lower()})


def actual_values(agreement: Agreement, followup: FollowUp) -> Iterator[Diagnostic]:
    """Each actual value names a KPI table and row of its goal and fits the table's scale."""
    goals = {goal.key: goal for goal in agreement.goals}
    for key, entry in followup.meta.goals.items():
        goal = goals.get(key)
        if goal is None:
            continue
        kpis = {kpi.id: kpi for kpi in goal.meta.kpis}
        for kpi_id, rows in entry.kpis.items():
            kpi = kpis.get(kpi_id)
            if kpi is None:
                args, hint = hint_args(kpi_id, list(kpis))
                yield Diagnostic("IA557", at(followup.path, followup.positions, "goals", key, "kpis", kpi_id, key=True),
                                 {"found": kpi_id, "number": goal.number,
                                  "expected": ", ".join(kpis) or "ingen", "expected_en": ", ".join(kpis) or "none", **args}, hint)
                continue
            indicators = [row.indicator for row in kpi.rows]
            for r, row in enumerate(rows):
                place = ("goals", key, "kpis", kpi_id, r)
                if row.indicator not in indicators:
                    args, hint = hint_args(row.indicator, indicators)
                    yield Diagnostic("IA558", at(followup.path, followup.positions, *place, "indicator"),
                                     {"found": row.indicator, "kpi": kpi.id, **args}, hint)
                    continue
                yield from _in_scale(row.actual, kpi, at(followup.path, followup.positions, *place, "actual"))


def _in_scale(value: KpiValue, kpi: Kpi, span: Span) -> Iterator[Diagnostic]:
    if value is None or kpi.scale == "tekst":
        return
    if isinstance(value, str):
        yield Diagnostic("IA554", span, {"found": value, "scale": kpi.scale})
        return
    low, high, text = LIMITS[kpi.scale]
    if value < low or (high is not None and value > high):
        yield Diagnostic("IA553", span, {"found": value, "scale": kpi.scale, "limits": text})


def missing_actuals(agreement: Agreement, followup: FollowUp) -> Iterator[Diagnostic]:
    """At year-end every KPI row of a followed-up goal has its actual value (a warning)."""
    if not followup.year_end:
        return
    for goal in agreement.goals:
        entry = followup.meta.goals.get(goal.key)
        if entry is None:
            continue  # IA551 says the goal has no follow-up at all
        for kpi in goal.meta.kpis:
            given = {row.indicator: row.actual for row in entry.kpis.get(kpi.id, [])}
            for row in kpi.rows:
                if given.get(row.indicator) is None:
                    where = ("goals", goal.key, "kpis", kpi.id) if kpi.id in entry.kpis else ("goals", goal.key)
                    yield Diagnostic("IA561", at(followup.path, followup.positions, *where, key=True),
                                     {"indicator": row.indicator, "kpi": kpi.id, "number": goal.number})


def met_but_missed(agreement: Agreement, followup: FollowUp) -> Iterator[Diagnostic]:
    """'opfyldt' while an actual value misses its target: a warning at the status."""
    goals = {goal.key: goal for goal in agreement.goals}
    for key, entry in followup.meta.goals.items():
        goal = goals.get(key)
        if goal is None or entry.status != "opfyldt":
            continue
        for kpi in goal.meta.kpis:
            targets = {row.indicator: row for row in kpi.rows}
            for given in entry.kpis.get(kpi.id, []):
                row = targets.get(given.indicator)
                if row is not None and misses_target(kpi, row.baseline, row.target, given.actual):
                    yield Diagnostic("IA555", at(followup.path, followup.positions, "goals", key, "status"),
                                     {"indicator": given.indicator, "actual": given.actual, "target": row.target})


def dated_in_year(agreement: Agreement, followup: FollowUp) -> Iterator[Diagnostic]:
    """A follow-up is dated in the agreement's year."""
    date = followup.meta.date
    if date.year != agreement.year:
        yield Diagnostic("IA556", at(followup.path, followup.positions, "date"),
                         {"date": date.isoformat(), "year": agreement.year, "report": followup.name.lower()})


def explanation_content(agreement: Agreement, followup: FollowUp) -> Iterator[Diagnostic]:
    """An explanation is text: an image or a ```{tabel}``` in it would not be shown, so it is reported."""
    for section in followup.explanations.values():
        for token in section.tokens:
            found = directive(token)
            if found is not None:
                yield Diagnostic("IA562", Span(section.path, line_of(token), 1), {"what": f"{{{found[0]}}}", "what_en": f"{{{found[0]}}}"})
            for child in token.children or []:
                if child.type == "image":
                    yield Diagnostic("IA562", Span(section.path, line_of(token), 1),
                                     {"what": f"billedet '{child.attrs.get('src', '')}'",
                                      "what_en": f"the image '{child.attrs.get('src', '')}'"})


def misses_target(kpi: Kpi, baseline: KpiValue, target: KpiValue, actual: KpiValue) -> bool:
    """Say whether a numeric actual value falls short of its target.

    The direction comes from the row itself: a target below the baseline is a reduction
    (sick leave, energy), so the actual must not be above it; otherwise it must reach it.
    Text values, and rows without numbers, are never judged.
    """
    if kpi.scale == "tekst" or not all(isinstance(v, int | Decimal) for v in (target, actual)):
        return False
    if isinstance(baseline, int | Decimal) and target < baseline:
        return actual > target
    return actual < target


CHECKS: list[FollowUpCheck] = [
    unknown_goals,
    dated_in_year,
    missing_status,
    actual_values,
    missing_actuals,
    met_but_missed,
    explanation_content,
]


def run_checks(agreement: Agreement) -> list[Diagnostic]:
    """Check the goal keys and every follow-up the agreement has; return all diagnostics."""
    found = list(goal_keys(agreement))
    if agreement.meta is None or agreement.rules is None:
        return found  # the year and the goals' numbers are unknown
    for period in sorted(agreement.followups):
        for check in CHECKS:
            found.extend(check(agreement, agreement.followups[period]))
    return found
