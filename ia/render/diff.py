"""Render a `Diff` for the terminal (rich) and as an HTML page (Jinja)."""

from __future__ import annotations

from markupsafe import Markup

from ia.diff import Diff
from ia.render.html import environment
from ia.resources import templates_dir
from ia.numbers import as_written, number


def _figure(value) -> str:
    return "–" if value is None else number(value)


def _kpi(value) -> str:
    if value is None:
        return "–"
    return value if isinstance(value, str) else as_written(value)


def diff_text(changes: Diff):
    """A rich renderable: goals, KPI targets and figures that changed."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts = [Text(f"Ændringer fra {changes.a} til {changes.b}", style="bold")]
    if changes.empty:
        parts.append(Text("Ingen ændringer i mål, KPI'er eller tabeller."))
    for goal in changes.added:
        parts.append(Text(f"+ nyt mål nr. {goal.number}: {goal.meta.title}", style="green"))
    for goal in changes.removed:
        parts.append(Text(f"- udgået mål nr. {goal.number}: {goal.meta.title}", style="red"))
    if changes.continued:
        parts.append(Text(f"  {len(changes.continued)} mål fortsætter"))
    if changes.changed_targets:
        table = Table(title="KPI-mål")
        for column in ("Mål", "Indikator", "Før", "Nu"):
            table.add_column(column, justify="right" if column in {"Før", "Nu"} else "left")
        for change in changes.changed_targets:
            table.add_row(change.goal, change.indicator, _kpi(change.before), _kpi(change.after))
        parts.append(table)
    for name in changes.tables_added:
        parts.append(Text(f"+ ny tabel {name}", style="green"))
    for name in changes.tables_removed:
        parts.append(Text(f"- udgået tabel {name}", style="red"))
    parts.extend(_emptied_text(changes))
    if changes.changed_figures:
        table = Table(title="Tal i tabellerne")
        for column in ("Tabel", "Række", "Kolonne", "Før", "Nu", "Ændring"):
            table.add_column(column, justify="right" if column in {"Før", "Nu", "Ændring"} else "left")
        for change in changes.changed_figures:
            delta = (number(change.after - change.before)
                     if change.before is not None and change.after is not None else "")
            table.add_row(change.table, change.row, change.column, _figure(change.before), _figure(change.after), delta)
        parts.append(table)
    return Group(*parts)


def _emptied_text(changes: Diff) -> list:
    """One line per table of emptied figures, and one for emptied KPI targets, instead of a line per cell."""
    from rich.text import Text

    targets, tables = changes.emptied_targets, changes.emptied_figures()
    if not targets and not tables:
        return []
    lines = [Text(f"Tomme felter, der skal udfyldes (ia check {changes.b} viser hvert ved sin linje):", style="bold")]
    if targets:
        goals = len({k.goal for k in targets})
        lines.append(Text(f"  {len(targets)} KPI-mål i {goals} mål står tomme"))
    for entry in tables:
        word = "kolonnen" if len(entry.columns) == 1 else "kolonnerne"
        columns = ", ".join(f"'{c}'" for c in entry.columns)
        lines.append(Text(f"  {entry.table}: {number(entry.count)} tal tømt i {word} {columns}"))
    return lines


def diff_html(changes: Diff) -> str:
    styles = Markup((templates_dir() / "css" / "base.css").read_text(encoding="utf-8")
                    + (templates_dir() / "css" / "screen.css").read_text(encoding="utf-8"))
    env = environment()
    env.filters.setdefault("kpi", _kpi)
    return env.get_template("diff.html.j2").render(diff=changes, styles=styles)
