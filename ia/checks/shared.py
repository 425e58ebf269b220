"""Checks of a unit's additions to and overrides of the year's shared chapter (ia/shared.py)."""

from __future__ import annotations

from collections.abc import Iterator

from ia.checks._needs import needs
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Override
from ia.suggest import hint_args


@needs("effect_goals")
def shared_places(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every ```{efter}```/```{erstat}``` names a place the shared chapter has, once.

    A block whose place does not exist would be dropped from the signed text; a second
    replacement of one place would silently shadow the first.
    """
    keys = [goal.key for goal in agreement.effect_goals]
    for chapter in agreement.chapters:
        for override in chapter.unplaced:
            yield _unknown(chapter.meta.shared or "", override, chapter.places)
        for key, override in chapter.wordings.items():
            if key not in keys:
                yield _unknown(chapter.meta.shared or "", override, [*chapter.places, *keys])
            elif override.paragraph is None:
                yield Diagnostic("IA367", Span(override.section.path, override.line, override.col), {"key": key})
        for override, first in chapter.twice:
            yield Diagnostic("IA366", Span(override.section.path, override.line, override.col),
                             {"found": override.written, "first": first})


def _unknown(chapter: str, override: Override, places: list[str]) -> Diagnostic:
    args, hint = hint_args(override.place, places, cutoff=0.5)
    shown = ", ".join(places) or "ingen"
    return Diagnostic("IA365", Span(override.section.path, override.line, override.col),
                      {"found": override.written, "chapter": chapter, "kind": override.kind,
                       "expected": shown, **args}, hint)
