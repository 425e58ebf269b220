"""Compose the whole agreement as one HTML document through the Jinja templates."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from collections.abc import Callable, Mapping

from ia.diagnostics import Span, StageFailed
from ia.document import Agreement, Goal, Section, UnreadGoal
from ia.markdown import directive
from ia.markdown import FootnoteNumbers
from ia.render.fonts import font_face_css
from ia.resources import templates_dir
from ia.render.markdown import Heading, inline, outline, render_section, slug
from ia.numbers import labelled_phones, number, phone
from ia.render.tables import SMALL_TABLE_ROWS, TableNumbers, deviation_notes, kpi_value, table_rows


@dataclass
class TocEntry:
    number: str
    title: str
    anchor: str
    level: int


@dataclass
class GoalView:
    number: int
    title: Markup
    plain_title: str
    anchor: str
    scope: str
    continues_from: int | None
    intro: Markup | None
    # (question, answer, heading as the editor wrote it when it is no answer of the rules)
    answers: list[tuple[str, Markup, str | None]]
    footnotes: Markup | None
    # What `ia preview` marks at the goal: its file's diagnostics. Empty in a build.
    problems: list[str] = field(default_factory=list)
    unread: bool = False


@dataclass
class InterventionView:
    letter: str  # the effect goal's letter (A, B …), or "" when interventions are numbered only
    name: str  # "Indsats" or "Indsats 2"
    effect_goal: str
    intervention: str
    description: Markup
    indicators: list[str]
    criteria: list[str]
    measurements: list[str]


@dataclass
class AreaView:
    number: str
    title: str
    anchor: str
    intro: Markup | None
    goals: list[GoalView]


@dataclass
class ChapterView:
    number: int
    title: str
    anchor: str
    body: Markup
    areas: list[AreaView] = field(default_factory=list)


# "§ 85", "§§ 82 og 85", "nr. 7", "stk. 2": a sign and its number never part at a line end.
_KEEP_WITH_NUMBER = re.compile(r"(§+|\b(?:nr|stk)\.)[ \t]+(?=\d)", re.IGNORECASE)


class Verbatim(Markup):
    """Markup printed exactly as it is: the page's styles, fonts and script."""


def typeset(value: object) -> object:
    """Join "§", "nr." and "stk." to the number after them with a no-break space, and
    group the phone numbers in running text ("Tlf.: 7376 7519") in pairs.

    The Jinja `finalize` hook: every value a template prints passes here, text and
    already rendered HTML alike, so the sources keep what the editor typed.
    """
    if isinstance(value, Verbatim):
        return value
    if isinstance(value, Markup):
        return Markup(labelled_phones(_KEEP_WITH_NUMBER.sub("\\1\u00a0", str(value))))
    if isinstance(value, str):
        return labelled_phones(_KEEP_WITH_NUMBER.sub("\\1\u00a0", value))
    return value


@lru_cache(maxsize=4)
def environment(folder: Path | None = None) -> Environment:
    """Return the Jinja environment: autoescape on, undefined values are errors."""
    env = Environment(
        finalize=typeset,
        loader=FileSystemLoader(str(folder or templates_dir())),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = number
    env.filters["phone"] = phone
    env.filters["inline"] = inline
    return env


def _goal_view(goal: Goal | UnreadGoal, agreement: Agreement, env: Environment, numbers: FootnoteNumbers,
               tables: TableNumbers, problems: Mapping[str, list[str]]) -> GoalView:
    parts = env.get_template("parts/tables.html.j2").module
    kpis = {k.id: k for k in goal.meta.kpis} if isinstance(goal, Goal) else {}
    # Which tables the editor placed, in any answer: known before the first answer is
    # rendered, so a table placed in a later answer is not also added to the first.
    placed = {found[1] for section in (goal.intro, *goal.answers.values()) if section is not None
              for token in section.tokens if (found := directive(token)) and found[0] == "tabel"}

    footnotes = goal.footnotes if isinstance(goal, Goal) else None
    notes = footnotes.tokens if footnotes else []

    def kpi_table(name: str, kpi_id: str) -> str:
        kpi = kpis.get(kpi_id) if name == "tabel" else None
        if kpi is None:
            return ""
        rows = [(row.indicator, kpi_value(row.baseline, kpi), kpi_value(row.target, kpi)) for row in kpi.rows]
        return str(parts.kpi_table(kpi, rows, tables.next()))

    # Rendered in reading order (intro, answers, notes), which numbers the footnotes.
    intro = (render_section(goal.intro, directives=kpi_table, heading_shift=2, notes=notes, assets=agreement.assets,
                            numbers=numbers) if goal.intro else None)
    answers = []
    questions = {q.key: q for q in agreement.rules.questions}
    # In the order the editor wrote them: a signed agreement is printed as signed (T&F
    # 2023's goal 2 answers the effect-goal question before the measurement one). Parts
    # under a heading that is no answer (an error, so only preview shows them) stay where
    # they were written, under that heading, instead of silently missing.
    written = [*goal.answers.items(), *(("", section) for section in goal.other)]
    for key, section in sorted(written, key=lambda item: item[1].line):
        html = render_section(section, directives=kpi_table, heading_shift=2, notes=notes, assets=agreement.assets,
                              numbers=numbers)
        if not key:
            answers.append((section.heading, html, section.heading or "(uden overskrift)"))
            continue
        question = questions[key]
        if question.key == agreement.rules.questions[0].key:
            # KPI tables the editor did not place stand at the end of the first answer.
            # Markup + str would escape the tables' HTML and print it as text.
            html = html + Markup("").join(Markup(kpi_table("tabel", k)) for k in kpis if k not in placed)
        variants = goal.meta.question_variants if isinstance(goal, Goal) else {}
        answers.append((question.text_for(agreement.year, variants.get(key)), html, None))
    endnotes = render_section(footnotes, directives=kpi_table, numbers=numbers) if footnotes else None
    if isinstance(goal, UnreadGoal):
        return GoalView(number=goal.number, title=Markup.escape(goal.title), plain_title=goal.title,
                        anchor=goal.anchor, scope="lokalt", continues_from=None, intro=intro, answers=answers,
                        footnotes=None, problems=list(problems.get(goal.path, [])), unread=True)
    return GoalView(
        number=goal.number, title=inline(goal.meta.title), plain_title=goal.meta.title,
        anchor=goal.anchor, scope=goal.meta.scope, continues_from=goal.meta.continues_from,
        intro=intro, answers=answers, footnotes=endnotes, problems=list(problems.get(goal.path, [])),
    )


def built_in_tables(agreement: Agreement, parts, numbers: FootnoteNumbers, tables: TableNumbers) -> dict[str, Callable[[], str]]:
    """How each built-in table of `ia.directives.BUILT_IN_TABLES` is drawn (a test holds the two equal)."""
    from ia.render.offers import offer_rows

    return {
        "tilbud": lambda: str(parts.offers_table(offer_rows(agreement.meta, agreement.register), tables.next())),
        "kontakter": lambda: str(parts.contacts_table(agreement.meta.contacts, tables.next())),
        # The year's approved list, as approved: a unit's own wording names its goals in 3.4 only.
        "effektmaal": lambda: str(parts.effect_goal_list([goal.text for goal in agreement.effect_goals or []])),
        "enhedens-effektmaal": lambda: _interventions(agreement, parts, "enhedens-effektmaal", numbers),
        "indsatser": lambda: _interventions(agreement, parts, "indsatser", numbers),
    }


def chapter_directives(agreement: Agreement, env: Environment, numbers: FootnoteNumbers,
                       tables: TableNumbers) -> dict[str, Callable[[str], str]]:
    """How each drawn directive of `ia.directives.DIRECTIVES` is drawn in a chapter (a test holds them equal)."""
    parts = env.get_template("parts/tables.html.j2").module
    built_in = built_in_tables(agreement, parts, numbers, tables)

    def table(table_id: str) -> str:
        if table_id in built_in:
            return built_in[table_id]()
        table = agreement.tables.get(table_id)
        if table is None:
            return ""
        rows = table_rows(table.data)
        return str(parts.figure_table(table.data, rows, "tabel-" + slug(table_id), len(rows) <= SMALL_TABLE_ROWS,
                                      deviation_notes(table.data, rows), tables.next()))

    def figure(table_id: str) -> str:
        table = agreement.tables.get(table_id)
        if table is None or table.data.chart is None:
            return ""
        from ia.render.charts import chart_svg

        try:
            svg = chart_svg(table.data)
        except Exception as error:  # noqa: BLE001 - named with its source, never a bare IA901
            mark = table.positions.find(("chart",), key=True)
            span = Span(table.path, mark.line, mark.col) if mark else Span(table.path)
            raise StageFailed("figuren", span, f"{type(error).__name__}: {error}") from error
        image = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        rows = table_rows(table.data)
        data = parts.figure_table(table.data, rows, "figurdata-" + slug(table_id), False, deviation_notes(table.data, rows))
        return str(parts.chart(table.data.chart, image, "figur-" + slug(table_id), data))

    return {"tabel": table, "figur": figure}


def _chapter_directives(agreement: Agreement, env: Environment, numbers: FootnoteNumbers, tables: TableNumbers):
    drawn = chapter_directives(agreement, env, numbers, tables)

    def render(name: str, arg: str) -> str:
        # A directive that is not drawn (a slot, a composing block) or unknown (reported
        # by ia check; only preview renders a document with errors) shows nothing.
        return drawn[name](arg) if name in drawn else ""

    return render


def _interventions(agreement: Agreement, parts, which: str, numbers: FootnoteNumbers) -> str:
    """The unit's lettered effect goals (A, B …), or its interventions, one table each."""
    chosen = agreement.interventions
    if chosen is None:
        return ""
    goals = {g.key: g for g in agreement.effect_goals or []}
    letters = {key: chr(ord("A") + i) for i, key in enumerate(chosen.effect_goals)}
    # The unit's own wording of an effect goal ({erstat} <key>) comes before the shared short form.
    own = {key: inline(text) for key, text in agreement.effect_goal_wordings().items()}
    named = [(letters[key], own.get(key) or goals[key].short or goals[key].text) for key in chosen.effect_goals if key in goals]
    if which == "enhedens-effektmaal":
        return str(parts.chosen_effect_goals(named))
    rows = []
    for n, (item, text) in enumerate(zip(chosen.interventions, agreement.intervention_texts), 1):
        goal = goals.get(item.effect_goal)
        label = (own.get(goal.key) or goal.short or goal.text) if goal else item.effect_goal
        description = render_section(text, directives=lambda *_: "", assets=agreement.assets, numbers=numbers)
        # The data says how interventions are named: by their effect goal's letter, their own number, or both.
        letter = letters.get(item.effect_goal, "") if chosen.label in {"bogstav", "begge"} else ""
        name = f"Indsats {n}" if chosen.label in {"nummer", "begge"} else "Indsats"
        rows.append(InterventionView(letter, name, label, item.intervention, description, item.indicators,
                                     _as_list(item.success_criterion), _as_list(item.measurement)))
    return str(parts.interventions(rows))


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def build_context(agreement: Agreement, *, env: Environment, problems: Mapping[str, list[str]] | None = None) -> dict:
    """Collect everything the templates show, already formatted.

    `problems` (file → diagnostics as text) is what `ia preview` marks at each goal; a goal
    that could not be read is shown in its place with its number and its problems.
    """
    problems = problems or {}
    rules = agreement.rules
    meta = agreement.meta
    if rules is None or meta is None:
        raise ValueError("an agreement whose agreement.yaml or rules.yaml is unknown cannot be rendered")
    every: list[Goal | UnreadGoal] = sorted([*agreement.goals, *agreement.unread_goals], key=lambda g: g.number)
    area_of = {id(g): (g.meta.area if isinstance(g, Goal) else g.area) for g in every}
    known_areas = {area.key for area in rules.areas}
    numbers = FootnoteNumbers()
    tables = TableNumbers(agreement.meta.table_numbers)
    directives = _chapter_directives(agreement, env, numbers, tables)
    chapters: list[ChapterView] = []
    toc: list[TocEntry] = []
    for chapter in agreement.chapters:
        anchor = f"kapitel-{chapter.number}"
        headings: dict[tuple[int, int], Heading] = outline(chapter.parts, chapter.number)
        toc.append(TocEntry(f"{chapter.number}.", chapter.title, anchor, 1))
        toc.extend(TocEntry(h.number, h.text, h.anchor, h.level) for h in headings.values())
        body = Markup("").join(
            render_section(part, directives=directives, heading_shift=1, assets=agreement.assets, numbers=numbers,
                           headings={i: h for (p, i), h in headings.items() if p == index})
            for index, part in enumerate(chapter.parts))
        view = ChapterView(chapter.number, chapter.title, anchor, body)
        if chapter.meta.goals:
            for index, area in enumerate(agreement.rules.areas, 1):
                number_text = f"{chapter.number}.{index}"
                area_anchor = f"omraade-{slug(area.key)}"
                intro_section: Section | None = agreement.areas.get(area.key)
                intro = (render_section(intro_section, directives=directives, heading_shift=1, assets=agreement.assets,
                                        numbers=numbers) if intro_section else None)
                goals = [_goal_view(g, agreement, env, numbers, tables, problems) for g in every if area_of[id(g)] == area.key]
                view.areas.append(AreaView(number_text, area.title, area_anchor, intro, goals))
                toc.append(TocEntry(number_text, area.title, area_anchor, 2))
                toc.extend(TocEntry(f"Mål nr. {g.number}", g.plain_title, g.anchor, 3) for g in goals)
            # Goals whose area is unknown (an error, so only preview gets here) keep their
            # numbers and are shown last, rather than vanishing from the page.
            stray = [_goal_view(g, agreement, env, numbers, tables, problems) for g in every if area_of[id(g)] not in known_areas]
            if stray:
                view.areas.append(AreaView("?", "Mål uden kendt område", "omraade-ukendt", None, stray))
                toc.append(TocEntry("?", "Mål uden kendt område", "omraade-ukendt", 2))
                toc.extend(TocEntry(f"Mål nr. {g.number}", g.plain_title, g.anchor, 3) for g in stray)
        chapters.append(view)
    return {
        "agreement": agreement,
        "meta": meta,
        "year": agreement.year,
        "title": f"Institutionsaftale {agreement.year}",
        "full_title": f"Institutionsaftale {agreement.year} – {meta.unit_name}",
        "effective_date": format_date(meta.effective_date, format="d. MMMM y", locale="da"),
        "created": meta.created.isoformat() if meta.created else None,
        "chapters": chapters,
        "toc": toc,
    }


def render_html(agreement: Agreement, *, created: str | None = None, folder: Path | None = None,
                problems: Mapping[str, list[str]] | None = None) -> str:
    """Render the agreement to one self-contained HTML document (with `problems` marked, for preview)."""
    env = environment(folder)
    context = build_context(agreement, env=env, problems=problems)
    if created and not context["created"]:
        context["created"] = created
    context.update(page_assets(folder))
    return env.get_template("document.html.j2").render(context)


def page_assets(folder: Path | None = None, own_css: str | None = None) -> dict[str, Verbatim]:
    """The page's embedded styles (fonts, the shared stylesheets, a kind's own) and script, for every kind's page."""
    templates = folder or templates_dir()
    css_dir = templates / "css"
    names = ("base.css", "screen.css", "print.css", *((own_css,) if own_css else ()))
    styles = [font_face_css(templates / "fonts"), *((css_dir / name).read_text(encoding="utf-8") for name in names)]
    return {"styles": Verbatim("\n".join(styles)),
            "script": Verbatim((templates / "screen.js").read_text(encoding="utf-8"))}
