"""Accessibility checks that must pass before anything is rendered (PDF/UA, WCAG)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ia.checks._needs import needs
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Section, all_sections
from ia.markdown import line_of


@needs()
def images_have_alt_text(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every image has an alternative text: ![hvad billedet viser](fil.png)."""
    return section_images_have_alt_text(all_sections(agreement))


def section_images_have_alt_text(sections: Iterable[Section]) -> Iterator[Diagnostic]:
    """Every image in these sections has an alternative text (any kind of document)."""
    for section in sections:
        for token in section.tokens:
            for child in token.children or []:
                if child.type == "image" and not child.content.strip():
                    yield Diagnostic("IA330", Span(section.path, line_of(token), 1), {"src": child.attrs.get("src", "")})


def levels(section: Section, top: int) -> Iterator[Diagnostic]:
    previous = top - 1
    for token in section.tokens:
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        if level > previous + 1:
            yield Diagnostic("IA331", Span(section.path, line_of(token), 1),
                             {"found": "#" * level, "expected": "#" * (previous + 1)})
        previous = max(level, top)  # a too-high heading is IA305's; do not cascade from it


@needs()
def heading_levels(agreement: Agreement) -> Iterator[Diagnostic]:
    """No heading skips a level: a chapter starts at '##', a goal answer or area text at '###'."""
    for chapter in agreement.chapters:
        for part in chapter.parts:
            yield from levels(part, 2)
    for section in agreement.areas.values():
        yield from levels(section, 3)
    for goal in agreement.goals:
        for section in (goal.intro, *goal.answers.values()):
            if section is not None:
                yield from levels(section, 3)


@needs()
def tables_have_headers(agreement: Agreement) -> Iterator[Diagnostic]:
    """A figure table has column headers, so screen readers can name each figure."""
    for table in agreement.tables.values():
        if not any(column.label.strip() for column in table.data.columns):
            mark = table.positions.find(("columns",))
            yield Diagnostic("IA332", Span(table.path, mark.line if mark else 1, mark.col if mark else 1))
