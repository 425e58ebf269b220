"""Charts from figure tables: vector SVG through matplotlib, Danish labels, deterministic."""

from __future__ import annotations

import io
from decimal import Decimal

from ia.models import TableData
from ia.resources import templates_dir
from ia.numbers import number
from ia.tables import rows

INK, ACCENT, RULE = "#1d1d1b", "#00558c", "#b8c7d6"


def _points(table: TableData, series: str) -> tuple[list[str], list[float]]:
    """The chart's categories (first column) and one series' values, from plain rows only."""
    column = [c.label for c in table.columns].index(series)
    labels, values = [], []
    for row in rows(table):
        if row.kind == "row" and len(row.cells) > column and isinstance(row.cells[column], int | Decimal):
            labels.append(row.label)
            values.append(float(row.cells[column]))
    return labels, values


def prepare() -> None:
    """Import matplotlib as `chart_svg` uses it, so that processes forked later inherit it."""
    import matplotlib

    matplotlib.use("svg", force=True)
    from matplotlib import pyplot  # noqa: F401


def chart_svg(table: TableData, *, colours: list[str] | None = None, whole: bool = False) -> str:
    """Draw the table's chart as an SVG document: same data, same bytes.

    `colours` gives each series its own colour (the follow-up overview colours statuses
    as its tables do); by default the first series is the accent blue. `whole` puts ticks
    on whole numbers only, for counts (goals, KPIs) that never have halves.
    """
    import matplotlib

    matplotlib.use("svg", force=True)
    from matplotlib import font_manager, pyplot
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    chart = table.chart
    assert chart is not None
    fonts = templates_dir() / "fonts"
    for name in ("Lato-Regular.ttf", "Lato-Bold.ttf"):
        font_manager.fontManager.addfont(str(fonts / name))
    style = {
        "font.family": "Lato", "font.size": 9, "text.color": INK, "axes.labelcolor": INK,
        "xtick.color": INK, "ytick.color": INK, "axes.edgecolor": RULE,
        "svg.fonttype": "path",  # glyphs as outlines: no font needed where the SVG is shown
        "svg.hashsalt": "ia",  # stable element ids, so two builds give the same bytes
    }
    with matplotlib.rc_context(style):
        figure, axes = pyplot.subplots(figsize=(6.3, 2.8))
        for i, series in enumerate(chart.series):
            labels, values = _points(table, series)
            colour = colours[i] if colours and i < len(colours) else ACCENT if i == 0 else f"C{i}"
            if chart.type == "linje":
                axes.plot(labels, values, marker="o", markersize=3.5, linewidth=1.8, color=colour, label=series)
            else:
                offset = (i - (len(chart.series) - 1) / 2) * 0.8 / len(chart.series)
                axes.bar([x + offset for x in range(len(labels))], values, width=0.8 / len(chart.series),
                         color=colour, label=series)
                axes.set_xticks(range(len(labels)), labels)
        if whole:
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: number(Decimal(str(round(value))))))
        axes.set_ylim(bottom=0)
        axes.grid(axis="y", color=RULE, linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.set_xlabel(chart.x_label)
        axes.set_ylabel(chart.y_label)
        if len(chart.series) > 1:
            axes.legend(frameon=False)
        figure.tight_layout()
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        pyplot.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]
