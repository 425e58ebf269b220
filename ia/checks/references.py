"""Checks of references between parts of the agreement."""

from __future__ import annotations

from collections.abc import Iterator

from ia.checks._needs import needs
from ia.checks._where import at, column_of, section_texts
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, all_sections
from ia.markdown import GOAL_REFERENCE as GOAL_REF, goal_numbers
from ia.suggest import hint_args

@needs()
def goal_references(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every goal reference in the text ('mål nr. N', 'Kvalitets- og udviklingsmål nr. N',
    'jf. mål N', 'målene nr. N og M') points at a goal of this agreement."""
    if not agreement.complete:
        return
    count = len(agreement.goals)
    for section in all_sections(agreement):
        # Whole paragraphs, as the renderer links them: a reference may wrap over two lines.
        for text, first in section_texts(section):
            for match in GOAL_REF.finditer(text):
                if not all(1 <= n <= count for n in goal_numbers(match.group(0))):
                    line = first + text.count("\n", 0, match.start())
                    col = column_of(section, line, match.group(0).split("\n", 1)[0])
                    found = " ".join(match.group(0).split())
                    yield Diagnostic("IA801", Span(section.path, line, col), {"found": found, "count": count})
    for goal in agreement.goals:  # titles are linked too
        for match in GOAL_REF.finditer(goal.meta.title):
            if not all(1 <= n <= count for n in goal_numbers(match.group(0))):
                yield Diagnostic("IA801", at(goal.path, goal.positions, "title"), {"found": match.group(0), "count": count})


@needs("effect_goals")
def effect_goal_references(agreement: Agreement) -> Iterator[Diagnostic]:
    """The unit's chosen effect goals and its interventions name effect goals of the year."""
    chosen = agreement.interventions
    if chosen is None or agreement.interventions_positions is None:
        return
    known = [goal.key for goal in agreement.effect_goals]
    expected = ", ".join(known) or "ingen (årets _shared/effect_goals.yaml mangler)"
    path, positions = agreement.interventions_path, agreement.interventions_positions
    for i, key in enumerate(chosen.effect_goals):
        if key not in known:
            yield _unknown(key, known, expected, at(path, positions, "effect_goals", i))
    for i, item in enumerate(chosen.interventions):
        span = at(path, positions, "interventions", i, "effect_goal")
        if item.effect_goal not in known:
            yield _unknown(item.effect_goal, known, expected, span)
        elif item.effect_goal not in chosen.effect_goals:
            yield Diagnostic("IA803", span, {"found": item.effect_goal, "expected": ", ".join(chosen.effect_goals)})


def _unknown(key: str, known: list[str], expected: str, span) -> Diagnostic:
    args, hint = hint_args(key, known)
    return Diagnostic("IA802", span, {"found": key, "expected": expected, **args}, hint)
