"""Checks of how an agreement's Markdown is divided: a goal's parts under their headings,
heading levels, the shared chapter's slot, and the folder an agreement stands in.

The loader divides a goal at its headings and keeps what it could not place (a heading
that is no answer, a second answer, text before the first heading) in `goal.other`,
with the heading as written; these checks say what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ia.checks._needs import needs
from ia.checks._where import at
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Goal, Section, UnreadGoal
from ia.markdown import line_of
from ia.models import Rules
from ia.suggest import closest, hint_args


def _goals(agreement: Agreement) -> list[Goal | UnreadGoal]:
    return [*agreement.goals, *agreement.unread_goals]


def _parts(goal: Goal | UnreadGoal) -> list[Section]:
    return [section for section in (goal.intro, *goal.answers.values(), *goal.other) if section is not None]


@needs("meta")
def folder_names(agreement: Agreement) -> Iterator[Diagnostic]:
    """agreement.yaml's unit and year are those of the folder it stands in."""
    for name, expected in (("unit", agreement.folder_unit), ("year", agreement.folder_year)):
        found = getattr(agreement.meta, name)
        if expected and found != expected:
            yield Diagnostic("IA210", at(agreement.meta_path, agreement.meta_positions, name),
                             {"field": name, "found": found, "expected": expected})


@needs("rules")
def unplaced_parts(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every part of a goal stands under an answer heading of the year's rules, once."""
    rules = agreement.rules
    expected = ", ".join(f"'## {q.heading}'" for q in rules.questions)
    by_heading = {q.heading.casefold(): q for q in rules.questions}
    for goal in _goals(agreement):
        for section in goal.other:
            if not section.heading:
                yield Diagnostic("IA307", Span(section.path, section.line, 1), {"expected": rules.questions[0].heading})
                continue
            question = by_heading.get(section.heading.casefold())
            if question is not None and question.key in goal.answers:
                yield Diagnostic("IA308", Span(section.path, section.line, 1),
                                 {"heading": question.heading, "first": goal.answers[question.key].line})
            else:
                args, hint = _answer_hint(section.heading, rules)
                yield Diagnostic("IA303", Span(section.path, section.line, 1),
                                 {"found": section.heading, "expected": expected, **args}, hint)


def _answer_hint(text: str, rules: Rules) -> tuple[dict[str, object], str | None]:
    """Suggest the answer heading an unknown heading was meant to be: a misspelt heading
    ('Målingen'), or the question itself written as the heading."""
    args, hint = hint_args(text, [q.heading for q in rules.questions])
    if hint is None:
        by_question = {q.text_for(rules.year).casefold().rstrip("?"): q.heading for q in rules.questions}
        close = closest(text.casefold().rstrip("?"), by_question)
        if close is not None:
            args, hint = {"suggestion": by_question[close]}, "did_you_mean"
    return args, hint


@needs()
def part_heading_levels(agreement: Agreement) -> Iterator[Diagnostic]:
    """A goal's parts open with '##' headings, and no '#' heading stands in a goal or chapter."""
    names = {q.heading.casefold(): q.heading for q in agreement.rules.questions} if agreement.rules else {}
    names["indledning"] = "Indledning"
    for goal in _goals(agreement):
        for section in _parts(goal):
            written = section.written.casefold()
            if section.level not in (0, 2) and (written in names or section.level == 1):
                use = f"'## {names[written]}'" if written in names else "'##' / '###'"
                yield Diagnostic("IA305", Span(section.path, section.line, 1),
                                 {"level": section.level, "expected": use, "expected_en": use})
            yield from _top_headings(section, "'##' / '###'", "'##' / '###'")
    for chapter in agreement.chapters:
        for part in chapter.parts:
            yield from _top_headings(part, "'##' og '###'", "'##' and '###'")


def _top_headings(section: Section, expected: str, expected_en: str) -> Iterator[Diagnostic]:
    for token in section.tokens:
        if token.type == "heading_open" and token.tag == "h1":
            yield Diagnostic("IA305", Span(section.path, line_of(token), 1),
                             {"level": 1, "expected": expected, "expected_en": expected_en})


@needs()
def shared_slots(agreement: Agreement) -> Iterator[Diagnostic]:
    """A shared chapter marks the unit's text with one ```{lokalt}```."""
    seen: set[tuple[str, int]] = set()
    for chapter in agreement.chapters:
        for path, line in chapter.extra_slots:
            if (path, line) not in seen:  # one shared chapter can be used by several chapters
                seen.add((path, line))
                yield Diagnostic("IA312", Span(path, line, 1))
