"""Checks for years copied from last year's agreement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ia.checks._where import at, column_of, section_lines
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, all_sections

# "opnå i 2025", "opnås i 2025": the result year of a goal, as the old question put it.
RESULT_YEAR = re.compile(r"\bopnå(?:s|r)?\s+i\s+((?:19|20)\d{2})\b", re.IGNORECASE)
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# Phrases that set a goal for a year: "i 2026 vil", "vil vi i 2026", "ved udgangen af 2026",
# "senest den 30.9.2026", "Måltal 2026", "i løbet af 2026". Copied from last year's
# agreement, they name last year.
TARGET_YEAR = re.compile(
    r"\b(?:i\s+((?:19|20)\d{2})\s+vil"
    r"|vil\s+(?:\w+\s+){0,3}i\s+((?:19|20)\d{2})\b"
    r"|(?:ved|inden)\s+udgangen\s+af\s+((?:19|20)\d{2})"
    r"|senest\s+(?:den\s+)?\d{1,2}\.\s?\d{1,2}\.\s?((?:19|20)\d{2})"
    r"|måltal\s+((?:19|20)\d{2})"
    r"|i\s+løbet\s+af\s+((?:19|20)\d{2}))",
    re.IGNORECASE,
)


def stale_result_years(agreement: Agreement) -> Iterator[Diagnostic]:
    """Text that names another year than the agreement's as the year of a result."""
    for section in all_sections(agreement):
        for text, line in section_lines(section):
            for match in RESULT_YEAR.finditer(text):
                found = int(match.group(1))
                if found != agreement.year:
                    col = column_of(section, line, match.group(0))
                    yield Diagnostic("IA401", Span(section.path, line, col), {"found": found, "year": agreement.year})


def kpi_target_years(agreement: Agreement) -> Iterator[Diagnostic]:
    """A KPI target column names the agreement's year, not last year's."""
    for goal in agreement.goals:
        for i, kpi in enumerate(goal.meta.kpis):
            years = [int(y) for y in YEAR.findall(kpi.target_label)]
            if years and agreement.year not in years:
                yield Diagnostic("IA402", at(goal.path, goal.positions, "kpis", i, "target_label"),
                                 {"label": kpi.target_label, "found": years[-1], "year": agreement.year})


def continued_goals(agreement: Agreement) -> Iterator[Diagnostic]:
    """A goal continues from an earlier year, never from this year or a later one."""
    for goal in agreement.goals:
        found = goal.meta.continues_from
        if found is not None and found >= agreement.year:
            yield Diagnostic("IA403", at(goal.path, goal.positions, "continues_from"), {"found": found, "year": agreement.year})


def stale_target_years(agreement: Agreement) -> Iterator[Diagnostic]:
    """Goal texts and titles that set targets for a year before the agreement's (a warning:
    the editor decides), as copying last year's agreement leaves them."""
    for goal in agreement.goals:
        for year in (int(y) for y in YEAR.findall(goal.meta.title)):
            if year < agreement.year and year != goal.meta.continues_from:
                yield Diagnostic("IA404", at(goal.path, goal.positions, "title"), {"found": year, "year": agreement.year})
        for section in (goal.intro, *goal.answers.values()):
            if section is None:
                continue
            for text, line in section_lines(section):
                stated = [m.span() for m in RESULT_YEAR.finditer(text)]  # IA401's, reported as errors
                for match in TARGET_YEAR.finditer(text):
                    found = int(next(g for g in match.groups() if g))
                    overlaps = any(start < match.end() and match.start() < end for start, end in stated)
                    if found < agreement.year and not overlaps:
                        col = column_of(section, line, match.group(0))
                        yield Diagnostic("IA404", Span(section.path, line, col), {"found": found, "year": agreement.year})
