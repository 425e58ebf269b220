"""Checks that text prints as the editor typed it: Markdown that would read it as
something else, and numbers that `ia` makes itself typed again by hand."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ia.checks._needs import needs
from ia.checks._where import at, column_of
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Section, all_sections
from ia.markdown import line_of

# A date or a Danish ordinal after "1." at the start of a paragraph: "1. maj 2023",
# "2. halvår". Markdown reads the line as a numbered list item.
_DATE_WORD = re.compile(
    r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec|halvår|kvartal)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d{2}")  # "2025. Året hvor …" is a list item numbered 2025
# "Mål nr. 1", "Mål 1:", "mål nr.1", "1." at the start of a goal's title.
# Not "Mål 2026: …", a year.
_GOAL_NUMBER = re.compile(r"^\s*(?:mål\s*(?:nr\.?\s*)?\d{1,3}(?!\d)[.:]?|\d{1,3}[.):](?=\s))", re.IGNORECASE)
_CONTINUED = re.compile(r"[-–]?\s*fortsættelsesmål\s+fra\s+\d{4}", re.IGNORECASE)
# "1. Indledning", "2.1 Tilbud", "3.1.1. Kontakter": a section number before a title.
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.\s|^\s*\d{1,2}(?:\.\d{1,2})+\s")
# A Markdown table's delimiter row: | --- | :---: |
_TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")


@needs()
def dates_read_as_lists(agreement: Agreement) -> Iterator[Diagnostic]:
    """A paragraph that starts with a date ("1. maj 2023 …") is a list item to Markdown.

    The editor's number is printed as typed, but as a list marker hanging in the margin,
    so the line no longer reads as a sentence: a warning, with the escape that keeps it
    a paragraph.
    """
    for section in all_sections(agreement):
        tokens = section.tokens
        for i, token in enumerate(tokens):
            if token.type != "list_item_open" or not token.info.isdigit():
                continue
            first = next((t for t in tokens[i + 1: i + 3] if t.type == "inline"), None)
            text = first.content if first is not None else ""
            if not _DATE_WORD.match(text) and not _YEAR.fullmatch(token.info):
                continue
            typed = f"{token.info}{token.markup}"
            line = line_of(token)
            word = (text.split(maxsplit=1) or [""])[0]
            yield Diagnostic("IA314", Span(section.path, line, column_of(section, line, typed)),
                             {"found": f"{typed} {word}", "escaped": f"{token.info}\\{token.markup} {word}"},
                             "escape_number")


@needs()
def markdown_reinterpretations(agreement: Agreement) -> Iterator[Diagnostic]:
    """Text Markdown reads as something else than it looks like: a line followed by '---'
    or '===' becomes a heading (numbered, in a chapter), and text indented by four spaces
    becomes a block of code. Warnings at the line, with how to keep the text as text."""
    for section in all_sections(agreement):
        for i, token in enumerate(section.tokens):
            line = line_of(token)
            if token.type == "heading_open" and token.markup in {"-", "="}:
                underline = token.map[1] if token.map else line + 1
                yield Diagnostic("IA318", Span(section.path, underline, 1),
                                 {"found": token.markup * 3, "text": section.tokens[i + 1].content.split("\n")[0][:60]},
                                 "setext_heading")
            elif token.type == "code_block":
                yield Diagnostic("IA319", Span(section.path, line, 1), {}, "indented_code")


def _typed_number(pattern: re.Pattern, text: str) -> re.Match | None:
    """The generated number typed at the start of `text`, but not an ordinal date such as
    "1. halvår 2026" or "1. maj", which is the editor's own."""
    typed = pattern.match(text)
    return typed if typed and not _DATE_WORD.match(text[typed.end():].lstrip()) else None


@needs()
def typed_numbers(agreement: Agreement) -> Iterator[Diagnostic]:
    """Goal numbers and section numbers are made by `ia`; typed again, they print twice."""
    for goal in agreement.goals:
        title = goal.meta.title
        typed = _typed_number(_GOAL_NUMBER, title)
        if typed:
            printed = f"Mål nr. {goal.number} {title}"
            yield Diagnostic("IA315", at(goal.path, goal.positions, "title"),
                             {"found": typed.group(0).strip(), "printed": printed}, "generated_number")
        continued = _CONTINUED.search(title)
        if continued and goal.meta.continues_from is not None:
            printed = f"{title} – fortsættelsesmål fra {goal.meta.continues_from}"
            yield Diagnostic("IA315", at(goal.path, goal.positions, "title"),
                             {"found": continued.group(0).strip(" -–"), "printed": printed}, "generated_number")
    for chapter in agreement.chapters:
        typed = _typed_number(_SECTION_NUMBER, chapter.meta.title or "")
        if typed:
            yield Diagnostic("IA315", at(chapter.path, chapter.positions, "title"),
                             {"found": typed.group(0).strip(), "printed": f"{chapter.number}. {chapter.title}"},
                             "generated_number")
        counters = [0, 0]
        for part in chapter.parts:
            yield from _numbered_headings(part, chapter.number, counters)


def _numbered_headings(section: Section, chapter: int, counters: list[int]) -> Iterator[Diagnostic]:
    """Headings that start with a section number; counted as the renderer numbers them
    (`##` → 3.1, `###` → 3.1.1) so the message shows what would print."""
    tokens = section.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open" or token.tag not in {"h2", "h3"}:
            continue
        depth = 0 if token.tag == "h2" else 1
        counters[depth] += 1
        if depth == 0:
            counters[1] = 0
        text = tokens[i + 1].content
        typed = _typed_number(_SECTION_NUMBER, text)
        if typed:
            line = line_of(token)
            found = typed.group(0).strip()
            number = ".".join(str(n) for n in [chapter, *counters[: depth + 1]])
            yield Diagnostic("IA315", Span(section.path, line, column_of(section, line, found)),
                             {"found": found, "printed": f"{number} {text}"}, "generated_number")


@needs()
def pipe_tables(agreement: Agreement) -> Iterator[Diagnostic]:
    """A Markdown table (rows of | cells) is not read as a table: it would print as pipes."""
    for section in all_sections(agreement):
        for token in section.tokens:
            if token.type != "inline" or not token.map:
                continue
            lines = token.content.split("\n")
            for offset, text in enumerate(lines):
                if offset and _TABLE_DELIMITER.match(text) and "|" in lines[offset - 1]:
                    line = token.map[0] + offset  # the header row, the line above the delimiter
                    col = column_of(section, line, lines[offset - 1].strip())
                    yield Diagnostic("IA316", Span(section.path, line, col), {}, "figure_table")
                    break
