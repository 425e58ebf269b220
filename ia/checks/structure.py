"""Checks of the document's structure: answers, areas, chapters and directives."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ia.checks._needs import needs
from ia.checks._where import at
from ia.diagnostics import Diagnostic, Span
from ia.document import Agreement, Section
from ia.directives import BUILT_IN_TABLES, DIRECTIVES
from ia.markdown import directive, line_of
from ia.suggest import hint_args


def _has_content(section: Section) -> bool:
    return any(t.type not in {"paragraph_open", "paragraph_close"} and (t.type != "inline" or t.content.strip())
               for t in section.tokens)


@needs("rules")
def goal_answers(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every required answer is present and none is empty."""
    year = agreement.year
    for goal in agreement.goals:
        for question in agreement.rules.questions:
            section = goal.answers.get(question.key)
            if section is None:
                if question.required:
                    text = question.text_for(year, goal.meta.question_variants.get(question.key))
                    args = {"heading": question.heading, "question": text}
                    line = _meant_as_heading(goal, question.heading, text)
                    if line:
                        # '#Måling', '**Måling**', 'Måling:' — the answer is there, its heading is not one.
                        yield Diagnostic("IA301", Span(goal.path, line, 1), args, "answer_heading")
                    else:
                        yield Diagnostic("IA301", at(goal.path, goal.positions, "title"), args)
            elif not _has_content(section):
                yield Diagnostic("IA302", Span(goal.path, section.line, 1), {"heading": question.heading})


_DECORATION = re.compile(r"^[#*_\s]+|[#*_:?.\s]+$")


def _meant_as_heading(goal, heading: str, question: str) -> int:
    """The line of the goal's body that reads as the answer's heading without being one
    ('#Måling', '**Måling**', 'Måling:', the question itself), or 0."""
    sections = [s for s in (goal.intro, *goal.answers.values(), goal.footnotes) if s is not None]
    lines = sections[0].lines if sections else []
    body = next((i for i, text in enumerate(lines) if i and text.strip() == "---"), 0) + 1
    wanted = {heading.casefold(), question.casefold().rstrip("?")}
    for number, text in enumerate(lines[body:], body + 1):
        if text.strip() and _DECORATION.sub("", text).casefold() in wanted:
            return number
    return 0


@needs("rules")
def question_variants(agreement: Agreement) -> Iterator[Diagnostic]:
    """A goal's chosen question wording is one the year's rules declare, for a question it answers."""
    questions = {q.key: q for q in agreement.rules.questions}
    for goal in agreement.goals:
        for key, variant in goal.meta.question_variants.items():
            question = questions.get(key)
            if question is None:
                args, hint = hint_args(key, questions, cutoff=0.5)
                yield Diagnostic("IA360", at(goal.path, goal.positions, "question_variants", key, key=True),
                                 {"found": key, "expected": ", ".join(questions), **args}, hint)
                continue
            names = [v.key for v in question.variants]
            if variant not in names:
                args, hint = hint_args(variant, names, cutoff=0.5)
                yield Diagnostic("IA361", at(goal.path, goal.positions, "question_variants", key),
                                 {"found": variant, "heading": question.heading,
                                  "expected": ", ".join(names) or "ingen", "expected_en": ", ".join(names) or "none",
                                  **args}, hint)
            elif key not in goal.answers:
                # The wording would be dropped without a word: the goal prints no such question.
                yield Diagnostic("IA362", at(goal.path, goal.positions, "question_variants", key, key=True),
                                 {"heading": question.heading})


_TABLE_NUMBER = re.compile(r"^\s*(tabel\s+\d+\s*[.:]?)", re.IGNORECASE)


@needs()
def typed_table_numbers(agreement: Agreement) -> Iterator[Diagnostic]:
    """A caption does not number its table: 'Tabel 3.' typed by hand goes stale when a table moves."""
    captions = [(t.path, t.positions, ("caption",), t.data.caption) for t in agreement.tables.values()]
    captions += [(g.path, g.positions, ("kpis", i, "caption"), k.caption)
                 for g in agreement.goals for i, k in enumerate(g.meta.kpis)]
    for path, positions, keys, caption in captions:
        found = _TABLE_NUMBER.match(caption or "")
        if found:
            yield Diagnostic("IA363", at(path, positions, *keys), {"found": found.group(1).strip()}, "table_numbers")


@needs("rules")
def goal_areas(agreement: Agreement) -> Iterator[Diagnostic]:
    """A goal's area is one of the year's areas."""
    keys = [area.key for area in agreement.rules.areas]
    for goal in agreement.goals:
        if goal.meta.area not in keys:
            args, hint = hint_args(goal.meta.area, keys, cutoff=0.5)
            yield Diagnostic("IA304", at(goal.path, goal.positions, "area"), {"found": goal.meta.area, **args}, hint)


@needs()
def goals_chapter(agreement: Agreement) -> Iterator[Diagnostic]:
    """Goals need a chapter to stand in."""
    if agreement.complete and agreement.goals and not any(c.meta.goals for c in agreement.chapters):
        yield Diagnostic("IA309", Span(f"{agreement.folder}/chapters"))


@needs("rules")
def area_texts(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every area text belongs to an area of the year."""
    keys = [area.key for area in agreement.rules.areas]
    for key, section in agreement.areas.items():
        if key not in keys:
            args, hint = hint_args(key, keys, cutoff=0.5)
            yield Diagnostic("IA310", Span(section.path), {"file": section.path, **args}, hint)


def _sections(agreement: Agreement) -> Iterator[tuple[Section, list[str]]]:
    """Every Markdown section with the table ids it may place."""
    chapter_tables = [*BUILT_IN_TABLES, *sorted(agreement.tables)]
    for chapter in agreement.chapters:
        for part in chapter.parts:
            yield part, chapter_tables
    for section in agreement.areas.values():
        yield section, chapter_tables
    for goal in agreement.goals:
        kpis = [k.id for k in goal.meta.kpis]
        for section in [goal.intro, *goal.answers.values()]:
            if section is not None:
                yield section, kpis


@needs()
def directives(agreement: Agreement) -> Iterator[Diagnostic]:
    """Every ```{tabel} id``` names a table the section can show."""
    for section, ids in _sections(agreement):
        for token in section.tokens:
            found = directive(token)
            if not found:
                continue
            name, arg = found
            span = Span(section.path, line_of(token), 1)
            if any(path.endswith(f"/tables/{arg}.yaml") for path in agreement.failed):
                continue  # the table itself is broken and reported; naming it is not a second error
            if name not in DIRECTIVES:
                yield Diagnostic("IA311", span, {"name": name})
            elif DIRECTIVES[name].composing:
                # In a chapter with 'shared:' these are taken out when the chapter is composed.
                yield Diagnostic("IA368", span, {"name": name})
            elif name == "figur":
                charts = sorted(t for t, table in agreement.tables.items() if table.data.chart)
                if arg not in charts:
                    args, hint = hint_args(arg, charts, cutoff=0.5)
                    yield Diagnostic("IA313", span, {"id": arg, "expected": ", ".join(charts) or "ingen", **args}, hint)
            elif name == "tabel" and arg not in ids:
                args, hint = hint_args(arg, ids, cutoff=0.5)
                yield Diagnostic("IA306", span, {"id": arg, "expected": ", ".join(ids) or "ingen", **args}, hint)


@needs()
def kpi_ids(agreement: Agreement) -> Iterator[Diagnostic]:
    """A goal's KPI tables have distinct ids."""
    for goal in agreement.goals:
        seen: dict[str, int] = {}
        for i, kpi in enumerate(goal.meta.kpis):
            span = at(goal.path, goal.positions, "kpis", i, "id")
            if kpi.id in seen:
                yield Diagnostic("IA214", span, {"id": kpi.id, "first": seen[kpi.id]})
            else:
                seen[kpi.id] = span.line


def _unplaced(agreement: Agreement) -> bool:
    """Some goal names an area the year does not have (IA304): where it belongs is
    unknown, so counting goals per area would report follow-on errors."""
    keys = {area.key for area in agreement.rules.areas}
    return any(goal.meta.area not in keys for goal in agreement.goals)


@needs("rules")
def mandatory_goals(agreement: Agreement) -> Iterator[Diagnostic]:
    """The year's mandatory cross-cutting goals are present, each in its area."""
    if not agreement.complete or _unplaced(agreement):
        return
    where = Span(f"{agreement.folder}/goals")
    titles = {area.key: area.title for area in agreement.rules.areas}
    for required in agreement.rules.mandatory_goals:
        words = [w.casefold() for w in required.match]
        if not any(g.meta.area == required.area and any(w in g.meta.title.casefold() for w in words)
                   for g in agreement.goals):
            yield Diagnostic("IA320", where, {"name": required.name, "area": titles.get(required.area, required.area)})


@needs("rules")
def area_minimums(agreement: Agreement) -> Iterator[Diagnostic]:
    """Each area has at least the number of goals the year's rules ask for."""
    if not agreement.complete or _unplaced(agreement):
        return
    for area in agreement.rules.areas:
        found = len(agreement.goals_in(area.key))
        if found < area.min_goals:
            requirement = f" ({area.requirement})" if area.requirement else ""
            requirement_en = f' ("{area.requirement}")' if area.requirement else ""
            yield Diagnostic("IA321", Span(f"{agreement.folder}/goals"),
                             {"area": area.title, "count": area.min_goals, "found": found, "requirement": requirement,
                              "requirement_en": requirement_en})
