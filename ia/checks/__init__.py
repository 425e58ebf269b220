"""The checks: each is a small function `(agreement) -> iterable of Diagnostic`.

What a year requires (areas, questions, mandatory goals) comes from the year's rules
file; the functions here only say how to check it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ia.diagnostics import Diagnostic
from ia.document import Agreement
from ia.checks import figures, structure

Check = Callable[[Agreement], Iterable[Diagnostic]]

CHECKS: list[Check] = [
    structure.goal_answers,
    structure.goal_areas,
    structure.goals_chapter,
    structure.area_texts,
    structure.directives,
    structure.kpi_ids,
    figures.table_cells,
    figures.table_totals,
]


def run_checks(agreement: Agreement) -> list[Diagnostic]:
    """Run every check and return all diagnostics, sorted by place."""
    found: list[Diagnostic] = []
    for check in CHECKS:
        found.extend(check(agreement))
    return found
