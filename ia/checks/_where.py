"""Helpers that turn model paths and tokens into spans."""

from __future__ import annotations

from collections.abc import Iterator

from ia.diagnostics import Span
from ia.source.yamltext import Positions


def at(path: str, positions: Positions | None, *keys: str | int, key: bool = False) -> Span:
    mark = positions.find(tuple(keys), key=key) if positions is not None else None
    return Span(path, mark.line, mark.col) if mark else Span(path)


def section_lines(section) -> Iterator[tuple[str, int]]:
    """Every line of text a section shows, with its 1-based line in the file."""
    for token in section.tokens:
        if token.type != "inline" or not token.map:
            continue
        for offset, text in enumerate(token.content.split("\n")):
            yield text, token.map[0] + 1 + offset


def section_texts(section) -> Iterator[tuple[str, int]]:
    """Every paragraph or heading's text with its first line in the file, line breaks kept."""
    for token in section.tokens:
        if token.type == "inline" and token.map:
            yield token.content, token.map[0] + 1


def column_of(section, line: int, fragment: str, after: int = 0) -> int:
    """Find `fragment` on the file's line for a precise column; 1 when it cannot be found.

    `after` (a column) finds the next occurrence when a line holds the fragment twice.
    """
    if 0 < line <= len(section.lines):
        index = section.lines[line - 1].find(fragment, after)
        if index >= 0:
            return index + 1
    return 1
