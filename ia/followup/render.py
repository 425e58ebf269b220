"""Render a follow-up report (the agreement's edition `opfoelgning-<period>`) to HTML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from markupsafe import Markup

from ia.document import Agreement
from ia.diagnostics import Span, StageFailed
from ia.followup import PERIODS, file_name
from ia.followup.views import AreaCounts, Count, GoalLine, MISSED, by_area, counts, goal_lines
from ia.render.html import TocEntry, environment, inline, page_assets
from ia.render.markdown import render_section, slug


STAGE = "opfølgningen"  # the stage a missing follow-up names in IA909


@dataclass
class GoalReport:
    line: GoalLine
    title: Markup
    anchor: str
    continues_from: int | None
    question: str  # the first question of the year, as printed in the agreement
    result: Markup | None  # the goal's answer to it: the result it aimed at
    explanation: Markup | None


@dataclass
class AreaReport:
    number: str
    title: str
    anchor: str
    goals: list[GoalReport]


def report_context(agreement: Agreement, period: str) -> dict:
    """Collect everything the follow-up report shows, already formatted."""
    meta, rules = agreement.meta, agreement.rules
    if meta is None or rules is None:
        raise ValueError("a follow-up of an agreement whose agreement.yaml or rules.yaml is unknown cannot be rendered")
    followup = agreement.followups.get(period)
    if followup is None:
        path = f"{agreement.folder.rstrip('/')}/{file_name(period)}"
        raise StageFailed(STAGE, Span(path), f"aftalen har ingen {PERIODS[period].lower()}: skriv {path} (se docs/vejledning.md)")
    lines = goal_lines(agreement, followup)
    first = rules.questions[0]
    no_tables = lambda *_: ""  # noqa: E731 - the KPI tables stand with their actual values instead
    areas: list[AreaReport] = []
    toc = [TocEntry("1.", "Overblik", "overblik", 1), TocEntry("2.", "Målene", "maalene", 1)]
    for index, area in enumerate(rules.areas, 1):
        goals = []
        for line in (line for line in lines if line.area_key == area.key):
            goal = line.goal
            answer = goal.answers.get(first.key)
            explanation = followup.explanations.get(goal.key)
            goals.append(GoalReport(
                line, inline(goal.meta.title), f"maal-{goal.number}", goal.meta.continues_from,
                first.text_for(agreement.year, goal.meta.question_variants.get(first.key)),
                render_section(answer, directives=no_tables, heading_shift=3, assets=agreement.assets) if answer else None,
                render_section(explanation, directives=no_tables, heading_shift=3) if explanation else None))
        if goals:
            number = f"2.{len(areas) + 1}"
            areas.append(AreaReport(number, area.title, f"omraade-{slug(area.key)}", goals))
            toc.append(TocEntry(number, area.title, f"omraade-{slug(area.key)}", 2))
            toc.extend(TocEntry(f"Mål nr. {g.line.number}", g.line.title, g.anchor, 3) for g in goals)
    status_counts: list[Count] = counts(lines)
    area_counts: list[AreaCounts] = by_area(agreement, lines)
    name = PERIODS[period]
    return {
        "meta": meta,
        "year": agreement.year,
        "title": f"{name} {agreement.year}",
        "full_title": f"{name} {agreement.year} – {meta.unit_name}",
        "period_name": name,
        "date": format_date(followup.meta.date, format="d. MMMM y", locale="da"),
        "iso_date": followup.meta.date.isoformat(),
        "reported_by": followup.meta.reported_by,
        "total": len(lines),
        "counts": status_counts,
        "statuses": [c.status_label for c in status_counts],
        "area_counts": area_counts,
        "missed": [(line, kpi) for line in lines for kpi in line.missed],
        "areas": areas,
        "toc": toc,
        "MISSED": MISSED,
        # Mid-year, a target for October is not missed yet: the report says 'endnu'.
        "midyear": period == "midtvejs",
    }


def render_html(agreement: Agreement, *, period: str, created: str | None = None, folder: Path | None = None) -> str:
    """Render the agreement's follow-up for `period` to one self-contained HTML document."""
    env = environment(folder)
    context = report_context(agreement, period)
    context["created"] = created
    context.update(page_assets(folder, "followup.css"))
    return env.get_template("followup/report.html.j2").render(context)
