"""Checks for years copied from last year's agreement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ia.checks._needs import needs
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


# Phrases whose year is the agreement's own year, in chapters as in goals: "IA 2026",
# "Institutionsaftale 2026", "Aftalen træder i kraft 1. januar 2026", "mål og aktiviteter
# i 2026", "Aktivitetsforudsætning for 2026", "Budget 2026 til 2029", "budget 2026-2029",
# "fremskrevet til 2026-prisniveau", "som aftales for 2026". Other years in a chapter
# are usually history ("siden 2019", "I 2025 har …", "er trådt i kraft den 1. juli 2025")
# and are left alone, so the editor of next year's agreement is not drowned.
_Y = r"((?:19|20)\d{2})"
AGREEMENT_YEAR = re.compile(
    rf"\bIA\s+{_Y}\b"
    rf"|\binstitutionsaftale(?:n|ns)?\s+(?:for\s+)?{_Y}\b"
    rf"|\btræder\s+i\s+kraft\s+(?:den\s+|pr\.\s+)?(?:1\.\s*januar\s+|0?1\.\s?0?1\.\s?){_Y}\b"
    rf"|\bmål\s+og\s+aktiviteter\s+i\s+{_Y}\b"
    rf"|\baktivitetsforudsætning(?:er|en|erne)?\s+(?:for\s+)?{_Y}\b"
    rf"|\bbudget(?:tet|poster)?\s+{_Y}\s*(?:-|–|til)\s*(?:19|20)\d{{2}}\b"
    rf"|\btil\s+{_Y}[-\s]?prisniveau"
    rf"|\baftales\s+for\s+{_Y}\b",
    re.IGNORECASE,
)

# Words before a phrase that make it a reference to an earlier agreement, which is
# history, not this agreement's year: "ligesom beskrevet i IA 2022", "jf. IA 2025".
_EARLIER = re.compile(r"(?:beskrevet|nævnt|aftalt|jf\.|ligesom|fra|siden|sidste\s+års?)\s+(?:i\s+)?$", re.IGNORECASE)


@needs()
def stale_agreement_years(agreement: Agreement) -> Iterator[Diagnostic]:
    """Text that names an earlier year as the agreement's own ("IA 2026" in the 2027
    agreement), as `ia new` leaves chapters, shared chapters and goals: a warning."""
    for section in all_sections(agreement):
        for text, line in section_lines(section):
            col = 0
            for match in AGREEMENT_YEAR.finditer(text):
                found = int(next(g for g in match.groups() if g))
                col = column_of(section, line, match.group(0), col)
                if found < agreement.year and not _EARLIER.search(text[: match.start()]):
                    yield Diagnostic("IA405", Span(section.path, line, col),
                                     {"found": found, "phrase": match.group(0), "year": agreement.year})


@needs()
def stale_result_years(agreement: Agreement) -> Iterator[Diagnostic]:
    """Text that names another year than the agreement's as the year of a result."""
    for section in all_sections(agreement):
        for text, line in section_lines(section):
            for match in RESULT_YEAR.finditer(text):
                found = int(match.group(1))
                if found != agreement.year:
                    col = column_of(section, line, match.group(0))
                    yield Diagnostic("IA401", Span(section.path, line, col), {"found": found, "year": agreement.year})


@needs()
def kpi_target_years(agreement: Agreement) -> Iterator[Diagnostic]:
    """A KPI target column names the agreement's year, not last year's."""
    for goal in agreement.goals:
        for i, kpi in enumerate(goal.meta.kpis):
            years = [int(y) for y in YEAR.findall(kpi.target_label)]
            if years and agreement.year not in years:
                yield Diagnostic("IA402", at(goal.path, goal.positions, "kpis", i, "target_label"),
                                 {"label": kpi.target_label, "found": years[-1], "year": agreement.year})


@needs("meta")
def agreement_dates(agreement: Agreement) -> Iterator[Diagnostic]:
    """The dates in agreement.yaml lie in the agreement's year: it takes effect that year,
    and its document is made that year or in the autumn before, when it is prepared.
    A copy of last year's agreement.yaml keeps last year's dates."""
    year = agreement.year
    meta = agreement.meta
    for name, value, allowed in (("effective_date", meta.effective_date, (year,)),
                                 ("created", meta.created, (year - 1, year))):
        if value is not None and value.year not in allowed:
            expected = " eller ".join(str(y) for y in allowed)
            yield Diagnostic("IA406", at(agreement.meta_path, agreement.meta_positions, name),
                             {"field": name, "found": value.isoformat(), "year": year,
                              "expected": expected, "expected_en": expected.replace("eller", "or")})


@needs()
def continued_goals(agreement: Agreement) -> Iterator[Diagnostic]:
    """A goal continues from an earlier year, never from this year or a later one."""
    for goal in agreement.goals:
        found = goal.meta.continues_from
        if found is not None and found >= agreement.year:
            yield Diagnostic("IA403", at(goal.path, goal.positions, "continues_from"), {"found": found, "year": agreement.year})


@needs()
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
