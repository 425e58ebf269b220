"""Helpers that turn model paths and tokens into spans."""

from __future__ import annotations

from ia.diagnostics import Span
from ia.source.yamltext import Positions


def at(path: str, positions: Positions, *keys: str | int, key: bool = False) -> Span:
    mark = positions.find(tuple(keys), key=key)
    return Span(path, mark.line, mark.col) if mark else Span(path)
