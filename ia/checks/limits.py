"""Limits on what makes the output grow faster than the source: a few bytes of Markdown
must not become hundreds of megabytes of HTML before the PDF step's limits apply."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ia.checks._needs import needs
from ia.checks._where import at
from ia.checks.structure import _sections
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement
from ia.markdown import directive, line_of

MAX_PLACEMENTS = 3  # a table or chart shown more than this is a copy-paste, not a document
MAX_NOTE_CALLS = 10  # each call prints the whole note again as a print footnote
MAX_KPI_ROWS = 200  # the CSR KPI tables have 2-6 rows


@needs()
def placements(agreement: Agreement) -> Iterator[Diagnostic]:
    """A table or chart is placed a bounded number of times."""
    seen: Counter[tuple[str, ...]] = Counter()
    for section, _ in _sections(agreement):
        for token in section.tokens:
            found = directive(token)
            if not found:
                continue
            name, arg = found
            # KPI tables belong to their goal; chapter tables and charts to the agreement.
            key = (name, arg, section.path) if section.path.startswith(f"{agreement.folder}/goals/") else (name, arg)
            seen[key] += 1
            if seen[key] == MAX_PLACEMENTS + 1:
                yield Diagnostic("IA350", Span(section.path, line_of(token), 1),
                                 {"name": name, "id": arg, "limit": MAX_PLACEMENTS})


@needs()
def footnote_calls(agreement: Agreement) -> Iterator[Diagnostic]:
    """Each footnote is called a bounded number of times."""
    for section, _ in _sections(agreement):
        calls: Counter[str] = Counter()
        for token in section.tokens:
            for child in token.children or []:
                if child.type != "footnote_ref":
                    continue
                label = str(child.meta.get("label", child.meta.get("id")))
                calls[label] += 1
                if calls[label] == MAX_NOTE_CALLS + 1:
                    line = token.map[0] + 1 if token.map else section.line
                    yield Diagnostic("IA351", Span(section.path, line, 1), {"label": label, "limit": MAX_NOTE_CALLS})


@needs()
def kpi_rows(agreement: Agreement) -> Iterator[Diagnostic]:
    """A KPI table has a bounded number of rows, as figure tables have (IA216)."""
    for goal in agreement.goals:
        for k, kpi in enumerate(goal.meta.kpis):
            if len(kpi.rows) > MAX_KPI_ROWS:
                yield Diagnostic("IA216", at(goal.path, goal.positions, "kpis", k, "rows"),
                                 {"found": len(kpi.rows), "limit": MAX_KPI_ROWS})
