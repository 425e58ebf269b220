"""Checks of references between parts of the agreement."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ia.checks._where import all_sections, column_of, section_lines
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement

# "mål nr. 7", "Mål nr. 15 og nr. 16", "mål nr. 3, nr. 4 eller nr. 5"
GOAL_REF = re.compile(r"\bmål\s+nr\.\s*\d+(?:\s*(?:,|og|eller|samt)\s*(?:nr\.\s*)?\d+)*", re.IGNORECASE)
NUMBER = re.compile(r"\d+")


def goal_references(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every 'mål nr. N' in the text points at a goal of this agreement."""
    if not agreement.complete:
        return
    count = len(agreement.goals)
    for section in all_sections(agreement):
        for text, line in section_lines(section):
            for match in GOAL_REF.finditer(text):
                for number in NUMBER.finditer(match.group(0)):
                    if not 1 <= int(number.group(0)) <= count:
                        col = column_of(section, line, match.group(0))
                        yield Diagnostic("IA801", Span(section.path, line, col), {"found": match.group(0), "count": count})
                        break
